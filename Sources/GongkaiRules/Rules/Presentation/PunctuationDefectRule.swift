import Foundation
import GongkaiCore

/// Doubled punctuation (。。), unbalanced quotation marks, brackets closed by the other width or never
/// closed, a Latin comma or semicolon between Chinese words, `<>` for 〈〉, a full stop that cuts off
/// “与上年持平”, “万元其中：” without its comma, a sentence without its full stop; in tables, labels with
/// brackets of two widths or a quote opened twice, and amounts whose thousands separators are misplaced.
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
            RuleExample("""
            ## 2026年部门预算编制说明
            预算准备金83.00万元，主要根据《示例市财政局关于印发↓<示例市部门预算准备金管理办法>的通知》安排。
            """),
            RuleExample("""
            ## “三公”经费预算情况说明
            公务接待费1.00万元↓。与2025年预算持平，主要原因是接待任务无变化。
            """),
            RuleExample("""
            ## “三公”经费预算情况说明
            2026年单位预算安排购置车辆0辆↓其中：购置公务用车0辆。
            """),
            RuleExample("""
            ## 财政拨款收支总表
            单位：万元
            收入\t预算数\t支出\t预算数
            一般公共预算拨款\t2,723.94\t一般公共服务支出\t2,661.85
            \t\t↓（十)卫生健康支出\t62.09
            收入总计\t2,723.94\t支出总计\t2,723.94
            """),
            RuleExample("""
            ## 财务收支预算总表
            单位：元
            收入\t预算数\t支出\t预算数
            ↓财政拨款收入\t120258,600\t一般公共服务支出\t120258,600
            收入总计\t120258,600\t支出总计\t120258,600
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 2026年部门预算编制说明
            财政拨款收入支出增加的主要原因是工作量增加。
            4.开展“人民调解协议书检查”“优秀调解案例”活动，年度预算795万元。
            2026年收入预算1,234.56万元（含上年结转12.00万元），主要用于NOx (氮氧化物) 治理，达标率<5%的站点>3个。
            公务接待费1.00万元，与2025年预算持平。公务用车购置费0.00万元。与2025年相比，减少12.00万元。
            """),
            RuleExample("""
            ## 财务收支预算总表
            单位：元
            收入\t预算数\t支出\t预算数
            财政拨款收入\t120,258,600\t一般公共服务支出（含“示例”项目）\t120,258,600
            收入总计\t120,258,600\t支出总计\t120,258,600
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
            if let offset = latinAngleBrackets(scalars) {
                result.append(problem("书名号内用了半角“<>”", paragraph, offset, found: excerpt(scalars, around: offset), expected: "〈〉"))
            }
            if let offset = offset(of: "。", inMatchOf: Self.fullStopBeforeUnchanged, in: paragraph.text) {
                result.append(problem("句号割断了“与上年持平”的句子", paragraph, offset, found: excerpt(scalars, around: offset), expected: "，"))
            }
            if let offset = offset(of: "其中", inMatchOf: Self.amountThenWhereof, in: paragraph.text) {
                result.append(problem("“其中：”前缺少逗号", paragraph, offset, found: excerpt(scalars, around: offset), expected: "，其中："))
            }
            if let last = scalars.last, missesFullStop(scalars, last: last, paragraph: paragraph, next: index + 1 < narrative.count ? narrative[index + 1] : nil) {
                result.append(problem("句末缺少句号", paragraph, scalars.count - 1, found: "“…\(excerpt(scalars, around: scalars.count - 1))”",
                                      expected: "以“。”结尾"))
            }
        }
        return result + tableProblems(context)
    }

    /// `1.00万元。与2025年预算持平`, `1.35万元。比2022年预算持平`: the offset of the full stop.
    nonisolated(unsafe) private static let fullStopBeforeUnchanged = /元。[与比较]\s*\d{4}\s*年(?:度)?(?:预算|决算)?(?:数)?持平/
    /// `购置车辆0辆其中：`, `1.00万元其中：`: the offset of 其中.
    nonisolated(unsafe) private static let amountThenWhereof = /\d\s*万?(?:元|辆|人|个)其中[：:]/

    /// The scalar offset of `marker` inside the first match of `regex` in `text`.
    private func offset(of marker: String, inMatchOf regex: Regex<Substring>, in text: String) -> Int? {
        guard let match = text.firstMatch(of: regex), let range = text[match.range].range(of: marker) else { return nil }
        return text.unicodeScalars[..<range.lowerBound].count
    }

    /// Labels of the readable tables with brackets of two widths or a quote opened twice, and the first
    /// amount of each table whose thousands separators are misplaced (`120258,600`).
    private func tableProblems(_ context: CheckContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for (index, table) in context.readableTables {
            var misgroupedReported = false
            for row in table.rows {
                let scalars = Array(row.name.unicodeScalars)
                if let (offset, mixed) = unbalancedBracket(scalars), mixed {
                    result.append(diagnostic("\(table.title)中“\(row.name)”全角括号与半角括号混用", at: row.location, table: context.ref(index),
                                             found: excerpt(scalars, around: offset), expected: "成对的（）"))
                }
                if let offset = reopenedQuote(scalars) {
                    result.append(diagnostic("\(table.title)中引号不成对：“\(excerpt(scalars, around: offset))”", at: row.location, table: context.ref(index),
                                             found: excerpt(scalars, around: offset), expected: "成对的“”"))
                }
                guard !misgroupedReported else { continue }
                let cells = table.columns.compactMap(\.key).compactMap { row.values[$0] }
                if let cell = cells.first(where: { Self.separatorsMisplaced($0.text) }) {
                    misgroupedReported = true
                    result.append(diagnostic("\(table.title)的金额千分位逗号位置错误（如“\(cell.text)”）", at: cell.location, table: context.ref(index),
                                             found: cell.text, expected: cell.figure.amount.formatted(in: cell.figure.unit, decimals: cell.figure.decimals, grouping: true)))
                }
            }
        }
        return result
    }

    /// Whether `text` is one number with thousands separators in the wrong places: `120258,600`, `1,2345`.
    static func separatorsMisplaced(_ text: String) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let unsigned = trimmed.hasPrefix("-") ? String(trimmed.dropFirst()) : trimmed
        let parts = unsigned.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = parts.first, whole.contains(","),
              unsigned.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "," || $0 == ".") }), parts.last?.contains(",") == false || parts.count == 1 else { return false }
        let groups = whole.split(separator: ",", omittingEmptySubsequences: false)
        guard groups.allSatisfy({ !$0.isEmpty }) else { return false }
        let wellFormed = (1...3).contains(groups[0].count) && groups.dropFirst().allSatisfy { $0.count == 3 }
        return !wellFormed
    }

    /// The offset of an opening quote that follows another one never closed (`“12218“现代化`).
    private func reopenedQuote(_ scalars: [Unicode.Scalar]) -> Int? {
        var open = false
        for (offset, scalar) in scalars.enumerated() {
            if scalar == "“" {
                if open { return offset }
                open = true
            }
            if scalar == "”" { open = false }
        }
        return nil
    }

    /// The offset of a `<` used as an inner title mark: Chinese text right after it and right before its `>`
    /// (`《关于印发<示例办法>的通知》`); a comparison (`<5%`) is left alone.
    private func latinAngleBrackets(_ scalars: [Unicode.Scalar]) -> Int? {
        for (offset, scalar) in scalars.enumerated() where scalar == "<" && offset + 1 < scalars.count && ChineseText.isCJK(scalars[offset + 1]) {
            guard let close = scalars[(offset + 1)...].firstIndex(of: ">"), close - offset <= 60, ChineseText.isCJK(scalars[close - 1]) else { continue }
            return offset
        }
        return nil
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
