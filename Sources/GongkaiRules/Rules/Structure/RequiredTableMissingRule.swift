import GongkaiCore

/// A table the profile requires that the document does not contain.
public struct RequiredTableMissingRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "required-table-missing",
        title: "缺少规定的公开表格",
        category: .structure,
        severity: .error,
        rationale: "各地预决算公开规定了必须公开的表格（如收支总表、收入总表、支出总表、财政拨款收支总表、一般公共预算支出表、基本支出表、“三公”经费表、政府性基金表）；缺表即公开不完整，无数据的表也应保留并作空表说明。",
        triggering: [
            RuleExample("""
            ↓# 示例中心2023年单位预算情况说明
            ## 2023年部门收支总表
            单位：万元
            收入\t\t支出\t
            项目\t预算数\t项目\t预算数
            合计\t10.00\t合计\t10.00
            """),
        ],
        nonTriggering: [
            RuleExample("""
            # 示例中心2023年单位预算情况说明
            ## 2023年部门收支总表
            单位：万元
            收入\t\t支出\t
            项目\t预算数\t项目\t预算数
            合计\t10.00\t合计\t10.00
            ## 2023年部门收入总表
            单位：万元
            科目编码\t科目名称\t合计\t一般公共预算拨款
            合计\t\t10.00\t10.00
            ## 2023年部门支出总表
            单位：万元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            合计\t\t10.00\t10.00\t
            ## 2023年财政拨款收支总表
            单位：万元
            收入\t\t支出\t
            项目\t预算数\t项目\t合计
            合计\t10.00\t合计\t10.00
            ## 2023年一般公共预算财政拨款支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            合计\t\t10.00\t10.00\t
            ## 2023年一般公共预算财政拨款基本支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t人员经费\t公用经费
            合计\t\t10.00\t10.00\t
            ## 2023年一般公共预算“三公”经费支出表
            单位：万元
            合计\t因公出国（境）费\t公务接待费
            0\t0\t0
            ## 2023年政府性基金预算支出表
            单位：万元
            科目编码\t科目名称\t合计
            \t合计\t
            (备注：本单位无政府性基金收支，故此表无数据。)
            """),
            // A project's performance goals published on their own: not the budget's tables.
            RuleExample("""
            ## 2023年一般性项目绩效目标表（一级项目）
            单位：万元
            专项资金名称\t示例信息化项目\t业务主管部门\t示例部门
            当年预算\t18.76
            绩效指标\t指标\t指标权重\t计量单位\t指标性质\t指标值
            \t站点网络通畅率\t5\t%\t=\t100
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        guard !context.disclosure.metadata.isExcerpt, context.hasTablesPart else { return [] }
        // Performance goals alone are a publication of their own (项目绩效目标), not the budget's tables.
        guard context.disclosure.tables.contains(where: { $0.kind != .projectPerformanceGoals }) else { return [] }
        let present = Set(context.disclosure.tables.compactMap(\.kind))
        let place = context.disclosure.metadata.titleLocation ?? SourceLocation(file: context.disclosure.path)
        return context.profile.requiredTables.filter { !present.contains($0.kind) }.map { required in
            diagnostic("缺少《\(required.title)》（\(context.profile.title)规定公开的表格）", at: place,
                       table: DisclosureTableRef(kind: required.kind, title: required.title), found: "无此表", expected: required.title)
        }
    }
}
