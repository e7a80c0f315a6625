import GongkaiCore

/// `budget-operating-costs`: where the profile defines 机关运行经费 as the general-budget 公用经费
/// (Chongqing), the two figures are one.
struct BudgetOperatingCostsRule: BudgetRule {
    let description = BudgetRuleDescription(
        id: "budget-operating-costs", title: "机关运行经费与公用经费不一致", category: .threePublicCosts, severity: .error,
        rationale: "按口径，机关运行经费即一般公共预算财政拨款基本支出中的公用经费；两者不等时说明与基本支出表必然矛盾。",
        triggering: [BudgetExamples.lines(#"{"function": "2013201", "economic": "30201", "kind": "publicCosts", "amount": "100.00"}"#,
                                          extra: #""operatingCosts": {"amount": "90.00"}"#)],
        nonTriggering: [BudgetExamples.lines(#"{"function": "2013201", "economic": "30201", "kind": "publicCosts", "amount": "100.00"}"#,
                                             extra: #""operatingCosts": {"amount": "100.00"}"#)])

    func check(_ context: BudgetCheckContext) -> [Diagnostic] {
        guard context.profile.operatingCostsEqualPublicCosts, let costs = context.budget.operatingCosts else { return [] }
        let publicCosts = LineSums.of(context.budget.lines(paidBy: .generalBudget)).publicCosts
        guard costs.amount != publicCosts else { return [] }
        return [diagnostic("机关运行经费 \(costs.amount.formatted(in: .yuan, decimals: 2)) 元，一般公共预算基本支出中的公用经费为 \(publicCosts.formatted(in: .yuan, decimals: 2)) 元",
                           field: "operatingCosts.amount", found: costs.amount.formatted(in: .yuan, decimals: 2),
                           expected: publicCosts.formatted(in: .yuan, decimals: 2))]
    }
}
