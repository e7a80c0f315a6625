import Foundation

/// Builds an `.xlsx` file in memory from sheet builders.
///
/// The output opens in Excel, LibreOffice, WPS and openpyxl without repair prompts: everything
/// those programs would reject is refused with an `XLSXError` instead.
public struct XLSXWriter: Sendable {
    private var sheets: [XLSXSheetBuilder] = []
    /// The font family of every cell (宋体 for a Chinese disclosure; Calibri by default).
    public var fontName: String

    /// Starts a workbook without sheets, set in `fontName`.
    public init(fontName: String = "Calibri") {
        self.fontName = fontName
    }

    /// Appends a sheet; tabs appear in the order sheets are added.
    public mutating func add(_ sheet: XLSXSheetBuilder) {
        sheets.append(sheet)
    }

    /// The bytes of the `.xlsx` file.
    ///
    /// Throws `.invalidSheetName` for a name Excel refuses, and `.writeFailed` for an empty
    /// workbook or content Excel cannot hold (see `XLSXSheetBuilder`).
    public func data() throws -> Data {
        guard !sheets.isEmpty else { throw XLSXError.writeFailed(sheet: nil, "工作簿中至少要有一个工作表") }
        try SheetNameRules.validate(sheets.map(\.name))
        let names = Set(sheets.map(\.name))
        for sheet in sheets {
            if let missing = sheet.listValidations.compactMap(\.source?.sheet).first(where: { !names.contains($0) }) {
                throw XLSXError.writeFailed(sheet: sheet.name, "下拉列表引用的工作表“\(missing)”不在工作簿中")
            }
        }
        var styles = StyleSheetRegistry(fontName: fontName)
        var strings = SharedStringTable()
        var worksheetParts: [(path: String, data: Data)] = []
        for (offset, sheet) in sheets.enumerated() {
            try SheetContentRules.validate(sheet)
            let xml = WorksheetXML.make(sheet, isFirstSheet: offset == 0, styles: &styles, strings: &strings)
            worksheetParts.append(("xl/worksheets/sheet\(offset + 1).xml", Data(xml.utf8)))
        }
        let hasSharedStrings = !strings.isEmpty
        var parts: [(path: String, data: Data)] = [
            ("[Content_Types].xml", PackageXML.contentTypes(sheetCount: sheets.count, hasSharedStrings: hasSharedStrings)),
            ("_rels/.rels", PackageXML.packageRelationships()),
            ("docProps/app.xml", PackageXML.applicationProperties()),
            ("docProps/core.xml", PackageXML.coreProperties()),
            ("xl/workbook.xml", PackageXML.workbook(sheetNames: sheets.map(\.name), printTitles: sheets.map(\.printTitleRows))),
            ("xl/_rels/workbook.xml.rels",
             PackageXML.workbookRelationships(sheetCount: sheets.count, hasSharedStrings: hasSharedStrings)),
            ("xl/styles.xml", styles.xml()),
        ].map { ($0.0, Data($0.1.utf8)) }
        if hasSharedStrings { parts.append(("xl/sharedStrings.xml", Data(strings.xml().utf8))) }
        return try ZipArchiveBuilder.archive(parts + worksheetParts)
    }
}
