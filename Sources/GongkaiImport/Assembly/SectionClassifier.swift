import GongkaiCore

/// Recognises narrative sections from headings and from the lead words of a paragraph.
enum SectionClassifier {
    /// The section a heading names, or nil.
    static func kind(forHeading heading: String) -> NarrativeSectionKind? {
        let text = ChineseText.comparisonKey(heading)
        if text == "目录" { return .contents }
        if text.contains("名词解释") { return .glossary }
        if text.contains("项目经费") || text.contains("项目情况说明") { return .projectExplanation }
        if text.contains("三公") { return .threePublicCosts }
        if text.contains("机关运行经费") || text.contains("机关运行费") { return .operatingCosts }
        if text.contains("政府采购") { return .procurement }
        if text.contains("国有资产") { return .stateAssets }
        if text.contains("绩效") { return .performance }
        if text.contains("其他相关情况") || text.contains("其他重要事项") || text.contains("其他相关说明") || text.contains("其他需要说明") {
            return .otherMatters
        }
        if text.contains("机构设置") || text.contains("单位构成") || text.contains("部门构成") || text.contains("决算单位构成")
            || text.contains("预算单位构成") || text.contains("机构情况") {
            return .organisation
        }
        if text.contains("主要职能") || text.contains("职能职责") || text.contains("基本情况") || text.hasSuffix("概况") || text.contains("主要职责") {
            return .duties
        }
        if text.contains("政府性基金") { return .governmentFundExplanation }
        if text.contains("一般公共预算") || (text.contains("预算情况说明") && !text.contains("编制")) { return .generalBudgetExplanation }
        if text.contains("编制说明") || text.contains("总体情况") || text.contains("决算情况说明") || text.contains("收入决算")
            || text.contains("支出决算") || text.contains("收支情况") {
            return .overview
        }
        return nil
    }

    /// The subsection a paragraph announces in its first words ("（一）机关运行经费。…"), or nil.
    static func kind(forLeadOf paragraph: String) -> NarrativeSectionKind? {
        let scalars = Array(paragraph.unicodeScalars.prefix(40))
        guard let ordinal = OrdinalParser.parse(String(String.UnicodeScalarView(scalars))), ordinal.length > 0 else { return nil }
        let rest = scalars.dropFirst(ordinal.length)
        var lead = String.UnicodeScalarView()
        for scalar in rest {
            if ["。", "：", ":", "，"].contains(scalar) { break }
            lead.append(scalar)
        }
        guard lead.count <= 24 else { return nil }
        return kind(forHeading: String(lead))
    }
}

/// Reads label numbering: 一、 二、 （一） (1) 1、 1. 1．
enum OrdinalParser {
    /// The ordinal at the start of `text` and how many scalars it takes, or nil.
    static func parse(_ text: String) -> (ordinal: Ordinal, length: Int)? {
        let scalars = Array(text.unicodeScalars.prefix(12))
        guard let first = scalars.first else { return nil }
        if first == "（" || first == "(" {
            var index = 1
            var value = 0
            let style: Ordinal.Style
            if index < scalars.count, let (number, used) = chineseNumber(scalars, from: index) {
                value = number
                index += used
                style = .parenthesized
            } else {
                var digits = 0
                while index < scalars.count, let digit = asciiDigit(scalars[index]) {
                    value = value * 10 + digit
                    index += 1
                    digits += 1
                }
                guard digits > 0 else { return nil }
                style = .parenthesized
            }
            guard index < scalars.count, scalars[index] == "）" || scalars[index] == ")" else { return nil }
            index += 1
            if index < scalars.count, scalars[index] == "、" { index += 1 }
            return (Ordinal(style: style, number: value), index)
        }
        if let (number, used) = chineseNumber(scalars, from: 0), used < scalars.count, scalars[used] == "、" {
            return (Ordinal(style: .chinese, number: number), used + 1)
        }
        var index = 0
        var value = 0
        while index < scalars.count, index < 3, let digit = asciiDigit(scalars[index]) {
            value = value * 10 + digit
            index += 1
        }
        guard index > 0, index < scalars.count else { return nil }
        let separator = scalars[index]
        guard ["、", ".", "．", "，"].contains(separator) else { return nil }
        // `1.5万元` is a number, not an ordinal.
        if separator == "." || separator == "．", index + 1 < scalars.count, asciiDigit(scalars[index + 1]) != nil { return nil }
        return (Ordinal(style: .arabic, number: value), index + 1)
    }

    private static func asciiDigit(_ scalar: Unicode.Scalar) -> Int? {
        let folded = ChineseText.halfWidth(scalar)
        guard ("0"..."9").contains(folded) else { return nil }
        return Int(folded.value - 48)
    }

    private static let numerals: [Unicode.Scalar: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10]

    /// A Chinese numeral 一 … 九十九 starting at `start`, with the scalars used.
    private static func chineseNumber(_ scalars: [Unicode.Scalar], from start: Int) -> (Int, Int)? {
        var index = start
        var value = 0
        var current = 0
        while index < scalars.count, let digit = numerals[scalars[index]] {
            if digit == 10 {
                value += (current == 0 ? 1 : current) * 10
                current = 0
            } else {
                current = digit
            }
            index += 1
        }
        guard index > start else { return nil }
        return (value + current, index - start)
    }
}
