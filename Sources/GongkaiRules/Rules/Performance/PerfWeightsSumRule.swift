import Foundation
import GongkaiCore

/// A project's indicator weights that do not total what the profile's template requires.
public struct PerfWeightsSumRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "perf-weights-sum",
        title: "绩效指标权重合计不符",
        category: .performance,
        severity: .error,
        rationale: "每个项目的绩效指标权重合计应为 100；模板单列“预算执行率”权重（如 10）时，其余指标合计应为 100 减去该权重（即 90）。",
        triggering: [
            RuleExample("""
            ## 2023年重点专项资金绩效目标表（一级项目）
            单位：万元
            专项资金名称\t示例项目\t业务主管部门\t示例部门
            当年预算\t10.00
            绩效指标\t指标\t指标权重\t计量单位\t指标性质\t指标值
            \t培训人数\t↓50\t人\t≥\t100
            \t满意度\t30\t%\t≥\t90
            """, profile: "chongqing-unit-budget"),
        ],
        nonTriggering: [
            RuleExample("""
            ## 2023年重点专项资金绩效目标表（一级项目）
            单位：万元
            专项资金名称\t示例项目\t业务主管部门\t示例部门
            当年预算\t10.00
            绩效指标\t指标\t指标权重\t计量单位\t指标性质\t指标值
            \t培训人数\t60\t人\t≥\t100
            \t满意度\t30\t%\t≥\t90
            """, profile: "chongqing-unit-budget"),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for (index, table) in context.readableTables where table.kind == .projectPerformanceGoals {
            for goal in table.performanceGoals where goal.hasWeightColumn && !goal.indicators.isEmpty {
                let weights = goal.indicators.compactMap(\.weight)
                guard !weights.isEmpty else { continue }
                let total = weights.reduce(Decimal(0), +)
                let execution = goal.executionRateWeight ?? context.profile.performanceWeights?.executionRateWeight ?? 0
                let expected = goal.executionRateWeight.map { 100 - $0 } ?? context.profile.performanceWeights?.indicatorTotal ?? 100
                guard total != expected else { continue }
                let name = goal.projectName ?? "未命名项目"
                let note = execution > 0 ? "（预算执行率权重 \(execution) 另计）" : ""
                result.append(diagnostic("“\(name)”的绩效指标权重合计为 \(total)，应为 \(expected)\(note)",
                                         at: goal.indicators.first?.location ?? goal.location, table: context.ref(index),
                                         column: "指标权重", found: "\(total)", expected: "\(expected)"))
            }
        }
        return result
    }
}
