import GongkaiCore

/// 合计 = 基本支出 + 项目支出, 基本支出 = 人员经费 + 公用经费, 合计 = Σ收入来源 … across each row.
public struct RowSumRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "row-sum",
        title: "行内合计不等于各列之和",
        category: .arithmetic,
        severity: .error,
        rationale: "每一行的合计应等于基本支出与项目支出之和，基本支出应等于人员经费与公用经费之和，收入合计应等于各项收入之和。",
        triggering: [
            RuleExample("""
            ## 2023年一般公共预算财政拨款基本支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t人员经费\t公用经费
            合计\t\t50.00\t40.00\t10.00
            301\t工资福利支出\t40.00\t40.00\t
            302\t商品和服务支出\t↓12.00\t\t10.00
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 2023年一般公共预算财政拨款基本支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t人员经费\t公用经费
            合计\t\t50.00\t40.00\t10.00
            301\t工资福利支出\t40.00\t40.00\t
            302\t商品和服务支出\t10.00\t\t10.00
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        mismatchedSums(context, kind: .row)
    }
}
