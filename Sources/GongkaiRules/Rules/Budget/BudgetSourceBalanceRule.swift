import GongkaiCore

/// `budget-source-balance`: the money each source brings in is what the lines it pays for spend
/// (a budget balances source by source; 上年结转 counts with the money it carries over, and in final
/// accounts what is carried into next year counts as spent).
struct BudgetSourceBalanceRule: BudgetRule {
    let description = BudgetRuleDescription(
        id: "budget-source-balance", title: "收入与其安排的支出不相等", category: .arithmetic, severity: .error,
        rationale: "部门预算按资金来源收支平衡：每一种收入（含上年结转）都应等于由该资金安排的支出，否则收支总表、收入总表与支出总表无法同时平衡。",
        triggering: [BudgetExamples.lines(#"{"function": "2013201", "economic": "30101", "kind": "personnel", "amount": "100.00"}"#, income: "120.00"),
                     BudgetExamples.lines(#"{"function": "2013201", "economic": "30101", "kind": "personnel", "fund": "institutionRevenue", "amount": "100.00"}"#)],
        nonTriggering: [BudgetExamples.lines(#"{"function": "2013201", "economic": "30101", "kind": "personnel", "amount": "100.00"}"#)])

    func check(_ context: BudgetCheckContext) -> [Diagnostic] {
        let budget = context.budget
        var findings: [Diagnostic] = []
        for source in IncomeSource.allCases {
            let spent = Amount.sum(budget.lines(paidBy: source).map(\.amount)) + budget.carryoverOut(of: source)
            let available = source == .carryoverIn
                ? Amount.sum(budget.income.filter { $0.source == .carryoverIn && $0.fund == nil }.map(\.amount))
                : budget.income(from: source) + budget.carryover(of: source)
            guard spent != available else { continue }
            let incomeIndex = budget.income.firstIndex { $0.source == source }
            let field = incomeIndex.map { "income[\($0)].amount" } ?? "income"
            findings.append(diagnostic("\(source.chineseName)收入 \(available.formatted(in: .yuan, decimals: 2)) 元，但由其安排的支出（含年末结转和结余）合计 \(spent.formatted(in: .yuan, decimals: 2)) 元",
                                       field: field, found: available.formatted(in: .yuan, decimals: 2), expected: spent.formatted(in: .yuan, decimals: 2)))
        }
        return findings
    }
}
