import GongkaiCore

extension Rule {
    /// Diagnostics for the sums of one family that do not add up: one per row, naming every column of
    /// the row that fails — a missing row breaks its total in each column at once, and that is one defect.
    func mismatchedSums(_ context: CheckContext, kind: SumRelation.Kind) -> [Diagnostic] {
        var order: [RowOfSum] = []
        var byRow: [RowOfSum: [SumRelation]] = [:]
        for relation in context.sums where relation.kind == kind {
            guard case .mismatch = relation.outcome else { continue }
            let place = relation.location
            let row = RowOfSum(table: relation.tableIndex, page: place.page, line: place.line, sheet: place.sheet,
                               sheetRow: place.cell.map { String($0.drop { !$0.isNumber }) }, explanation: relation.explanation, code: relation.code)
            if byRow[row] == nil { order.append(row) }
            byRow[row, default: []].append(relation)
        }
        return order.compactMap { row in
            guard let relations = byRow[row], let first = relations.first else { return nil }
            let table = context.ref(first.tableIndex)
            let columns = relations.map { sentence(for: $0, unit: context.unit($0.tableIndex)) }
            return diagnostic("《\(table.title)》\(first.explanation)，" + columns.joined(separator: "；"),
                              at: first.location, table: table, code: first.code, column: relations.map(\.column.chineseName).joined(separator: "、"),
                              found: first.totalText, expected: first.sumText(unit: context.unit(first.tableIndex)))
        }
    }

    /// `合计列：表中为 …，各项之和为 …，相差 …（舍入最多可解释 …）` for one column.
    private func sentence(for relation: SumRelation, unit: MoneyUnit) -> String {
        let expected = relation.sumText(unit: unit)
        let head = "\(relation.column.chineseName)列：表中为 \(relation.totalText)，各项之和"
        guard case let .mismatch(difference, tolerance) = relation.outcome, !relation.sumOverflows else { return head + "\(expected)，金额不可能成立" }
        let decimals = ([relation.total?.figure.decimals ?? 0] + relation.parts.map(\.figure.decimals)).max() ?? 0
        return head + "为 \(expected)，相差 \(difference.formatted(in: unit, decimals: decimals))\(unit.chineseName)"
            + "（舍入最多可解释 \(tolerance.formatted(in: unit, decimals: Self.decimals(of: tolerance, in: unit, atLeast: max(decimals, 2))))\(unit.chineseName)）"
    }

    /// Decimals that show `amount` exactly in `unit` (a tolerance of 0.015万元, not 0.02), at least `minimum`.
    static func decimals(of amount: Amount, in unit: MoneyUnit, atLeast minimum: Int) -> Int {
        var decimals = minimum
        var step = unit.fenPerUnit
        for _ in 0..<minimum { step /= 10 }
        while decimals < 6, step > 1, amount.fen % step != 0 {
            step /= 10
            decimals += 1
        }
        return decimals
    }
}

/// The row a sum is stated on: the sums of its columns are reported together.
private struct RowOfSum: Hashable {
    let table: Int
    let page: Int?
    let line: Int?
    let sheet: String?
    /// The row number of a workbook cell (`5` of `C5`).
    let sheetRow: String?
    let explanation: String
    let code: String?
}
