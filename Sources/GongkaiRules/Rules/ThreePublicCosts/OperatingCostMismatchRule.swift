import GongkaiCore

/// 机关运行经费 stated in the narrative that differs from the table, or from 公用经费 where the profile equates them.
public struct OperatingCostMismatchRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "operating-cost-mismatch",
        title: "机关运行经费与表格不一致",
        category: .threePublicCosts,
        severity: .error,
        rationale: "机关运行经费是使用一般公共预算财政拨款安排的基本支出中的日常公用经费。说明中的金额应与“三公”经费和机关运行经费表一致；检查口径规定二者相等时（operatingCostsEqualPublicCosts），行政单位的机关运行经费应等于一般公共预算基本支出表的公用经费合计。",
        triggering: [
            RuleExample("""
            ## 五、其他重要事项的情况说明
            （一）机关运行经费。2023年一般公共预算财政拨款运行经费↓30.00万元，比上年42.83万元减少12.83万元，主要原因为压缩行政运行成本。

            ## 2023年一般公共预算财政拨款基本支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t人员经费\t公用经费
            合计\t\t190.98\t154.87\t36.11
            301\t工资福利支出\t154.87\t154.87\t
            302\t商品和服务支出\t36.11\t\t36.11
            """, profile: "chongqing-unit-budget"),
        ],
        nonTriggering: [
            RuleExample("""
            ## 五、其他重要事项的情况说明
            （一）机关运行经费。2023年一般公共预算财政拨款运行经费36.11万元，比上年42.83万元减少6.72万元，主要原因为压缩行政运行成本。

            ## 2023年一般公共预算财政拨款基本支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t人员经费\t公用经费
            合计\t\t190.98\t154.87\t36.11
            301\t工资福利支出\t154.87\t154.87\t
            302\t商品和服务支出\t36.11\t\t36.11
            """, profile: "chongqing-unit-budget"),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        let publicCosts = context.profile.operatingCostsEqualPublicCosts
            ? context.facts.figure(for: .spending(.publicCosts, generalBudget: true)) : nil
        let tableValue = context.facts.figure(for: .threePublic(.operatingCosts))
        for statement in context.statements where statement.role == .value {
            guard let figure = statement.figure, context.key(of: statement) == .threePublic(.operatingCosts) else { continue }
            for reference in [tableValue, publicCosts].compactMap({ $0 }) {
                guard case .mismatch = SumCheck.compareSame(figure, reference.cell.figure) else { continue }
                let what = reference.table.kind == .threePublicCosts ? "机关运行经费" : "公用经费合计"
                let expected = reference.cell.amount.formatted(in: figure.unit, decimals: max(2, figure.decimals)) + figure.unit.chineseName
                result.append(diagnostic("说明中机关运行经费“\(statement.mention.text)”与《\(reference.table.title)》\(what) \(reference.cell.text) 不一致",
                                         at: statement.location, table: reference.table, column: what, found: statement.mention.text,
                                         expected: expected, section: context.paragraph(of: statement).effectiveSection,
                                         related: [reference.cell.location]))
                break
            }
        }
        return result
    }
}
