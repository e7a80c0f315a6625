import GongkaiCore

extension Rule {
    /// Diagnostics for the sums of one family that do not add up.
    func mismatchedSums(_ context: CheckContext, kind: SumRelation.Kind) -> [Diagnostic] {
        context.sums.filter { $0.kind == kind }.compactMap { relation in
            guard case let .mismatch(difference, tolerance) = relation.outcome else { return nil }
            let unit = context.unit(relation.tableIndex)
            let decimals = ([relation.total?.figure.decimals ?? 0] + relation.parts.map(\.figure.decimals)).max() ?? 0
            let table = context.ref(relation.tableIndex)
            let expected = relation.sumText(unit: unit)
            if relation.sumOverflows {
                return diagnostic("《\(table.title)》\(relation.explanation)，\(relation.column.chineseName)列：表中为 \(relation.totalText)，各项之和\(expected)，金额不可能成立",
                                  at: relation.location, table: table, code: relation.code, column: relation.column.chineseName,
                                  found: relation.totalText, expected: expected)
            }
            return diagnostic(
                "《\(table.title)》\(relation.explanation)，\(relation.column.chineseName)列：表中为 \(relation.totalText)，各项之和为 \(expected)，相差 \(difference.formatted(in: unit, decimals: decimals))\(unit.chineseName)（舍入最多可解释 \(tolerance.formatted(in: unit, decimals: Self.decimals(of: tolerance, in: unit, atLeast: max(decimals, 2))))\(unit.chineseName)）",
                at: relation.location, table: table, code: relation.code, column: relation.column.chineseName,
                found: relation.totalText, expected: expected)
        }
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
