import GongkaiCore

/// An increase or decrease stated without its reason.
public struct ChangeReasonMissingRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "change-reason-missing",
        title: "增减变化未说明原因",
        category: .yearOnYear,
        severity: .warning,
        rationale: "预决算公开要求对收支总额及各主要科目与上年相比的增减变化说明原因；只写“增加 x 万元”“增长 x%”而没有“主要原因是……”，读者无从判断变化是否合理。",
        triggering: [
            RuleExample("""
            ## 二、单位收支总体情况
            （一）收入预算：2023年年初预算数190.98万元，收入较2022年122.44万元增加↓68.54万元。
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 二、单位收支总体情况
            （一）收入预算：2023年年初预算数190.98万元，收入较2022年122.44万元增加68.54万元，主要是人员工资调标。
            """),
        ])

    static let reasonWords = ["原因", "主要是", "由于", "因为", "系", "用于", "主要用于", "是因", "因"]

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        let sections: Set<NarrativeSectionKind> = [.overview, .generalBudgetExplanation, .governmentFundExplanation]
        for statement in context.statements {
            guard case .change = statement.role, let figure = statement.figure, !figure.amount.isZero else { continue }
            let paragraph = context.paragraph(of: statement)
            guard let section = paragraph.effectiveSection, sections.contains(section) else { continue }
            // The reason may follow in the next paragraphs ("财政拨款收入支出增加的主要原因是……").
            let following = context.disclosure.narrative[statement.paragraphIndex...].prefix(4).filter { $0.effectiveSection == section }
            if following.contains(where: { candidate in Self.reasonWords.contains { candidate.text.contains($0) } }) { continue }
            result.append(diagnostic("“\(statement.lead)\(statement.mention.text)”未说明增减原因", at: statement.location,
                                     found: statement.lead + statement.mention.text, expected: "说明主要原因", section: section))
        }
        return result
    }
}
