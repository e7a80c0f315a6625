/// The `_xHHHH_` escapes SpreadsheetML uses for characters that XML 1.0 cannot carry
/// (control characters, and carriage returns that XML parsers would turn into line feeds).
enum OOXMLCharacterEscapes {
    /// Replaces each `_xHHHH_` with its character. Escapes that name no valid character stay as written.
    static func decode(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if let escaped = escapedScalar(in: scalars, at: index) {
                result.append(escaped)
                index += 7
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }

    /// Escapes the characters XML 1.0 forbids, carriage returns, and the underscore of any text
    /// that already looks like an escape (as `_x005F_`), so that `decode` gives `text` back.
    static func encode(_ text: String) -> String {
        guard mayNeedEncoding(text) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            let looksLikeEscape = scalar == "_" && escapedScalar(in: scalars, at: index) != nil
            if looksLikeEscape || needsEscape(scalar) {
                result.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Whether `text` has a control character, an underscore or a U+FFFE/U+FFFF (UTF-8 EF BF BE/BF);
    /// text without any of them encodes to itself.
    private static func mayNeedEncoding(_ text: String) -> Bool {
        var previous: (UInt8, UInt8) = (0, 0)
        for byte in text.utf8 {
            if byte < 0x20 && byte != 0x09 && byte != 0x0A || byte == UInt8(ascii: "_") { return true }
            if previous == (0xEF, 0xBF), byte == 0xBE || byte == 0xBF { return true }
            previous = (previous.1, byte)
        }
        return false
    }

    /// Whether XML 1.0 forbids the character (tab and line feed are allowed), or is a carriage
    /// return, which a parser would silently change.
    static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0xFFFE, 0xFFFF: true
        default: false
        }
    }

    private static func escape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "_x" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "_"
    }

    /// The character of an escape starting at `index`, if seven scalars there read `_xHHHH_`.
    private static func escapedScalar(in scalars: [Unicode.Scalar], at index: Int) -> Unicode.Scalar? {
        guard index + 6 < scalars.count, scalars[index] == "_", scalars[index + 1] == "x", scalars[index + 6] == "_"
        else { return nil }
        var value: UInt32 = 0
        for digit in scalars[(index + 2)...(index + 5)] {
            guard let digitValue = hexValue(digit) else { return nil }
            value = value * 16 + digitValue
        }
        return Unicode.Scalar(value)
    }

    private static func hexValue(_ scalar: Unicode.Scalar) -> UInt32? {
        switch scalar {
        case "0"..."9": scalar.value - 48
        case "A"..."F": scalar.value - 55
        case "a"..."f": scalar.value - 87
        default: nil
        }
    }
}
