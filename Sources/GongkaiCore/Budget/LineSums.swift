/// The sums of a set of expenditure lines, split the ways disclosure tables split them.
public struct LineSums: Sendable, Equatable {
    /// All of it.
    public private(set) var total = Amount.zero
    /// 基本支出 — 人员经费.
    public private(set) var personnel = Amount.zero
    /// 基本支出 — 公用经费.
    public private(set) var publicCosts = Amount.zero
    /// 项目支出.
    public private(set) var project = Amount.zero
    /// By the money that pays for it.
    public private(set) var byFund: [IncomeSource: Amount] = [:]

    /// Empty sums.
    public init() {}

    /// 基本支出.
    public var basic: Amount { personnel + publicCosts }

    /// The part paid by `fund`.
    public func fund(_ fund: IncomeSource) -> Amount { byFund[fund] ?? .zero }

    /// The part paid by fiscal appropriations (财政拨款).
    public var fiscalAppropriation: Amount {
        Amount.sum(byFund.filter { $0.key.isFiscalAppropriation }.map(\.value))
    }

    /// Adds one line.
    public mutating func add(_ line: ExpenditureLine) {
        total = total + line.amount
        switch line.kind {
        case .personnel: personnel = personnel + line.amount
        case .publicCosts: publicCosts = publicCosts + line.amount
        case .project: project = project + line.amount
        }
        byFund[line.fund, default: .zero] = fund(line.fund) + line.amount
    }

    /// The sums of `lines`.
    public static func of<S: Sequence>(_ lines: S) -> LineSums where S.Element == ExpenditureLine {
        var sums = LineSums()
        for line in lines { sums.add(line) }
        return sums
    }
}
