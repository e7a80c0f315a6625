import Foundation
import GongkaiCore

/// `budget-indicator-incomplete`: an indicator needs a name, a positive weight, an operator
/// (≥ ≤ = > < or 定性), a target, and — unless it is qualitative — a unit.
struct BudgetIndicatorIncompleteRule: BudgetRule {
    let description = BudgetRuleDescription(
        id: "budget-indicator-incomplete", title: "绩效指标要素不全", category: .performance, severity: .error,
        rationale: "绩效指标要能考核：名称、权重、指标性质（≥、≤、=、>、< 或定性）、指标值齐全，定量指标还要有计量单位。",
        triggering: [BudgetExamples.lines(#"{"function": "2013201", "economic": "30201", "kind": "project", "project": "p1", "amount": "100.00"}"#,
                                          extra: #""projects": [{"id": "p1", "name": "示例项目", "indicators": [{"name": "网络通畅率", "weight": 100, "unit": "", "comparison": "=", "target": "100"}]}]"#)],
        nonTriggering: [BudgetExamples.lines(#"{"function": "2013201", "economic": "30201", "kind": "project", "project": "p1", "amount": "100.00"}"#,
                                             extra: #""projects": [{"id": "p1", "name": "示例项目", "indicators": [{"name": "服务效果", "weight": 100, "comparison": "定性", "target": "好"}]}]"#)])

    private static let operators: Set<String> = ["≥", "≤", "=", ">", "<", "定性"]

    func check(_ context: BudgetCheckContext) -> [Diagnostic] {
        var findings: [Diagnostic] = []
        for (projectIndex, project) in context.budget.projects.enumerated() {
            for (index, indicator) in project.indicators.enumerated() {
                let field = "projects[\(projectIndex)].indicators[\(index)]"
                var missing: [String] = []
                if indicator.name.trimmingCharacters(in: .whitespaces).isEmpty { missing.append("指标名称") }
                if indicator.weight <= 0 { missing.append("权重") }
                if !Self.operators.contains(indicator.comparison) { missing.append("指标性质（≥ ≤ = > < 或 定性）") }
                if indicator.target.trimmingCharacters(in: .whitespaces).isEmpty { missing.append("指标值") }
                if indicator.comparison != "定性", indicator.unit.trimmingCharacters(in: .whitespaces).isEmpty { missing.append("计量单位") }
                guard !missing.isEmpty else { continue }
                findings.append(diagnostic("项目“\(project.name)”的指标“\(indicator.name)”缺少或填错：\(missing.joined(separator: "、"))",
                                           field: field, found: indicator.name, expected: "填写\(missing.joined(separator: "、"))"))
            }
        }
        return findings
    }
}
