import GongkaiCore

/// A cell of an amount column that holds something other than a number.
public struct InvalidAmountRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "invalid-amount",
        title: "金额栏不是有效数字",
        category: .arithmetic,
        severity: .error,
        rationale: "金额栏只能填写数字（或留空、填“-”）；文字、两个小数点、错位的千分位都会使表格无法核对，读者也无从判断金额。",
        triggering: [
            RuleExample("""
            ## 2023年一般公共预算财政拨款支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            合计\t\t10.00\t10.00\t
            201\t一般公共服务支出\t↓10.0.0\t10.00\t
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 2023年一般公共预算财政拨款支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            合计\t\t10.00\t10.00\t-
            201\t一般公共服务支出\t10.00\t10.00\t—
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for (index, table) in context.readableTables {
            for row in table.rows {
                for cell in row.invalidCells {
                    result.append(diagnostic("《\(table.title)》\(row.rawCode ?? row.name) 的“\(cell.column)”栏为“\(cell.text)”，不是有效金额",
                                             at: cell.location, table: context.ref(index), code: row.code?.digits, column: cell.column,
                                             found: cell.text, expected: "数字"))
                }
            }
        }
        return result
    }
}
