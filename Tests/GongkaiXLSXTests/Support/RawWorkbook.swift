import Foundation
@testable import GongkaiXLSX

/// Hand-written workbooks, zipped with valid checksums, for testing how the reader treats
/// particular XML.
enum RawWorkbook {
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let relationshipType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// A workbook with one sheet called `name` whose `<sheetData>` content is `rows`.
    static func oneSheet(name: String = "Sheet1", rows: String, sharedStrings: [String]? = nil,
                         styles: String? = nil, extraSheetXML: String = "") throws -> Data {
        let sheet = "<worksheet xmlns=\"\(mainNamespace)\"><sheetData>\(rows)</sheetData>\(extraSheetXML)</worksheet>"
        var parts: [(String, String)] = [
            ("xl/workbook.xml", workbook(sheets: [(name, "rId1")])),
            ("xl/_rels/workbook.xml.rels", relationships([
                ("rId1", "worksheet", "worksheets/sheet1.xml"),
                ("rId2", "sharedStrings", "sharedStrings.xml"),
                ("rId3", "styles", "styles.xml"),
            ])),
            ("xl/worksheets/sheet1.xml", sheet),
        ]
        if let sharedStrings {
            let items = sharedStrings.map { "<si>\($0)</si>" }.joined()
            parts.append(("xl/sharedStrings.xml", "<sst xmlns=\"\(mainNamespace)\">\(items)</sst>"))
        }
        if let styles {
            parts.append(("xl/styles.xml", "<styleSheet xmlns=\"\(mainNamespace)\">\(styles)</styleSheet>"))
        }
        return try zip(parts)
    }

    /// `xl/workbook.xml` listing `(name, relationship id)` pairs.
    static func workbook(sheets: [(String, String)]) -> String {
        let entries = sheets.map { "<sheet name=\"\($0.0)\" sheetId=\"1\" r:id=\"\($0.1)\"/>" }.joined()
        return "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\"><sheets>\(entries)</sheets></workbook>"
    }

    /// A `.rels` part from `(id, kind, target)` triples.
    static func relationships(_ entries: [(String, String, String)]) -> String {
        let items = entries.map {
            "<Relationship Id=\"\($0.0)\" Type=\"\(relationshipType)/\($0.1)\" Target=\"\($0.2)\"/>"
        }.joined()
        return "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\(items)</Relationships>"
    }

    /// A workbook with one sheet whose part holds exactly `sheetBytes` (which need not be text).
    static func oneSheet(sheetBytes: Data) throws -> Data {
        try zip(bytes: [
            ("xl/workbook.xml", Data(workbook(sheets: [("S", "rId1")]).utf8)),
            ("xl/_rels/workbook.xml.rels", Data(relationships([("rId1", "worksheet", "worksheets/sheet1.xml")]).utf8)),
            ("xl/worksheets/sheet1.xml", sheetBytes),
        ])
    }

    /// A ZIP archive of text parts.
    static func zip(_ parts: [(String, String)]) throws -> Data {
        try zip(bytes: parts.map { ($0.0, Data($0.1.utf8)) })
    }

    /// A ZIP archive of parts given as bytes.
    static func zip(bytes parts: [(String, Data)]) throws -> Data {
        try ZipArchiveBuilder.archive(parts.map { (path: $0.0, data: $0.1) })
    }
}

