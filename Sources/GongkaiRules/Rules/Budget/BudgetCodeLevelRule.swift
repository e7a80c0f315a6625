import GongkaiCore

/// `budget-code-level`: expenditure is kept at 功能分类 项 (7 digits) and 部门经济分类 款 (5 digits
/// starting with 3); the tables add up the 类 and 款 themselves.
struct BudgetCodeLevelRule: BudgetRule {
    let description = BudgetRuleDescription(
        id: "budget-code-level", title: "支出科目层级不对", category: .classification, severity: .error,
        rationale: "支出明细须落到功能分类的“项”（7位）和部门预算支出经济分类的“款”（5位，3开头），类、款合计由程序汇总；填到上级科目会使各表无法逐级汇总。",
        triggering: [BudgetExamples.lines(#"{"function": "20132", "economic": "30101", "kind": "personnel", "amount": "100.00"}"#),
                     BudgetExamples.lines(#"{"function": "2013201", "economic": "50101", "kind": "personnel", "amount": "100.00"}"#)],
        nonTriggering: [BudgetExamples.lines(#"{"function": "2013201", "economic": "30101", "kind": "personnel", "amount": "100.00"}"#)])

    func check(_ context: BudgetCheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for (index, line) in context.budget.expenditure.enumerated() {
            if line.function.level != .item {
                findings.append(diagnostic("功能分类科目 \(line.function.digits) 是\(line.function.level.chineseName)级，支出须填到“项”级（7位）",
                                           field: "expenditure[\(index)].function", code: line.function.digits, found: line.function.digits, expected: "7位“项”级编码"))
            }
            if line.economic.level != .section || line.economic.scheme != .economicDepartment {
                findings.append(diagnostic("经济分类科目 \(line.economic.digits) 应为部门预算支出经济分类的“款”级（5位，3开头）",
                                           field: "expenditure[\(index)].economic", code: line.economic.digits, found: line.economic.digits, expected: "如 30101"))
            }
        }
        return findings
    }
}
