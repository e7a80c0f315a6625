import GongkaiCore

/// A row inside the indicator block that is not an indicator: a stray value or a lone operator.
public struct PerfMalformedRowRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "perf-malformed-row",
        title: "绩效指标表有残缺行",
        category: .performance,
        severity: .error,
        rationale: "指标区域内只有一个数值（如孤立的“4”）或只有指标性质和指标值（如“≥ 296”）而没有指标名称的行，是编辑时残留或错位的内容，读者无法知道它属于哪个指标。",
        triggering: [
            RuleExample("""
            ## 2023年重点专项资金绩效目标表（一级项目）
            单位：万元
            专项资金名称\t示例人才项目\t业务主管部门\t示例部门
            当年预算\t470.99
            绩效指标\t指标\t指标权重\t计量单位\t指标性质\t指标值
            \t选派锻炼人数\t10\t人\t≥\t7
            ↓\t\t\t\t\t4
            \t人才引进人数\t80\t人\t≥\t250
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 2023年重点专项资金绩效目标表（一级项目）
            单位：万元
            专项资金名称\t示例人才项目\t业务主管部门\t示例部门
            当年预算\t470.99
            绩效指标\t指标\t指标权重\t计量单位\t指标性质\t指标值
            \t选派锻炼人数\t10\t人\t≥\t7
            \t人才引进人数\t80\t人\t≥\t250
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for (index, table) in context.readableTables where table.kind == .projectPerformanceGoals {
            for goal in table.performanceGoals {
                // A line of text alone is a long cell wrapped onto lines of its own (a reading matter); a value
                // or a comparison without its indicator's name is the malformed row.
                for row in goal.malformedRows where row.cells.contains(where: Self.holdsValue) {
                    let cells = row.cells.filter { !$0.isEmpty }.joined(separator: " ")
                    result.append(diagnostic("“\(goal.projectName ?? "未命名项目")”的指标区有一行只有“\(cells)”，缺少指标名称，是残缺或错位的行",
                                             at: row.location, table: context.ref(index), found: cells, expected: "完整的指标行或删除"))
                }
            }
        }
        return result
    }

    /// Whether a cell holds a number, a percentage or a comparison sign.
    static func holdsValue(_ text: String) -> Bool {
        text.unicodeScalars.contains { ChineseText.isDigit($0) || "≥≤=<>%＞＜＝％".unicodeScalars.contains($0) }
    }
}
