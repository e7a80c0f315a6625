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
        guard mayContainSpace(text) else { return text }
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
        guard mayContainSpace(text) else { return text }
        return transform(text, folding: false)
    }

    /// A form of a name for comparisons: no white space, ASCII brackets, no quotes.
    ///
    /// `因公出国(境)费` and `因公出国（境）费` compare equal; so do `“三公”经费` and `"三公"经费`.
    public static func comparisonKey(_ text: String) -> String {
        guard mayNeedFolding(text) else { return text }
        return transform(text, folding: true)
    }

    /// Rewrites UTF-8 bytes directly: drops white space, and when `folding` also drops quotes and folds
    /// full-width digits and number punctuation (as `halfWidth` does). Building strings scalar by
    /// scalar is what made these helpers the import's hot spot.
    private static func transform(_ text: String, folding: Bool) -> String {
        var copy = text
        return copy.withUTF8 { bytes -> String in
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count)
            let count = bytes.count
            var index = 0
            while index < count {
                let byte = bytes[index]
                switch byte {
                case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D:
                    index += 1
                    continue
                case 0x22, 0x27 where folding:
                    index += 1
                    continue
                case 0xC2 where index + 1 < count && bytes[index + 1] == 0xA0:
                    index += 2
                    continue
                case 0xE2 where index + 2 < count && bytes[index + 1] == 0x80:
                    let third = bytes[index + 2]
                    if (0x82...0x8B).contains(third) || (folding && [0x98, 0x99, 0x9C, 0x9D].contains(third)) {
                        index += 3
                        continue
                    }
                case 0xE2 where folding && index + 2 < count && bytes[index + 1] == 0x88 && bytes[index + 2] == 0x92:
                    output.append(UInt8(ascii: "-"))
                    index += 3
                    continue
                case 0xE3 where index + 2 < count && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80:
                    index += 3
                    continue
                case 0xEF where index + 2 < count:
                    let second = bytes[index + 1], third = bytes[index + 2]
                    if second == 0xBB, third == 0xBF {
                        index += 3
                        continue
                    }
                    if folding, second == 0xBC, let folded = foldedFullWidth(third) {
                        output.append(folded)
                        index += 3
                        continue
                    }
                default:
                    break
                }
                output.append(byte)
                index += 1
            }
            return String(decoding: output, as: UTF8.self)
        }
    }

    /// The ASCII byte for U+FF00+(third − 0x80) when `halfWidth` folds it: digits, ．，（）％－＋.
    private static func foldedFullWidth(_ third: UInt8) -> UInt8? {
        switch third {
        case 0x90...0x99: third - 0x90 + UInt8(ascii: "0")
        case 0x8E: UInt8(ascii: ".")
        case 0x8C: UInt8(ascii: ",")
        case 0x88: UInt8(ascii: "(")
        case 0x89: UInt8(ascii: ")")
        case 0x85: UInt8(ascii: "%")
        case 0x8D: UInt8(ascii: "-")
        case 0x8B: UInt8(ascii: "+")
        default: nil
        }
    }

    /// A quick byte scan: false when `text` certainly holds no white space of any kind, so callers can
    /// skip rebuilding it. Outside ASCII, white space is U+00A0 (C2 A0), U+2002–U+200B (E2 80 82–8B),
    /// U+3000 (E3 80 80) and U+FEFF (EF BB BF).
    static func mayContainSpace(_ text: String) -> Bool {
        scan(text, folding: false)
    }

    /// Like `mayContainSpace`, also finding quotes (ASCII, U+2018–U+201F) and full-width forms
    /// (U+FF01–U+FF5E) that `comparisonKey` folds.
    static func mayNeedFolding(_ text: String) -> Bool {
        scan(text, folding: true)
    }

    private static func scan(_ text: String, folding: Bool) -> Bool {
        var copy = text
        return copy.withUTF8 { bytes in
            let count = bytes.count
            var index = 0
            while index < count {
                let byte = bytes[index]
                switch byte {
                case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return true
                case 0x22, 0x27: if folding { return true }
                case 0xC2: if index + 1 < count, bytes[index + 1] == 0xA0 { return true }
                case 0xE2:
                    if index + 2 < count, bytes[index + 1] == 0x80 {
                        let third = bytes[index + 2]
                        if (0x82...0x8B).contains(third) || (folding && (0x98...0x9F).contains(third)) { return true }
                    }
                case 0xE3: if index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 { return true }
                case 0xEF:
                    if index + 2 < count {
                        let second = bytes[index + 1]
                        if second == 0xBB, bytes[index + 2] == 0xBF { return true }
                        if folding, second == 0xBC || second == 0xBD { return true }
                    }
                default: break
                }
                index += 1
            }
            return false
        }
    }
}
