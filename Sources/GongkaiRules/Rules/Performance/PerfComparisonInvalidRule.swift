import GongkaiCore

/// An 指标性质 that is none of ≥ ≤ = > < 定性, or a quantitative operator with a non-numeric target.
public struct PerfComparisonInvalidRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "perf-comparison-invalid",
        title: "指标性质与指标值不匹配",
        category: .performance,
        severity: .warning,
        rationale: "指标性质只能是 ≥、≤、=、>、< 或“定性”；定量符号后的指标值必须是数字，“定性”指标的值应是文字标准。",
        triggering: [
            RuleExample("""
            ## 2023年一般性项目绩效目标表（一级项目）
            单位：万元
            专项资金名称\t示例项目\t业务主管部门\t示例部门
            当年预算\t10.00
            绩效指标\t指标\t指标权重\t计量单位\t指标性质\t指标值
            \t↓服务满意度\t10\t%\t≥\t好
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 2023年一般性项目绩效目标表（一级项目）
            单位：万元
            专项资金名称\t示例项目\t业务主管部门\t示例部门
            当年预算\t10.00
            绩效指标\t指标\t指标权重\t计量单位\t指标性质\t指标值
            \t服务满意度\t10\t%\t≥\t90
            \t服务效果\t10\t级\t定性\t好
            \t媒体发稿数量\t10\t\t≥\t3篇
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        let symbols: Set<String> = ["≥", "≤", "=", ">", "<", "＝", "＞", "＜", "≧", "≦"]
        for (index, table) in context.readableTables where table.kind == .projectPerformanceGoals {
            for goal in table.performanceGoals {
                for indicator in goal.indicators {
                    guard let comparison = indicator.comparison?.trimmingSpaces(), !comparison.isEmpty else { continue }
                    let target = indicator.target ?? ""
                    let numeric = Self.isNumber(target) || Self.isNumberWithUnit(target)
                    var problem: String?
                    if !symbols.contains(comparison) && !comparison.contains("定性") {
                        problem = "指标性质“\(comparison)”不是 ≥ ≤ = > < 或定性"
                    } else if symbols.contains(comparison), !target.isEmpty, !numeric {
                        problem = "指标性质为“\(comparison)”，指标值“\(target)”却不是数字"
                    }
                    guard let problem else { continue }
                    result.append(diagnostic("“\(goal.projectName ?? "未命名项目")”的指标“\(indicator.name)”：\(problem)", at: indicator.location,
                                             table: context.ref(index), column: "指标性质", found: "\(comparison) \(target)", expected: "匹配的指标性质和指标值"))
                }
            }
        }
        return result
    }

    private static func isNumber(_ text: String) -> Bool {
        !text.isEmpty && AmountParser.parse(text.replacing("%", with: ""), unit: .yuan) != nil
    }

    /// A number with its unit written after it in the value's cell (3篇, 2.9万人, 1700万元): the unit belongs
    /// in the 计量单位 column, but the value is a number.
    private static func isNumberWithUnit(_ text: String) -> Bool {
        let scalars = Array(text.trimmingSpaces().unicodeScalars)
        let numberLength = scalars.prefix { ChineseText.isDigit($0) || $0 == "." || $0 == "," }.count
        let unit = scalars.dropFirst(numberLength)
        guard numberLength > 0, !unit.isEmpty, unit.count <= 4,
              unit.allSatisfy({ ChineseText.isCJK($0) || $0 == "%" || ($0.isASCII && $0.properties.isAlphabetic) }) else { return false }
        return isNumber(String(String.UnicodeScalarView(scalars.prefix(numberLength))))
    }
}
