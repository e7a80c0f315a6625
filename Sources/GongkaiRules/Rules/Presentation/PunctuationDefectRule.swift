import GongkaiCore

/// Doubled punctuation (。。), unbalanced quotation marks, brackets closed by the other width or never
/// closed, a Latin comma or semicolon between Chinese words, a sentence without its full stop.
public struct PunctuationDefectRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "punctuation-defect",
        title: "标点符号错误",
        category: .presentation,
        severity: .warning,
        rationale: "公开文本是正式公文（标点符号用法 GB/T 15834）：连续两个句号、引号或括号不成对、全角括号配半角括号、中文之间用半角逗号或分号、句末缺少句号，都是检查中常被指出的问题。",
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
            RuleExample("""
            ## 2026年部门预算编制说明
            本部门负责制定本市示例政策措施↓,开展示例工作的监督检查。
            """),
            RuleExample("""
            ## 2026年部门预算编制说明
            本部门内设机构：办公室、综合处（九↓)、法规处，共3个处室。
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 2026年部门预算编制说明
            财政拨款收入支出增加的主要原因是工作量增加。
            4.开展“人民调解协议书检查”“优秀调解案例”活动，年度预算795万元。
            2026年收入预算1,234.56万元（含上年结转12.00万元），主要用于NOx (氮氧化物) 治理。
            """),
        ])

    private static let sentenceEnds: Set<Unicode.Scalar> = ["。", "！", "？", "；", "：", ":", "…", "”", "）", ")", "!", "?", ";", "."]

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        // A document set with Latin commas has them in every paragraph: one finding a page says where.
        var latinSeparatorPages = Set<Int>()
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
            if let (offset, mixed) = unbalancedBracket(scalars) {
                result.append(problem(mixed ? "全角括号与半角括号混用" : "括号不成对", paragraph, offset, found: excerpt(scalars, around: offset),
                                      expected: mixed ? "成对的（）" : "成对的括号"))
            }
            if let offset = latinSeparator(scalars), latinSeparatorPages.insert(paragraph.location(at: offset)?.page ?? -index).inserted {
                result.append(problem("中文之间用了半角“\(scalars[offset])”", paragraph, offset, found: String(scalars[offset]),
                                      expected: scalars[offset] == "," ? "，" : "；"))
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

    /// The first bracket closed by one of the other width (`（九)`), or opened and never closed, with
    /// whether it was the width; nil when every bracket pairs.
    private func unbalancedBracket(_ scalars: [Unicode.Scalar]) -> (offset: Int, mixed: Bool)? {
        var open: [(offset: Int, fullWidth: Bool)] = []
        for (offset, scalar) in scalars.enumerated() {
            switch scalar {
            case "（", "(": open.append((offset, scalar == "（"))
            case "）", ")":
                guard let last = open.popLast() else { return (offset, false) }
                if last.fullWidth != (scalar == "）") { return (offset, true) }
            default: continue
            }
        }
        return open.first.map { ($0.offset, false) }
    }

    /// The first Latin comma or semicolon with Chinese text on both sides (spaces aside): `职责,开展`.
    private func latinSeparator(_ scalars: [Unicode.Scalar]) -> Int? {
        func neighbour(_ from: Int, step: Int) -> Unicode.Scalar? {
            var index = from + step
            while index >= 0, index < scalars.count, scalars[index] == " " { index += step }
            return index >= 0 && index < scalars.count ? scalars[index] : nil
        }
        for (offset, scalar) in scalars.enumerated() where scalar == "," || scalar == ";" {
            guard let before = neighbour(offset, step: -1), let after = neighbour(offset, step: 1) else { continue }
            if ChineseText.isCJK(before) || "）”》".unicodeScalars.contains(before), ChineseText.isCJK(after) { return offset }
        }
        return nil
    }

    private func excerpt(_ scalars: [Unicode.Scalar], around offset: Int) -> String {
        let start = max(0, offset - 12), end = min(scalars.count, offset + 6)
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}
