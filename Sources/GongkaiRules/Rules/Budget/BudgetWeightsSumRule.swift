import Foundation
import GongkaiCore

/// `budget-weights-sum`: a project's indicator weights and its 预算执行率 weight total 100, split as
/// the profile's template asks (Chongqing: indicators 90, 预算执行率 10).
struct BudgetWeightsSumRule: BudgetRule {
    let description = BudgetRuleDescription(
        id: "budget-weights-sum", title: "绩效指标权重合计不对", category: .performance, severity: .error,
        rationale: "绩效指标权重（含预算执行率权重）合计应为 100；模板单列预算执行率权重的，其余指标合计为 100 减去该权重。",
        triggering: [BudgetExamples.lines(#"{"function": "2013201", "economic": "30201", "kind": "project", "project": "p1", "amount": "100.00"}"#,
                                          extra: #""projects": [{"id": "p1", "name": "示例项目", "indicators": [{"name": "培训人数", "weight": 60, "unit": "人", "comparison": "≥", "target": "50"}]}]"#)],
        nonTriggering: [BudgetExamples.lines(#"{"function": "2013201", "economic": "30201", "kind": "project", "project": "p1", "amount": "100.00"}"#,
                                             extra: #""projects": [{"id": "p1", "name": "示例项目", "indicators": [{"name": "培训人数", "weight": 100, "unit": "人", "comparison": "≥", "target": "50"}]}]"#)])

    func check(_ context: BudgetCheckContext) -> [Diagnostic] {
        let expected = context.profile.performanceWeights
        return context.budget.projects.enumerated().compactMap { index, project in
            guard !project.indicators.isEmpty else { return nil }
            let indicators = project.indicators.reduce(Decimal(0)) { $0 + $1.weight }
            let execution = project.executionRateWeight ?? 0
            if let expected, let rate = expected.executionRateWeight, project.executionRateWeight != nil {
                guard indicators != expected.indicatorTotal || execution != rate else { return nil }
                return diagnostic("项目“\(project.name)”的指标权重合计 \(indicators)、预算执行率权重 \(execution)，应分别为 \(expected.indicatorTotal) 和 \(rate)",
                                  field: "projects[\(index)].indicators", found: "\(indicators) + \(execution)", expected: "\(expected.indicatorTotal) + \(rate)")
            }
            guard indicators + execution != 100 else { return nil }
            return diagnostic("项目“\(project.name)”的指标权重合计 \(indicators + execution)（含预算执行率权重 \(execution)），应为 100",
                              field: "projects[\(index)].indicators", found: "\(indicators + execution)", expected: "100")
        }
    }
}
