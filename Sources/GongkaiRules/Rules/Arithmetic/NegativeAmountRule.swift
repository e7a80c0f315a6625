import GongkaiCore

/// A negative amount in a budget table.
public struct NegativeAmountRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "negative-amount",
        title: "预算表出现负数",
        category: .arithmetic,
        severity: .warning,
        rationale: "预算收支金额不应为负数；负数通常是录入错误或把“减少额”填进了预算数栏。决算表中的结转结余等少数栏目可能为负，请人工确认。",
        triggering: [
            RuleExample("""
            ## 2023年一般公共预算财政拨款支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            合计\t\t10.00\t10.00\t
            201\t一般公共服务支出\t↓-10.00\t-10.00\t
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 2023年一般公共预算财政拨款支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            合计\t\t10.00\t10.00\t
            201\t一般公共服务支出\t10.00\t10.00\t
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for (index, table) in context.readableTables {
            for row in table.rows {
                for (key, cell) in row.values.sorted(by: { $0.key.description < $1.key.description }) where cell.amount.fen < 0 {
                    guard key.measure != .carryoverOut, key.measure != .carryoverIn else { continue }
                    result.append(diagnostic("《\(table.title)》\(row.rawCode ?? row.name) 的\(key.chineseName)为负数 \(cell.text)",
                                             at: cell.location, table: context.ref(index), code: row.code?.digits, column: key.chineseName,
                                             found: cell.text, expected: "不小于 0"))
                    break
                }
            }
        }
        return result
    }
}
