import GongkaiCore

/// `budget-code-unknown`: a code of an expenditure line (or its 类/款) has no name in the catalog
/// and none in the budget's own `codeNames`, so the tables could not name its rows.
struct BudgetCodeUnknownRule: BudgetRule {
    let description = BudgetRuleDescription(
        id: "budget-code-unknown", title: "预算数据中的科目编码不在分类目录中", category: .classification, severity: .error,
        rationale: "公开表的每一行都要写科目名称。编码不在所附分类目录中（可能是笔误或作废科目）时无法生成科目名称；确属地方科目的，请在 codeNames 中给出名称。",
        triggering: [BudgetExamples.lines(#"{"function": "2013288", "economic": "30101", "kind": "personnel", "amount": "100.00"}"#),
                     BudgetExamples.lines(#"{"function": "2013201", "economic": "30188", "kind": "personnel", "amount": "100.00"}"#)],
        nonTriggering: [BudgetExamples.lines(#"{"function": "2013201", "economic": "30101", "kind": "personnel", "amount": "100.00"}"#),
                        BudgetExamples.lines(#"{"function": "2013288", "economic": "30101", "kind": "personnel", "amount": "100.00"}"#,
                                             extra: #""codeNames": {"2013288": "村级组织活动场所建设"}"#)])

    func check(_ context: BudgetCheckContext) -> [Diagnostic] {
        var seen = Set<String>()
        var findings: [Diagnostic] = []
        for (index, line) in context.budget.expenditure.enumerated() {
            var codes: [(ClassificationCode, String)] = []
            var function: FunctionCode? = line.function
            while let code = function {
                codes.append((.function(code), "function"))
                function = code.parent
            }
            codes.append((.economic(line.economic), "economic"))
            if let parent = line.economic.parent { codes.append((.economic(parent), "economic")) }
            for (code, field) in codes where !seen.contains(code.digits) {
                guard context.budget.name(of: code, in: context.catalog) == nil else { continue }
                seen.insert(code.digits)
                let scheme = field == "function" ? "功能分类" : "经济分类"
                findings.append(diagnostic("\(scheme)科目 \(code.digits) 不在分类目录中，也未在 codeNames 中给出名称", field: "expenditure[\(index)].\(field)",
                                           code: code.digits, found: code.digits, expected: "目录中的科目编码，或在 codeNames 中补充名称"))
            }
        }
        return findings
    }
}
