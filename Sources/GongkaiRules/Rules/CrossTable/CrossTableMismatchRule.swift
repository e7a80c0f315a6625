import GongkaiCore

/// One quantity shown in two tables with two different values.
public struct CrossTableMismatchRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "cross-table-mismatch",
        title: "同一数据在两张表中不一致",
        category: .crossTable,
        severity: .error,
        rationale: "公开表之间有固定的勾稽关系：例如财政拨款收支总表的一般公共预算支出应等于一般公共预算支出表合计，其基本支出应等于基本支出表合计，收入总表与支出总表按科目相等。不一致说明至少一张表有错。",
        triggering: [
            RuleExample("""
            ## 2023年一般公共预算财政拨款支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            合计\t\t50.00\t50.00\t
            201\t一般公共服务支出\t50.00\t50.00\t

            ## 2023年一般公共预算财政拨款基本支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t人员经费\t公用经费
            合计\t\t↓45.00\t35.00\t10.00
            301\t工资福利支出\t35.00\t35.00\t
            302\t商品和服务支出\t10.00\t\t10.00
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 2023年一般公共预算财政拨款支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            合计\t\t50.00\t50.00\t
            201\t一般公共服务支出\t50.00\t50.00\t

            ## 2023年一般公共预算财政拨款基本支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t人员经费\t公用经费
            合计\t\t50.00\t40.00\t10.00
            301\t工资福利支出\t40.00\t40.00\t
            302\t商品和服务支出\t10.00\t\t10.00
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        context.comparisons.filter { $0.first.tableIndex != $0.second.tableIndex }.compactMap { comparison in
            guard case let .mismatch(difference, _) = comparison.outcome else { return nil }
            let unit = comparison.second.cell.figure.unit
            return diagnostic(
                "\(comparison.quantity)不一致：《\(comparison.first.table.title)》为 \(comparison.first.cell.text)，《\(comparison.second.table.title)》为 \(comparison.second.cell.text)，相差 \(difference.formatted(in: unit, decimals: 2))\(unit.chineseName)",
                at: comparison.second.cell.location, table: comparison.second.table, code: comparison.code,
                column: comparison.column.chineseName, found: comparison.second.cell.text, expected: comparison.first.cell.text,
                related: [comparison.first.cell.location])
        }
    }
}
