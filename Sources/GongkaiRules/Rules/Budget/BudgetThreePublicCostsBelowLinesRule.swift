import GongkaiCore

/// `budget-three-public-costs-below-lines`: each “三公” item is at least the 一般公共预算 spending
/// on its own 经济分类 code (因公出国（境）费用 30212, 公务接待费 30217, 公务用车运行维护费 30231,
/// 公务用车购置 31013) — those lines are part of it, so the published 三公 table can never be smaller
/// than the basic-expenditure table's line.
struct BudgetThreePublicCostsBelowLinesRule: BudgetRule {
    let description = BudgetRuleDescription(
        id: "budget-three-public-costs-below-lines", title: "“三公”经费小于对应经济科目支出", category: .threePublicCosts, severity: .error,
        rationale: "经济分类 30212、30217、30231、31013 的一般公共预算财政拨款支出本身就是因公出国（境）费、公务接待费、公务用车运行维护费和购置费；“三公”经费表中的数比支出表中对应科目还小，两表必有一处错。",
        triggering: [BudgetExamples.lines(#"{"function": "2013201", "economic": "30231", "kind": "publicCosts", "amount": "100.00"}"#,
                                          extra: #""threePublicCosts": {"vehicleOperation": {"amount": "90.00"}}"#)],
        nonTriggering: [BudgetExamples.lines(#"{"function": "2013201", "economic": "30231", "kind": "publicCosts", "amount": "100.00"}"#,
                                             extra: #""threePublicCosts": {"vehicleOperation": {"amount": "100.00"}}"#)])

    private static let items: [(name: String, field: String, code: String, amount: @Sendable (ThreePublicCosts) -> Amount)] = [
        ("因公出国（境）费", "threePublicCosts.travelAbroad.amount", "30212", { $0.travelAbroad.amount }),
        ("公务接待费", "threePublicCosts.reception.amount", "30217", { $0.reception.amount }),
        ("公务用车运行维护费", "threePublicCosts.vehicleOperation.amount", "30231", { $0.vehicleOperation.amount }),
        ("公务用车购置费", "threePublicCosts.vehiclePurchase.amount", "31013", { $0.vehiclePurchase.amount }),
    ]

    func check(_ context: BudgetCheckContext) -> [Diagnostic] {
        let lines = context.budget.lines(paidBy: .generalBudget)
        return Self.items.compactMap { item in
            let spent = Amount.sum(lines.filter { $0.economic.digits == item.code }.map(\.amount))
            let stated = item.amount(context.budget.threePublicCosts)
            guard stated < spent else { return nil }
            return diagnostic("“三公”经费中的\(item.name) \(stated.formatted(in: .yuan, decimals: 2)) 元，小于一般公共预算 \(item.code) 科目的支出 \(spent.formatted(in: .yuan, decimals: 2)) 元",
                              field: item.field, code: item.code, found: stated.formatted(in: .yuan, decimals: 2),
                              expected: "不小于 \(spent.formatted(in: .yuan, decimals: 2))")
        }
    }
}
