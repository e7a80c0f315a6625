/// Finds the amounts (`190.98万元`, `0元`), percentages (`17.62%`) and years (`2023年`) a paragraph mentions.
public enum MentionScanner {
    /// The mentions in `text`, in order.
    public static func scan(_ text: String) -> [NarrativeMention] {
        let scalars = Array(text.unicodeScalars)
        var mentions: [NarrativeMention] = []
        var index = 0
        while index < scalars.count {
            guard ChineseText.isDigit(scalars[index]), index == 0 || !isNumberContinuation(scalars[index - 1]) else {
                index += 1
                continue
            }
            var end = index
            while end < scalars.count, ChineseText.isDigit(scalars[end]) || isSeparator(scalars, end) { end += 1 }
            let numberText = String(String.UnicodeScalarView(scalars[index..<end]))
            var unitStart = end
            while unitStart < scalars.count, scalars[unitStart] == " " { unitStart += 1 }
            if let (kind, unitLength) = classify(numberText, scalars: scalars, at: unitStart) {
                let range = index..<(unitStart + unitLength)
                mentions.append(NarrativeMention(kind: kind, range: range, text: String(String.UnicodeScalarView(scalars[range]))))
                index = range.upperBound
            } else {
                index = end
            }
        }
        return mentions
    }

    private static func isNumberContinuation(_ scalar: Unicode.Scalar) -> Bool {
        ChineseText.isDigit(scalar) || scalar == "." || scalar == "．" || (scalar.isASCII && scalar.properties.isAlphabetic)
    }

    /// A comma or point between digits belongs to the number.
    private static func isSeparator(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
        let scalar = scalars[index]
        guard scalar == "," || scalar == "." || scalar == "．" else { return false }
        return index + 1 < scalars.count && ChineseText.isDigit(scalars[index + 1]) && index > 0 && ChineseText.isDigit(scalars[index - 1])
    }

    private static func classify(_ number: String, scalars: [Unicode.Scalar], at start: Int) -> (MentionKind, Int)? {
        func has(_ word: String) -> Bool {
            let wordScalars = Array(word.unicodeScalars)
            guard start + wordScalars.count <= scalars.count else { return false }
            return Array(scalars[start..<(start + wordScalars.count)]) == wordScalars
        }
        for (word, unit) in [("万元", MoneyUnit.wan), ("亿元", .yi), ("千元", .thousandYuan), ("元", .yuan)] where has(word) {
            guard let figure = AmountParser.parse(number, unit: unit) else { return nil }
            return (.amount(figure), word.unicodeScalars.count)
        }
        if has("%") || has("％") {
            guard let percentage = percentage(number) else { return nil }
            return (.percentage(percentage), 1)
        }
        if has("年"), number.unicodeScalars.count == 4, let year = Int(number), (1990...2100).contains(year) {
            return (.year(year), has("年度") ? 2 : 1)
        }
        return nil
    }

    private static func percentage(_ number: String) -> Percentage? {
        let folded = String(String.UnicodeScalarView(number.unicodeScalars.map(ChineseText.halfWidth).filter { $0 != "," }))
        let parts = folded.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let whole = Int64(parts[0]) else { return nil }
        let decimals = parts.count == 2 ? parts[1].count : 0
        guard decimals <= 6 else { return nil }
        let fraction = parts.count == 2 ? Int64(parts[1]) ?? 0 : 0
        let (scaledWhole, overflow) = whole.multipliedReportingOverflow(by: pow10Int(decimals))
        guard !overflow else { return nil }
        return Percentage(scaled: scaledWhole + fraction, decimals: decimals)
    }

    private static func pow10Int(_ exponent: Int) -> Int64 {
        var value: Int64 = 1
        for _ in 0..<exponent { value *= 10 }
        return value
    }

    /// The years written in `text` (`2022年`, `2022年度`), with the text of each.
    public static func years(in text: String) -> [(year: Int, text: String)] {
        scan(text).compactMap { mention in
            if case let .year(year) = mention.kind { return (year, mention.text) }
            return nil
        }
    }
}
