/// The parts around the worksheets: content types, relationships, document properties, the
/// workbook itself.
enum PackageXML {
    private static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let contentTypePrefix = "application/vnd.openxmlformats-officedocument.spreadsheetml"

    /// `[Content_Types].xml` for a workbook of `sheetCount` sheets.
    static func contentTypes(sheetCount: Int, hasSharedStrings: Bool) -> String {
        var xml = XMLHeader.declaration
        xml += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += override("/xl/workbook.xml", "\(contentTypePrefix).sheet.main+xml")
        for number in stride(from: 1, through: sheetCount, by: 1) {
            xml += override("/xl/worksheets/sheet\(number).xml", "\(contentTypePrefix).worksheet+xml")
        }
        xml += override("/xl/styles.xml", "\(contentTypePrefix).styles+xml")
        if hasSharedStrings {
            xml += override("/xl/sharedStrings.xml", "\(contentTypePrefix).sharedStrings+xml")
        }
        xml += override("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml")
        xml += override("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml")
        return xml + "</Types>"
    }

    /// `_rels/.rels`: the workbook and the document properties.
    static func packageRelationships() -> String {
        relationships([
            ("\(officeRelationships)/officeDocument", "xl/workbook.xml"),
            ("http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
            ("\(officeRelationships)/extended-properties", "docProps/app.xml"),
        ])
    }

    /// `docProps/app.xml`.
    static func applicationProperties() -> String {
        XMLHeader.declaration
            + "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\">"
            + "<Application>GongkaiXLSX</Application></Properties>"
    }

    /// `docProps/core.xml`.
    static func coreProperties() -> String {
        XMLHeader.declaration
            + "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\""
            + " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:creator>GongkaiXLSX</dc:creator></cp:coreProperties>"
    }

    /// `xl/workbook.xml` listing `sheetNames` in tab order; sheet N's relationship is `rIdN`.
    static func workbook(sheetNames: [String], printTitles: [ClosedRange<Int>?] = []) -> String {
        var xml = XMLHeader.declaration
        xml += "<workbook xmlns=\"\(XMLHeader.spreadsheetNamespace)\" xmlns:r=\"\(XMLHeader.relationshipsNamespace)\">"
        xml += "<bookViews><workbookView activeTab=\"0\"/></bookViews><sheets>"
        for (offset, name) in sheetNames.enumerated() {
            xml += "<sheet name=\"\(XMLEscaping.escape(name))\" sheetId=\"\(offset + 1)\" r:id=\"rId\(offset + 1)\"/>"
        }
        xml += "</sheets>"
        let titles = printTitles.enumerated().compactMap { offset, rows in rows.map { (offset, $0) } }
        if !titles.isEmpty {
            // Rows repeated on every printed page: Excel's reserved name, one per sheet.
            xml += "<definedNames>"
            for (offset, rows) in titles {
                let quoted = "'" + sheetNames[offset].replacingOccurrences(of: "'", with: "''") + "'"
                xml += "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(offset)\">\(XMLEscaping.escape(quoted))!$\(rows.lowerBound):$\(rows.upperBound)</definedName>"
            }
            xml += "</definedNames>"
        }
        return xml + "</workbook>"
    }

    /// `xl/_rels/workbook.xml.rels`: the sheets as `rId1…rIdN`, then styles and shared strings.
    static func workbookRelationships(sheetCount: Int, hasSharedStrings: Bool) -> String {
        var entries = stride(from: 1, through: sheetCount, by: 1).map {
            ("\(officeRelationships)/worksheet", "worksheets/sheet\($0).xml")
        }
        entries.append(("\(officeRelationships)/styles", "styles.xml"))
        if hasSharedStrings { entries.append(("\(officeRelationships)/sharedStrings", "sharedStrings.xml")) }
        return relationships(entries)
    }

    private static func override(_ part: String, _ contentType: String) -> String {
        "<Override PartName=\"\(part)\" ContentType=\"\(contentType)\"/>"
    }

    private static func relationships(_ entries: [(type: String, target: String)]) -> String {
        var xml = XMLHeader.declaration
        xml += "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        for (offset, entry) in entries.enumerated() {
            xml += "<Relationship Id=\"rId\(offset + 1)\" Type=\"\(entry.type)\" Target=\"\(entry.target)\"/>"
        }
        return xml + "</Relationships>"
    }
}
