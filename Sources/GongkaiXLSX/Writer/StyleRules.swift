/// Checks the values inside an `XLSXStyle` that Excel would reject.
enum StyleRules {
    /// What is wrong with `style`, or nil when it can be written.
    static func problem(with style: XLSXStyle) -> String? {
        if let size = style.fontSize, !(1...409).contains(size) {
            return "字号 \(size) 无效（应在 1–409 磅之间）"
        }
        if let color = style.fillColor, normalizedColor(color) == nil {
            return "填充颜色「\(snippet(color))」无效，应为 6 位或 8 位十六进制（如 FFEFEFEF）"
        }
        if let format = style.numberFormat {
            if format.isEmpty || format.utf16.count > 255 { return "数字格式「\(snippet(format))」的长度无效" }
            if format.unicodeScalars.contains(where: { $0.value < 0x20 }) { return "数字格式含有控制字符" }
        }
        return nil
    }

    /// `color` as eight upper-case ARGB hex digits (`EFEFEF` gains an opaque `FF`), or nil when it is
    /// not six or eight hex digits.
    static func normalizedColor(_ color: String) -> String? {
        let hexDigits = "0123456789abcdefABCDEF".unicodeScalars
        let scalars = color.unicodeScalars
        guard scalars.count == 6 || scalars.count == 8, scalars.allSatisfy(hexDigits.contains) else { return nil }
        return (scalars.count == 6 ? "FF" : "") + color.uppercased()
    }
}
