import GongkaiCore

/// A 三公 item whose change against the previous year is stated without a reason, or with an empty one.
public struct SangongChangeUnexplainedRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "sangong-change-unexplained",
        title: "“三公”经费增减未说明原因",
        category: .threePublicCosts,
        severity: .warning,
        rationale: "“三公”经费说明须逐项说明与上年相比的增减情况及原因；“主要原因是。”这样的空原因、或只写增减额不写原因，都不符合公开要求。",
        triggering: [
            RuleExample("""
            ## 四、“三公”经费情况说明
            2023年“三公”经费预算3.00万元，比2022年增加1.00万元。其中：公务接待费3.00万元，比2022年↓增加1.00万元。
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 四、“三公”经费情况说明
            2023年“三公”经费预算3.00万元，比2022年增加1.00万元，主要原因是接待任务增加。
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for paragraph in context.disclosure.narrative where !paragraph.isHeading && paragraph.effectiveSection == .threePublicCosts {
            // Each clause between 。 and ；: one item, its change, its reason.
            var offset = 0
            for clause in paragraph.text.split(whereSeparator: { $0 == "。" || $0 == "；" }) {
                let text = String(clause)
                defer { offset += text.unicodeScalars.count + 1 }
                guard let change = changeWord(in: text) else { continue }
                if ChangeReasonMissingRule.reasonWords.contains(where: { text.contains($0) }) && !emptyReason(text) { continue }
                let position = text.range(of: change).map { text.unicodeScalars[..<$0.lowerBound].count } ?? 0
                result.append(diagnostic("“三公”经费说明“\(text)”写了增减变化，但\(emptyReason(text) ? "原因为空" : "未说明原因")",
                                         at: paragraph.location(at: offset + position), found: text, expected: "说明增减原因",
                                         section: .threePublicCosts))
            }
        }
        return result
    }

    /// The increase or decrease word of a clause with a non-zero change, if any.
    private func changeWord(in clause: String) -> String? {
        for word in ["增加", "减少", "增长", "下降"] {
            guard let range = clause.range(of: word) else { continue }
            let after = clause[range.upperBound...].prefix { ChineseText.isDigit($0.unicodeScalars.first!) || $0 == "." }
            if after.isEmpty || after.allSatisfy({ $0 == "0" || $0 == "." }) { continue }
            return word
        }
        return nil
    }

    private func emptyReason(_ clause: String) -> Bool {
        clause.hasSuffix("主要原因是") || clause.hasSuffix("原因是") || clause.hasSuffix("主要原因：")
    }
}
