import GongkaiCore

/// Doubled punctuation (。。), unbalanced quotation marks, a sentence without its full stop.
public struct PunctuationDefectRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "punctuation-defect",
        title: "标点符号错误",
        category: .presentation,
        severity: .warning,
        rationale: "公开文本是正式公文：连续两个句号、引号不成对、句末缺少句号，都是检查中常被指出的问题。",
        triggering: [
            RuleExample("""
            ## 2026年部门预算编制说明
            5、主要用于：信息化建设及运行维护等方面的支出↓。。2025年当年预算执行数为60.41万元。
            """),
            RuleExample("""
            ## 项目经费情况说明
            4.开展“人民调解协议书检查”、优秀调解案例↓”活动，年度预算795万元。
            """),
            RuleExample("""
            ## 2026年部门预算编制说明
            ↓财政拨款收入支出增加的主要原因是工作量增加
            财政拨款支出主要内容如下：
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 2026年部门预算编制说明
            财政拨款收入支出增加的主要原因是工作量增加。
            4.开展“人民调解协议书检查”“优秀调解案例”活动，年度预算795万元。
            """),
        ])

    private static let sentenceEnds: Set<Unicode.Scalar> = ["。", "！", "？", "；", "：", ":", "…", "”", "）", ")", "!", "?", ";", "."]

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        let narrative = context.disclosure.narrative
        for (index, paragraph) in narrative.enumerated() where !paragraph.isHeading && paragraph.section != nil {
            let scalars = Array(paragraph.text.unicodeScalars)
            for doubled in ["。。", "，，", "；；", "、、"] {
                if let range = paragraph.text.range(of: doubled) {
                    let offset = paragraph.text.unicodeScalars[..<range.lowerBound].count
                    result.append(problem("连续两个“\(doubled.prefix(1))”", paragraph, offset, found: doubled, expected: String(doubled.prefix(1))))
                }
            }
            if let offset = unbalancedQuote(scalars) {
                result.append(problem("引号不成对", paragraph, offset, found: excerpt(scalars, around: offset), expected: "成对的“”"))
            }
            if let last = scalars.last, missesFullStop(scalars, last: last, paragraph: paragraph, next: index + 1 < narrative.count ? narrative[index + 1] : nil) {
                result.append(problem("句末缺少句号", paragraph, scalars.count - 1, found: "“…\(excerpt(scalars, around: scalars.count - 1))”",
                                      expected: "以“。”结尾"))
            }
        }
        return result
    }

    /// A sentence-length paragraph ending in a Chinese character, followed by more text of its section.
    /// Short list items (“2. 示例区法律援助中心”) and a section's last line (an address, a date) are left alone.
    private func missesFullStop(_ scalars: [Unicode.Scalar], last: Unicode.Scalar, paragraph: NarrativeParagraph, next: NarrativeParagraph?) -> Bool {
        guard scalars.count >= 16, ChineseText.isCJK(last), !Self.sentenceEnds.contains(last) else { return false }
        if OrdinalParser.parse(paragraph.text) != nil, scalars.count < 24 { return false }
        // "具体包括：1.示例区司法局本部" ends in a list item, not a sentence.
        let lastBreak = scalars.lastIndex { $0 == "：" || $0 == "。" || $0 == ":" }.map { $0 + 1 } ?? 0
        let tail = String(String.UnicodeScalarView(scalars[lastBreak...]))
        if lastBreak > 0, OrdinalParser.parse(tail) != nil, tail.unicodeScalars.count < 24 { return false }
        let lastInSection = next == nil || next?.isHeading == true || next?.section != paragraph.section
        return !lastInSection || scalars.contains("，")
    }

    private func problem(_ what: String, _ paragraph: NarrativeParagraph, _ offset: Int, found: String, expected: String) -> Diagnostic {
        diagnostic("\(what)：“\(excerpt(Array(paragraph.text.unicodeScalars), around: offset))”", at: paragraph.location(at: offset),
                   found: found, expected: expected, section: paragraph.effectiveSection)
    }

    /// The offset of the first closing quote without an opening one, or of an opening quote never closed.
    private func unbalancedQuote(_ scalars: [Unicode.Scalar]) -> Int? {
        var open: [Int] = []
        for (offset, scalar) in scalars.enumerated() {
            if scalar == "“" { open.append(offset) }
            if scalar == "”" {
                if open.isEmpty { return offset }
                open.removeLast()
            }
        }
        return open.first
    }

    private func excerpt(_ scalars: [Unicode.Scalar], around offset: Int) -> String {
        let start = max(0, offset - 12), end = min(scalars.count, offset + 6)
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}
