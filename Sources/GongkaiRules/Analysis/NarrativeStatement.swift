import GongkaiCore

/// What a narrative amount or percentage says about its subject.
enum StatementRole: Hashable, Sendable {
    /// The subject's amount this year (`基本支出 68.54 万元`).
    case value
    /// A change against an earlier year (`增加 68.54 万元`, `减少1.07%`); `sign` is +1 or −1.
    case change(sign: Int)
    /// An earlier year's amount (`较 2022 年 122.44 万元`, `2025年当年预算执行数为…`).
    case prior(year: Int?)
    /// A share of a total (`占 XX%`).
    case share
    /// A threshold, not a quantity (`单价 100 万元以上`).
    case threshold
}

/// One amount or percentage of the narrative with the words before it and what they make of it.
struct NarrativeStatement: Sendable {
    /// Position in the document's list of statements.
    var index: Int
    var paragraphIndex: Int
    var mention: NarrativeMention
    var role: StatementRole
    /// The words between the previous delimiter and the number.
    var lead: String
    /// The lead without years, numbering and filler: what the number is about.
    var subject: String
    /// Which sentence of the paragraph (split at 。；).
    var sentence: Int
    /// How many brackets are open at the number (`210.39万元（公务用车运行维护费170.39万元…）`: 170.39 is at 1).
    var bracketDepth: Int
    var location: SourceLocation?

    var figure: Figure? {
        if case let .amount(figure) = mention.kind { return figure }
        return nil
    }

    var percentage: Percentage? {
        if case let .percentage(value) = mention.kind { return value }
        return nil
    }
}

/// Splits paragraphs into statements: each amount and percentage with its lead and role.
enum NarrativeStatementExtractor {
    /// How many statements before one the rules look back over for its current, earlier or whole
    /// amount. What a change, a percentage or a share is of is stated a few statements before it; a
    /// paragraph of thousands of figures must not make every figure look at all the others.
    static let lookback = 64

    static func statements(_ narrative: [NarrativeParagraph]) -> [NarrativeStatement] {
        var result: [NarrativeStatement] = []
        for (index, paragraph) in narrative.enumerated() where !paragraph.isHeading {
            let scalars = Array(paragraph.text.unicodeScalars)
            let depths = PerOffset.bracketDepths(scalars)
            let sentences = PerOffset.sentenceNumbers(scalars, endingAt: ["。", "；"])
            for mention in paragraph.mentions {
                if case .year = mention.kind { continue }
                let start = mention.range.lowerBound
                let leadStart = delimiterBefore(start, in: scalars)
                let lead = String(String.UnicodeScalarView(scalars[leadStart..<start]))
                let sentence = sentences[start]
                let after = String(String.UnicodeScalarView(scalars[mention.range.upperBound..<min(scalars.count, mention.range.upperBound + 4)]))
                let isThreshold = ["以上", "以下", "（含）", "(含)", "及以上"].contains { after.hasPrefix($0) } || lead.hasSuffix("单价")
                result.append(NarrativeStatement(index: result.count, paragraphIndex: index, mention: mention, role: isThreshold ? .threshold : role(lead: lead, mention: mention), lead: lead,
                                                 subject: subject(of: lead, quoted: quotedSubject(before: start, in: scalars)),
                                                 sentence: sentence, bracketDepth: depths[start],
                                                 location: paragraph.location(at: start)))
            }
        }
        return result
    }

    private static let delimiters: Set<Unicode.Scalar> = ["，", "。", "；", "：", ":", "、", ",", ";", "\n"]

    /// The longest lead looked back over: a clause runs to tens of characters, and text with no
    /// delimiter for longer (a run of figures, a damaged extraction) has no lead worth reading — nor
    /// may every number of it make the scan go back to the paragraph's start.
    static let longestLead = 160

    private static func delimiterBefore(_ offset: Int, in scalars: [Unicode.Scalar]) -> Int {
        var index = offset - 1
        var depth = 0
        let floor = max(0, offset - longestLead)
        while index >= floor {
            let scalar = scalars[index]
            if scalar == "）" || scalar == ")" { depth += 1 }
            if scalar == "（" || scalar == "(" {
                // An opening bracket not closed before the number: the number is inside it, and so is its lead
                // (6.54万元（公务用车购置费0万元：the 0 is the purchase cost's, not the total's).
                if depth == 0 { return index + 1 }
                depth -= 1
            }
            if depth == 0, delimiters.contains(scalar) { return index + 1 }
            index -= 1
        }
        return floor
    }

    /// `“社会保障和就业支出（类）…（项）”53.84万元`: the quoted words right before the number.
    private static func quotedSubject(before offset: Int, in scalars: [Unicode.Scalar]) -> String? {
        guard offset > 0, scalars[offset - 1] == "”" || scalars[offset - 1] == "\"" else { return nil }
        let floor = max(0, offset - 1 - longestLead)
        guard let open = scalars[floor..<(offset - 1)].lastIndex(where: { $0 == "“" || $0 == "\"" }) else { return nil }
        return String(String.UnicodeScalarView(scalars[(open + 1)..<(offset - 1)]))
    }

    private static let increaseWords = ["增加", "增长", "上升", "提高", "增", "多"]
    private static let decreaseWords = ["减少", "下降", "降低", "节约", "压减", "缩减", "减", "少", "节省"]

    private static func role(lead: String, mention: NarrativeMention) -> StatementRole {
        var text = ChineseText.removingSpaces(lead)
        for filler in ["了", "为", "约", "达"] where text.hasSuffix(filler) { text.removeLast() }
        if text.hasSuffix("占") || text.hasSuffix("占比") { return .share }
        for word in increaseWords where text.hasSuffix(word) { return .change(sign: 1) }
        for word in decreaseWords where text.hasSuffix(word) { return .change(sign: -1) }
        if text.contains("执行数") || text.contains("决算数") && text.contains("上年") { return .prior(year: firstYear(text)) }
        if let range = text.range(of: "较") ?? text.range(of: "比") ?? text.range(of: "与") ?? text.range(of: "同比") {
            let after = text[range.upperBound...]
            let rest = String(after).replacing("预算数", with: "").replacing("预算", with: "")
                .replacing("决算数", with: "").replacing("的", with: "").replacing("年初", with: "")
            if rest == "上年" || rest == "去年" || rest == "上年度" || (firstYear(rest) != nil && (rest.hasSuffix("年") || rest.hasSuffix("年度"))) {
                return .prior(year: firstYear(rest))
            }
        }
        return .value
    }

    private static func firstYear(_ text: String) -> Int? {
        for mention in MentionScanner.years(in: text) { return mention.year }
        return nil
    }

    /// The subject of a lead: years, numbering, connectives and filler removed.
    static func subject(of lead: String, quoted: String?) -> String {
        if let quoted { return ChineseText.removingSpaces(quoted) }
        var text = ChineseText.removingSpaces(lead)
        if let (_, length) = OrdinalParser.parse(text) {
            text = String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(length)))
        }
        for year in MentionScanner.years(in: text) { text = text.replacing(year.text, with: "") }
        for filler in ["其中", "当年", "本年度", "年初", "全年", "共计", "合计为", "总额为", "为", "是", "共", "约", "达到", "达"] {
            if text.hasPrefix(filler) { text.removeFirst(filler.count) }
            if text.hasSuffix(filler) { text.removeLast(filler.count) }
        }
        return text
    }
}
