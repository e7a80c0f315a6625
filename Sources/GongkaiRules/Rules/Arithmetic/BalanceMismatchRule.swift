import GongkaiCore

/// 收入总计 = 支出总计 in the two summary tables.
public struct BalanceMismatchRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "balance-mismatch",
        title: "收支总表收入总计与支出总计不平衡",
        category: .arithmetic,
        severity: .error,
        rationale: "收支总表和财政拨款收支总表按“收支平衡”编制，收入总计必须等于支出总计。",
        triggering: [
            RuleExample("""
            ## 2023年财政拨款收支总表
            单位：万元
            收入\t\t支出\t\t\t\t
            项目\t预算数\t项目\t合计\t一般公共预算\t政府性基金预算\t国有资本经营预算
            一般公共预算资金\t100.00\t一般公共服务支出\t90.00\t90.00\t\t
            收入合计\t100.00\t支出合计\t↓90.00\t90.00\t\t
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 2023年财政拨款收支总表
            单位：万元
            收入\t\t支出\t\t\t\t
            项目\t预算数\t项目\t合计\t一般公共预算\t政府性基金预算\t国有资本经营预算
            一般公共预算资金\t100.00\t一般公共服务支出\t100.00\t100.00\t\t
            收入合计\t100.00\t支出合计\t100.00\t100.00\t\t
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        context.comparisons.filter { $0.first.tableIndex == $0.second.tableIndex && $0.outcome.isMismatch }.map { comparison in
            let unit = comparison.first.cell.figure.unit
            let difference = comparison.first.cell.amount - comparison.second.cell.amount
            return diagnostic(
                "《\(comparison.first.table.title)》收入总计为 \(comparison.first.cell.text)，支出总计为 \(comparison.second.cell.text)，相差 \(difference.formatted(in: unit, decimals: 2))\(unit.chineseName)，收支不平衡",
                at: comparison.second.cell.location, table: comparison.second.table, column: "支出总计",
                found: comparison.second.cell.text, expected: comparison.first.cell.text, related: [comparison.first.cell.location])
        }
    }
}
