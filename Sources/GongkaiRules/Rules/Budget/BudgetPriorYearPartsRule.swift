import GongkaiCore

/// `budget-prior-year-parts`: the year before's figures add up as this year's do — 人员经费 + 公用经费 =
/// 基本支出, 基本支出 + 项目支出 = 一般公共预算, the three funds = 财政拨款 — within what rounding
/// each figure to 0.01万元 (the published unit they are usually copied from) can explain.
struct BudgetPriorYearPartsRule: BudgetRule {
    let description = BudgetRuleDescription(
        id: "budget-prior-year-parts", title: "上年数各部分之和不等于合计", category: .yearOnYear, severity: .error,
        rationale: "上年对比中的各部分（人员经费与公用经费、基本支出与项目支出、三类财政拨款）应加总为其合计，否则情况说明中的增减额和增减率互相矛盾。",
        triggering: [BudgetExamples.with(#""comparison": {"basic": "10000.00", "personnel": "8000.00", "publicCosts": "3000.00"}"#)],
        nonTriggering: [BudgetExamples.with(#""comparison": {"basic": "10000.00", "personnel": "7000.00", "publicCosts": "3000.00"}"#),
                        // Copied from a table in 万元: 1.23 + 1.24 万元 printed beside a total of 2.46 万元.
                        BudgetExamples.with(#""comparison": {"basic": "24600.00", "personnel": "12300.00", "publicCosts": "12400.00"}"#),
                        BudgetExamples.with(#""comparison": {"basic": "10000.00", "personnel": "7000.00"}"#)])

    private typealias Figures = PriorYearComparison
    private static let identities: [(whole: String, field: String, parts: [String], value: @Sendable (Figures) -> (Amount?, [Amount?]))] = [
        ("基本支出", "comparison.basic", ["人员经费", "公用经费"], { ($0.basic, [$0.personnel, $0.publicCosts]) }),
        ("一般公共预算财政拨款", "comparison.generalBudget", ["基本支出", "项目支出"], { ($0.generalBudget, [$0.basic, $0.project]) }),
        ("财政拨款", "comparison.fiscalAppropriation", ["一般公共预算", "政府性基金预算", "国有资本经营预算"],
         { ($0.fiscalAppropriation, [$0.generalBudget, $0.governmentFunds, $0.stateCapital]) }),
    ]

    func check(_ context: BudgetCheckContext) -> [Diagnostic] {
        let comparison = context.budget.comparison
        return Self.identities.compactMap { identity in
            let (whole, parts) = identity.value(comparison)
            guard let whole, parts.allSatisfy({ $0 != nil }) else { return nil }
            let sum = Amount.sum(parts.compactMap { $0 })
            // Each figure may be a 0.01万元 figure in 元: off by up to 50 元 each.
            let tolerance = Amount(fen: Int64(50 * 100 * (parts.count + 1)))
            guard (whole - sum).magnitude > tolerance else { return nil }
            let yuan = { (amount: Amount) in amount.formatted(in: .yuan, decimals: 2) }
            return diagnostic("上年\(identity.whole) \(yuan(whole)) 元，而\(identity.parts.joined(separator: "、"))之和为 \(yuan(sum)) 元",
                              field: identity.field, found: yuan(whole), expected: yuan(sum))
        }
    }
}
