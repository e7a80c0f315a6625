import GongkaiCore

/// An indicator missing its weight, unit, operator or target where the template has those columns.
public struct PerfIndicatorIncompleteRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "perf-indicator-incomplete",
        title: "绩效指标要素不全",
        category: .performance,
        severity: .warning,
        rationale: "定量指标须同时写明权重、计量单位、指标性质（≥ ≤ = 等）和指标值，定性指标须写明“定性”和目标；缺少任何一项，目标就无法考核。",
        triggering: [
            RuleExample("""
            ## 2023年一般性项目绩效目标表（一级项目）
            单位：万元
            专项资金名称\t示例信息化项目\t业务主管部门\t示例部门
            当年预算\t18.76
            绩效指标\t指标\t指标权重\t计量单位\t指标性质\t指标值
            \t↓站点网络通畅率\t5\t\t=\t100
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 2023年一般性项目绩效目标表（一级项目）
            单位：万元
            专项资金名称\t示例信息化项目\t业务主管部门\t示例部门
            当年预算\t18.76
            绩效指标\t指标\t指标权重\t计量单位\t指标性质\t指标值
            \t站点网络通畅率\t5\t%\t=\t100
            \t信息创建工作整体水平\t10\t级\t定性\t明显改善
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for (index, table) in context.readableTables where table.kind == .projectPerformanceGoals {
            for goal in table.performanceGoals {
                for indicator in goal.indicators {
                    var missing: [String] = []
                    let qualitative = indicator.comparison?.contains("定性") == true
                    if goal.hasWeightColumn, indicator.weight == nil { missing.append("指标权重") }
                    if goal.hasWeightColumn, !qualitative, (indicator.unit ?? "").isEmpty { missing.append("计量单位") }
                    if goal.hasWeightColumn, (indicator.comparison ?? "").isEmpty { missing.append("指标性质") }
                    if (indicator.target ?? "").isEmpty { missing.append("指标值") }
                    guard !missing.isEmpty else { continue }
                    result.append(diagnostic("“\(goal.projectName ?? "未命名项目")”的指标“\(indicator.name)”缺少\(missing.joined(separator: "、"))",
                                             at: indicator.location, table: context.ref(index), column: missing.joined(separator: "、"),
                                             found: indicator.name, expected: "填写\(missing.joined(separator: "、"))"))
                }
            }
        }
        return result
    }
}
