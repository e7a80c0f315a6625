import GongkaiCore

/// One "total = Σ parts" relationship a table asserts, evaluated with rounding intervals.
struct SumRelation: Sendable {
    /// Which family of sums this is; each family has its own rule.
    enum Kind: Sendable {
        /// 类 = Σ款, 款 = Σ项.
        case hierarchy
        /// Across a row: 合计 = 基本支出 + 项目支出, 基本支出 = 人员经费 + 公用经费 ...
        case row
        /// Down a column: 合计 = Σ top-level rows; a numbered group = Σ its items.
        case column
        /// 三公: 合计 = 出国 + 车辆 + 接待; 车辆 = 购置 + 运行.
        case threePublicCosts
    }

    var kind: Kind
    var tableIndex: Int
    /// The total's cell (nil when the total cell is blank: a blank total is 0).
    var total: CellFigure?
    /// Where to point when the total cell is blank.
    var location: SourceLocation
    var parts: [CellFigure]
    var outcome: SumCheckOutcome
    /// What is summed, in Chinese: `208 社会保障和就业支出 = Σ款（2 行）`.
    var explanation: String
    var code: String?
    var column: ColumnKey
}

extension SumRelation {
    /// The published total, or 0.
    var totalText: String { total?.text ?? "0（空白）" }

    /// The exact sum of the parts, written in the total's unit and decimals.
    func sumText(unit: MoneyUnit) -> String {
        guard let sum = Amount.exactSum(parts.map(\.amount)) else { return Self.overflowText }
        let decimals = ([total?.figure.decimals ?? 0] + parts.map(\.figure.decimals)).max() ?? 0
        return sum.formatted(in: unit, decimals: decimals)
    }

    /// Whether the parts add up to more than can be computed (no real table comes near).
    var sumOverflows: Bool { Amount.exactSum(parts.map(\.amount)) == nil }

    /// What is said of a sum beyond the computable range.
    static let overflowText = "超出可计算的范围（超过 92,233,720,368,547,758.07 元）"
}
