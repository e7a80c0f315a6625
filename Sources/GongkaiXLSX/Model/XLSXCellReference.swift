/// Conversions between A1-style cell references and 1-based row and column numbers.
public enum XLSXCellReference {
    /// The largest row number a worksheet can have (Excel 2007 and later).
    public static let maxRow = 1_048_576
    /// The largest column number a worksheet can have (column `XFD`).
    public static let maxColumn = 16_384

    /// The letters of a 1-based column number: 1 → `"A"`, 27 → `"AA"`; `""` for 0 or less.
    public static func columnName(_ column: Int) -> String {
        if column > 0, column <= commonNames.count { return commonNames[column - 1] }
        return spelledColumnName(column)
    }

    /// The names of the first 702 columns (A–ZZ), which every sheet Gongkai writes stays within.
    private static let commonNames: [String] = (1...702).map(spelledColumnName)

    private static func spelledColumnName(_ column: Int) -> String {
        var remaining = column
        var letters: [Character] = []
        while remaining > 0 {
            let digit = (remaining - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + digit))))
            remaining = (remaining - 1) / 26
        }
        return String(letters.reversed())
    }

    /// Parses `"B10"` or `"$B$10"` (letters in either case) into `(10, 2)`; nil when the text is
    /// not a single cell reference inside the sheet's bounds.
    public static func parse(_ reference: String) -> (row: Int, column: Int)? {
        var bytes = Substring(reference).utf8[...]
        if bytes.first == UInt8(ascii: "$") { bytes = bytes.dropFirst() }
        var column = 0
        var letterCount = 0
        while let byte = bytes.first, let letter = letterValue(byte) {
            // Three letters reach past XFD already; stopping here also keeps the sum from overflowing.
            guard letterCount < 3 else { return nil }
            column = column * 26 + letter
            letterCount += 1
            bytes = bytes.dropFirst()
        }
        if bytes.first == UInt8(ascii: "$") { bytes = bytes.dropFirst() }
        var row = 0
        var digitCount = 0
        for byte in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte), digitCount < 7 else { return nil }
            row = row * 10 + Int(byte - UInt8(ascii: "0"))
            digitCount += 1
        }
        guard (1...maxColumn).contains(column), (1...maxRow).contains(row) else { return nil }
        return (row, column)
    }

    private static func letterValue(_ byte: UInt8) -> Int? {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): Int(byte - UInt8(ascii: "A")) + 1
        case UInt8(ascii: "a")...UInt8(ascii: "z"): Int(byte - UInt8(ascii: "a")) + 1
        default: nil
        }
    }
}
