/// Reads label numbering: 一、 二、 （一） (1) 1、 1. 1．
public enum OrdinalParser {
    /// The ordinal at the start of `text` and how many scalars it takes, or nil.
    public static func parse(_ text: String) -> (ordinal: Ordinal, length: Int)? {
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
