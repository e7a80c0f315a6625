/// Checks that text is a plain decimal number as SpreadsheetML stores it in `<v>`:
/// an optional minus, digits with an optional fraction, and an optional exponent
/// (`-1234.50`, `190.97999999999999`, `1.5E-3`). Hexadecimal, `inf`, `nan` and values beyond
/// `Double`'s range are refused.
enum NumberLexicalForm {
    /// Whether `text` has that form.
    static func isValid(_ text: String) -> Bool {
        var bytes = text.utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let integerDigits = bytes.prefix(while: isDigit).count
        bytes = bytes.dropFirst(integerDigits)
        var fractionDigits = 0
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            fractionDigits = bytes.prefix(while: isDigit).count
            bytes = bytes.dropFirst(fractionDigits)
        }
        guard integerDigits + fractionDigits > 0 else { return false }
        if let marker = bytes.first, marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                bytes = bytes.dropFirst()
            }
            let exponentDigits = bytes.prefix(while: isDigit).count
            guard exponentDigits > 0 else { return false }
            bytes = bytes.dropFirst(exponentDigits)
        }
        // The exponent can still push the value past Double's range (1E999), which no spreadsheet stores.
        return bytes.isEmpty && Double(text)?.isFinite == true
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
