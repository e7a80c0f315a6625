import GongkaiCore

/// 类 = Σ款, 款 = Σ项 in every coded table.
public struct HierarchySumRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "hierarchy-sum",
        title: "上级科目不等于下级科目之和",
        category: .arithmetic,
        severity: .error,
        rationale: "功能分类和经济分类的类、款金额应分别等于其下各款、各项之和；超出舍入误差的差额说明表中有漏填、错填或抄错的数字。",
        triggering: [
            RuleExample("""
            ## 2023年一般公共预算财政拨款支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            合计\t\t30.00\t30.00\t
            208\t社会保障和就业支出\t↓30.00\t30.00\t
            20805\t行政事业单位养老支出\t20.00\t20.00\t
            2080505\t机关事业单位基本养老保险缴费支出\t20.00\t20.00\t
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 2023年一般公共预算财政拨款支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            合计\t\t23.77\t23.77\t
            208\t社会保障和就业支出\t23.77\t23.77\t
            20805\t行政事业单位养老支出\t23.77\t23.77\t
            2080505\t机关事业单位基本养老保险缴费支出\t15.84\t15.84\t
            2080506\t机关事业单位职业年金缴费支出\t7.92\t7.92\t
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        mismatchedSums(context, kind: .hierarchy)
    }
}
