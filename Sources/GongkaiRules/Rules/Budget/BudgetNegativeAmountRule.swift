import GongkaiCore

/// `budget-negative-amount`: income, spending, “三公”, operating costs and procurement are never
/// negative in a budget; a minus sign is a typing error.
struct BudgetNegativeAmountRule: BudgetRule {
    let description = BudgetRuleDescription(
        id: "budget-negative-amount", title: "预算金额为负数", category: .arithmetic, severity: .error,
        rationale: "预算收入、支出、“三公”经费、机关运行经费和政府采购预算都不应为负数；负数多为录入错误，会使公开表出现负值。",
        triggering: [BudgetExamples.lines(#"{"function": "2013201", "economic": "30101", "kind": "personnel", "amount": "-100.00"}"#, income: "-100.00"),
                     BudgetExamples.with(#""threePublicCosts": {"reception": {"amount": "-5.00"}}"#)],
        nonTriggering: [BudgetExamples.with(#""threePublicCosts": {"reception": {"amount": "0.00"}}"#)])

    func check(_ context: BudgetCheckContext) -> [Diagnostic] {
        let budget = context.budget
        var amounts: [(String, Amount?)] = []
        amounts += budget.income.enumerated().map { ("income[\($0.offset)].amount", $0.element.amount) }
        amounts += budget.expenditure.enumerated().map { ("expenditure[\($0.offset)].amount", $0.element.amount) }
        let costs = budget.threePublicCosts
        for (name, item) in [("travelAbroad", costs.travelAbroad), ("vehiclePurchase", costs.vehiclePurchase),
                             ("vehicleOperation", costs.vehicleOperation), ("reception", costs.reception)] {
            amounts += [("threePublicCosts.\(name).amount", item.amount), ("threePublicCosts.\(name).priorYear", item.priorYear)]
        }
        amounts += [("operatingCosts.amount", budget.operatingCosts?.amount), ("operatingCosts.priorYear", budget.operatingCosts?.priorYear),
                    ("procurement.goods", budget.procurement.goods), ("procurement.works", budget.procurement.works),
                    ("procurement.services", budget.procurement.services)]
        let prior = budget.comparison
        amounts += [("comparison.total", prior.total), ("comparison.fiscalAppropriation", prior.fiscalAppropriation),
                    ("comparison.generalBudget", prior.generalBudget), ("comparison.basic", prior.basic), ("comparison.project", prior.project)]
        amounts += budget.projects.enumerated().map { ("projects[\($0.offset)].budgetedElsewhere", $0.element.budgetedElsewhere) }
        return amounts.compactMap { field, amount in
            guard let amount, amount.fen < 0 else { return nil }
            return diagnostic("金额为负数：\(amount.formatted(in: .yuan, decimals: 2)) 元", field: field,
                              found: amount.formatted(in: .yuan, decimals: 2), expected: "不小于 0 的金额")
        }
    }
}
