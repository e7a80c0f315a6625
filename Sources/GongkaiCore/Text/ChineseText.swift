/// Character-level helpers for Chinese documents: width folding, CJK detection, white space.
public enum ChineseText {
    /// Whether `scalar` is white space of any width (ASCII, ideographic space, no-break space ...).
    @inlinable
    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0xA0, 0x3000, 0x2002...0x200B, 0xFEFF: true
        default: false
        }
    }

    /// Folds a full-width ASCII variant (`１`, `，`, `（`) to its ASCII form; other scalars are unchanged.
    /// Only digits and number punctuation are folded, so Chinese punctuation in text keeps its meaning.
    @inlinable
    public static func halfWidth(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0xFF10...0xFF19: Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!
        case 0xFF0E: "."  // ．
        case 0xFF0C: ","  // ，
        case 0xFF08: "("  // （
        case 0xFF09: ")"  // ）
        case 0xFF05: "%"  // ％
        case 0xFF0D, 0x2212: "-"  // －, −
        case 0xFF0B: "+"
        default: scalar
        }
    }

    /// Whether `scalar` is a CJK ideograph or CJK/full-width punctuation.
    @inlinable
    public static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0xFF00...0xFFEF,
             0x2E80...0x2FDF, 0x20000...0x2FA1F, 0x2018...0x201F, 0x2026, 0x2014, 0x00B7:
            true
        default: false
        }
    }

    /// Whether `scalar` is an ASCII or full-width digit.
    @inlinable
    public static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        (0x30...0x39).contains(scalar.value) || (0xFF10...0xFF19).contains(scalar.value)
    }

    /// Removes white space next to Chinese characters and collapses other runs to one space.
    ///
    /// Text extracted from PDFs and the seed's markdown breaks names and sentences with spaces
    /// ("机关事业单位基本养老保险 缴费支出", "2023 年年初预算数 190.98 万元"); Chinese itself uses no spaces.
    public static func normalizeSpaces(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if isSpace(scalar) {
                var end = index
                while end < scalars.count, isSpace(scalars[end]) { end += 1 }
                let before = output.last
                let after = end < scalars.count ? scalars[end] : nil
                let keep = before != nil && after != nil && !isCJK(before!) && !isCJK(after!)
                if keep { output.append(" ") }
                index = end
            } else {
                output.append(scalar)
                index += 1
            }
        }
        return String(output)
    }

    /// Removes every kind of white space.
    public static func removingSpaces(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isSpace(scalar) { output.append(scalar) }
        return String(output)
    }

    /// A form of a name for comparisons: no white space, ASCII brackets, no quotes.
    ///
    /// `因公出国(境)费` and `因公出国（境）费` compare equal; so do `“三公”经费` and `"三公"经费`.
    public static func comparisonKey(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isSpace(scalar) {
            switch scalar.value {
            case 0x201C, 0x201D, 0x22, 0x2018, 0x2019, 0x27: continue
            default: output.append(halfWidth(scalar))
            }
        }
        return String(output)
    }
}
