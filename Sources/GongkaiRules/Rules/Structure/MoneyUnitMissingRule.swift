import GongkaiCore

/// A table with amounts but no 单位：元/万元 statement.
public struct MoneyUnitMissingRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "money-unit-missing",
        title: "表格未注明金额单位",
        category: .structure,
        severity: .warning,
        rationale: "每张金额表都应注明“单位：元”或“单位：万元”；未注明时读者无法判断数额大小（本工具按文件中多数表格的单位读取）。",
        triggering: [
            RuleExample("""
            ↓## 2023年一般公共预算财政拨款支出预算表
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            合计\t\t10.00\t10.00\t
            201\t一般公共服务支出\t10.00\t10.00\t
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
        context.disclosure.tables.enumerated().filter { $0.element.moneyUnit == nil && $0.element.kind != nil && $0.element.rows.contains(where: \.hasData) }
            .map { index, table in
                diagnostic("《\(table.title)》未注明金额单位（按 \(table.effectiveUnit.chineseName) 读取）", at: table.location, table: context.ref(index),
                           found: "无单位", expected: "单位：元 或 单位：万元")
            }
    }
}
