import GongkaiCore

/// `budget-spending-kind`: a basic-spending line's kind agrees with its 经济分类 — 人员经费 is 工资福利支出
/// (301) and 对个人和家庭的补助 (303), 公用经费 everything else — so that the 人员经费 and 公用经费 the
/// text states are the sums of the basic-expenditure table's rows.
struct BudgetSpendingKindRule: BudgetRule {
    let description = BudgetRuleDescription(
        id: "budget-spending-kind", title: "支出类型与经济分类不符", category: .classification, severity: .error,
        rationale: "基本支出中，人员经费为工资福利支出（301）和对个人和家庭的补助（303），公用经费为其余经济分类；类型填错时，情况说明中的人员经费、公用经费与基本支出表各行之和对不上。",
        triggering: [BudgetExamples.lines(#"{"function": "2013201", "economic": "30201", "kind": "personnel", "amount": "100.00"}"#),
                     BudgetExamples.lines(#"{"function": "2013201", "economic": "30302", "kind": "publicCosts", "amount": "100.00"}"#)],
        nonTriggering: [BudgetExamples.lines(#"{"function": "2013201", "economic": "30302", "kind": "personnel", "amount": "100.00"}"#),
                        BudgetExamples.lines(#"{"function": "2013201", "economic": "30201", "kind": "project", "project": "p1", "amount": "100.00"}"#,
                                             extra: #""projects": [{"id": "p1", "name": "示例项目"}]"#)])

    func check(_ context: BudgetCheckContext) -> [Diagnostic] {
        context.budget.expenditure.enumerated().compactMap { index, line in
            guard line.kind != .project else { return nil }
            let personnel = ["301", "303"].contains(String(line.economic.digits.prefix(3)))
            guard personnel != (line.kind == .personnel) else { return nil }
            let expected = personnel ? "人员经费" : "公用经费"
            return diagnostic("经济分类 \(line.economic.digits) 的基本支出应为\(expected)，填为\(line.kind == .personnel ? "人员经费" : "公用经费")",
                              field: "expenditure[\(index)].kind", code: line.economic.digits,
                              found: line.kind == .personnel ? "人员经费" : "公用经费", expected: expected)
        }
    }
}
