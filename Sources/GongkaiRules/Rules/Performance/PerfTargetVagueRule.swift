import GongkaiCore

/// A target that names the indicator again instead of a value (`及时率`, `合规`, `满意度`).
public struct PerfTargetVagueRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "perf-target-vague",
        title: "绩效指标值不可考核",
        category: .performance,
        severity: .warning,
        rationale: "指标值应是可以核对的数值或明确的定性标准；把指标名称（如“及时率”“满意度”“完善率”）填在指标值栏，等于没有设定目标。",
        triggering: [
            RuleExample("""
            ## 财政项目支出绩效目标填报表
            项目名称\t示例建设项目\t主管部门\t示例街道
            一级指标\t二级指标\t三级指标\t年度指标值
            产出指标\t质量指标\t完工及时率\t↓及时率
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 财政项目支出绩效目标填报表
            项目名称\t示例建设项目\t主管部门\t示例街道
            一级指标\t二级指标\t三级指标\t年度指标值
            产出指标\t质量指标\t完工及时率\t≥95.00(%)
            """),
        ])

    private static let vagueTargets: Set<String> = ["及时率", "合规", "完善率", "满意度", "达标率", "完成率", "覆盖率", "提高", "提升", "有效"]

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for (index, table) in context.readableTables where table.kind == .projectPerformanceGoals {
            for goal in table.performanceGoals {
                for indicator in goal.indicators {
                    guard let target = indicator.target, indicator.comparison == nil || indicator.comparison?.contains("定性") == false else { continue }
                    let key = ChineseText.comparisonKey(target)
                    let hasDigits = key.unicodeScalars.contains { ChineseText.isDigit($0) }
                    guard !hasDigits, Self.vagueTargets.contains(key) || ChineseText.comparisonKey(indicator.name).hasSuffix(key) else { continue }
                    result.append(diagnostic("“\(goal.projectName ?? "未命名项目")”的指标“\(indicator.name)”指标值为“\(target)”，没有可考核的目标值",
                                             at: indicator.location, table: context.ref(index), column: "指标值", found: target,
                                             expected: "具体数值或明确的定性标准"))
                }
            }
        }
        return result
    }
}
