import GongkaiCore

/// A table whose title matches none of the standard tables.
public struct TableUnrecognizedRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "table-unrecognized",
        title: "未识别的表格",
        category: .structure,
        severity: .info,
        rationale: "标题不属于任何标准公开表的表格不参与勾稽核对；若它其实是标准表（标题写法特殊），请反馈以便补充识别，或核对标题是否写错。",
        triggering: [
            RuleExample("""
            ↓## 2023年政府采购预算明细表
            单位：万元
            项目\t金额
            货物\t10.00
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
        context.disclosure.tables.enumerated().filter { $0.element.kind == nil }.map { index, table in
            diagnostic("表格《\(table.title)》不是可识别的标准公开表，未参与核对", at: table.location, table: context.ref(index),
                       found: table.title, expected: "标准公开表")
        }
    }
}
