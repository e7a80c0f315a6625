import Foundation

/// Turns the type attribute and the raw text of a `<c>` element into an `XLSXValue`.
enum CellValueDecoder {
    /// The cell's value, or nil when the cell holds none (only a style or a formula without a
    /// cached result).
    static func value(type: String, rawValue: String?, inlineText: String?, sharedStrings: [String],
                      reference: String) throws(XMLContentIssue) -> XLSXValue? {
        switch type {
        case "s":
            guard let raw = rawValue?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            guard let index = Int(raw), sharedStrings.indices.contains(index) else {
                throw .invalid("单元格 \(reference) 引用了不存在的共享字符串 #\(snippet(raw))")
            }
            return .text(sharedStrings[index])
        case "inlineStr":
            guard let text = inlineText ?? rawValue else { return nil }
            return .text(OOXMLCharacterEscapes.decode(text))
        case "str", "d":
            return rawValue.map { .text(OOXMLCharacterEscapes.decode($0)) }
        case "b":
            guard let raw = rawValue?.trimmingCharacters(in: .whitespaces), !raw.isEmpty else { return nil }
            switch raw {
            case "1", "true": return .bool(true)
            case "0", "false": return .bool(false)
            default: throw .invalid("单元格 \(reference) 的逻辑值「\(snippet(raw))」无效")
            }
        case "e":
            return rawValue.map { .error($0) }
        case "n":
            // xsd:double collapses surrounding white space, so it is not part of the number.
            guard let raw = rawValue?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty else { return nil }
            guard NumberLexicalForm.isValid(raw) else { throw .invalid("单元格 \(reference) 的数值「\(snippet(raw))」无效") }
            return .number(raw)
        default:
            throw .invalid("单元格 \(reference) 的类型「\(snippet(type))」无法识别")
        }
    }
}
