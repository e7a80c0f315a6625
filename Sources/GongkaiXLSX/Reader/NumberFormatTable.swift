import Foundation

/// Maps a cell's style index (`s`) to the number format code it shows, from `xl/styles.xml`.
struct NumberFormatTable {
    /// The formats the workbook defines itself, by id.
    var customCodes: [Int: String] = [:]
    /// The format id of each cell style, indexed by the cells' `s` attribute.
    var styleFormatIDs: [Int] = []

    /// The format code for style index `style`; nil for General, for a style the table does not
    /// have (a cell keeps its value even when its formatting is damaged), and for unknown ids.
    func code(forStyle style: Int) -> String? {
        guard styleFormatIDs.indices.contains(style) else { return nil }
        let id = styleFormatIDs[style]
        let code = customCodes[id] ?? BuiltinNumberFormats.code(for: id)
        guard let code, code.caseInsensitiveCompare("General") != .orderedSame else { return nil }
        return code
    }
}

/// Reads the custom number formats and the cell styles' format ids from `xl/styles.xml`.
final class StylesHandler: XMLContentHandler {
    private(set) var table = NumberFormatTable()
    private var insideCellFormats = false
    private var insideNumberFormats = false

    /// The table described by `data`, the bytes of `part`.
    static func parse(_ data: Data, part: String) throws -> NumberFormatTable {
        let handler = StylesHandler()
        try XMLPartParser.parse(data, part: part, sheet: nil, into: handler)
        return handler.table
    }

    func startElement(_ name: String, attributes: XMLAttributes) throws(XMLContentIssue) {
        switch name {
        case "numFmts":
            insideNumberFormats = true
        case "numFmt" where insideNumberFormats:
            guard let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] else {
                throw .invalid("数字格式定义缺少 numFmtId 或 formatCode")
            }
            table.customCodes[id] = code
        case "cellXfs":
            insideCellFormats = true
        case "xf" where insideCellFormats:
            // Only cellXfs entries are cell styles; the xf elements of cellStyleXfs are not indexed by `s`.
            table.styleFormatIDs.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
        default:
            break
        }
    }

    func endElement(_ name: String) {
        switch name {
        case "numFmts": insideNumberFormats = false
        case "cellXfs": insideCellFormats = false
        default: break
        }
    }

    func characters(_ text: String) {}
}
