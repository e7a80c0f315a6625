import GongkaiCore

/// `budget-project-reference`: project lines name a project of the budget, other lines name none,
/// project ids are unique, and a unit's own project has spending.
struct BudgetProjectReferenceRule: BudgetRule {
    let description = BudgetRuleDescription(
        id: "budget-project-reference", title: "项目支出与项目不对应", category: .performance, severity: .error,
        rationale: "项目支出要归到具体项目，绩效目标表的“当年预算”才与支出表一致；本单位的项目没有任何支出、或支出指向不存在的项目，都会使两者对不上。",
        triggering: [BudgetExamples.lines(#"{"function": "2013201", "economic": "30201", "kind": "project", "project": "p9", "amount": "100.00"}"#),
                     BudgetExamples.with(#""projects": [{"id": "p1", "name": "无支出的项目"}]"#)],
        nonTriggering: [BudgetExamples.lines(#"{"function": "2013201", "economic": "30201", "kind": "project", "project": "p1", "amount": "100.00"}"#,
                                             extra: #""projects": [{"id": "p1", "name": "示例项目"}]"#)])

    func check(_ context: BudgetCheckContext) -> [Diagnostic] {
        let budget = context.budget
        var findings: [Diagnostic] = []
        var ids = Set<String>()
        for (index, project) in budget.projects.enumerated() {
            if !ids.insert(project.id).inserted {
                findings.append(diagnostic("项目编号“\(project.id)”重复", field: "projects[\(index)].id", found: project.id, expected: "唯一的项目编号"))
            }
            if project.budgetedElsewhere == nil, budget.lines(ofProject: project.id).isEmpty {
                findings.append(diagnostic("项目“\(project.name)”没有任何支出行；由上级统一预算的项目请填写 budgetedElsewhere",
                                           field: "projects[\(index)]", found: "无支出", expected: "kind 为 project、project 为“\(project.id)”的支出行"))
            }
        }
        for (index, line) in budget.expenditure.enumerated() {
            switch (line.kind, line.project) {
            case (.project, nil):
                findings.append(diagnostic("项目支出未指明所属项目", field: "expenditure[\(index)].project", expected: "projects 中的项目编号"))
            case (.project, let id?) where !ids.contains(id):
                findings.append(diagnostic("项目支出指向不存在的项目“\(id)”", field: "expenditure[\(index)].project", found: id, expected: "projects 中的项目编号"))
            case (.personnel, _?), (.publicCosts, _?):
                findings.append(diagnostic("基本支出行不应指明项目", field: "expenditure[\(index)].project", found: line.project, expected: "留空，或把 kind 改为 project"))
            default:
                break
            }
        }
        return findings
    }
}
