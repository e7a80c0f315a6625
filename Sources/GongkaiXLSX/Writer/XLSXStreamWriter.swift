/// Writes a workbook of plain tables row by row, for data too long to hold in memory: each call
/// returns the bytes of the `.xlsx` file ready so far, to be sent or stored before the next rows
/// are produced. A table longer than a sheet can hold (1,048,576 rows in Excel) goes on in further
/// sheets named “名称（2）”, “名称（3）”…, each with the header row again.
///
/// Cells hold text as inline strings (never formulas) and numbers as numbers; the header row is
/// bold, frozen and printed on every page, sheets print landscape fitted to the page width.
public final class XLSXStreamWriter {
    /// What a column holds.
    public enum Kind: Sendable {
        /// Text, written as it is.
        case text
        /// A number as SpreadsheetML stores it (`2025`), shown as written.
        case number
        /// An amount with two decimals (`1234.50`), shown with thousands separators.
        case amount
    }

    /// One column of a table.
    public struct Column: Sendable {
        /// The header text.
        public var name: String
        /// The width in characters.
        public var width: Double
        /// What the column's cells hold.
        public var kind: Kind

        /// Creates a column.
        public init(_ name: String, width: Double, kind: Kind = .text) {
            self.name = name
            self.width = width
            self.kind = kind
        }
    }

    private struct Table {
        var name: String
        var columns: [Column]
        var references: [String]
        var part: Int
    }

    private var zip = ZipStreamWriter()
    private var styles: StyleSheetRegistry
    private let headerStyle: Int
    private let amountStyle: Int
    private let rowsPerSheet: Int
    private var sheetNames: [String] = []
    private var table: Table?
    private var rowsInSheet = 0
    private var pending: [UInt8] = []
    private var finished = false

    /// How much sheet XML is gathered before it is compressed.
    private static let chunkSize = 64 * 1024

    /// Excel's rows per sheet.
    public static let maxRowsPerSheet = 1_048_576

    /// Starts a workbook set in `fontName`; `rowsPerSheet` (header included) is Excel's limit unless
    /// a smaller one is asked for.
    public init(fontName: String = "宋体", rowsPerSheet: Int = XLSXStreamWriter.maxRowsPerSheet) {
        var styles = StyleSheetRegistry(fontName: fontName)
        headerStyle = styles.index(for: XLSXStyle(bold: true, wrapText: true, horizontal: .center, verticalCenter: true, border: true))
        amountStyle = styles.index(for: XLSXStyle(numberFormat: "#,##0.00"))
        self.styles = styles
        self.rowsPerSheet = min(max(2, rowsPerSheet), Self.maxRowsPerSheet)
    }

    /// Ends the table in progress, if any, and starts the table `name` with its header row.
    public func beginTable(_ name: String, columns: [Column]) throws -> [UInt8] {
        guard !finished else { throw XLSXError.writeFailed(sheet: name, "工作簿已结束") }
        guard !columns.isEmpty, columns.count <= 16_384 else { throw XLSXError.writeFailed(sheet: name, "工作表须有 1 至 16,384 列") }
        var bytes = try endSheet()
        table = Table(name: name, columns: columns,
                      references: (1...columns.count).map { XLSXCellReference.columnName($0) }, part: 1)
        bytes += try beginSheet()
        return bytes
    }

    /// Appends one row to the table in progress: one text per column (an empty text leaves the cell
    /// empty; a number or amount column's text must be a plain decimal number).
    public func append(_ row: [String]) throws -> [UInt8] {
        guard !finished else { throw XLSXError.writeFailed(sheet: sheetNames.last, "工作簿已结束") }
        guard var table else { throw XLSXError.writeFailed(sheet: nil, "写入行之前须先开始一个表") }
        guard row.count == table.columns.count else {
            throw XLSXError.writeFailed(sheet: sheetNames.last, "第 \(rowsInSheet + 1) 行有 \(row.count) 个值，该表有 \(table.columns.count) 列")
        }
        var bytes: [UInt8] = []
        if rowsInSheet == rowsPerSheet {
            bytes += try endSheet()
            table.part += 1
            self.table = table
            bytes += try beginSheet()
        }
        try writeRow(row, header: false)
        if pending.count >= Self.chunkSize { bytes += try flush() }
        return bytes
    }

    /// Ends the last table and the workbook; returns the archive's last bytes.
    public func finish() throws -> [UInt8] {
        guard !finished else { throw XLSXError.writeFailed(sheet: nil, "工作簿已结束") }
        guard !sheetNames.isEmpty else { throw XLSXError.writeFailed(sheet: nil, "工作簿中至少要有一个工作表") }
        var bytes = try endSheet()
        finished = true
        let parts: [(String, String)] = [
            ("[Content_Types].xml", PackageXML.contentTypes(sheetCount: sheetNames.count, hasSharedStrings: false)),
            ("_rels/.rels", PackageXML.packageRelationships()),
            ("docProps/app.xml", PackageXML.applicationProperties()),
            ("docProps/core.xml", PackageXML.coreProperties()),
            ("xl/workbook.xml", PackageXML.workbook(sheetNames: sheetNames, printTitles: sheetNames.map { _ in 1...1 })),
            ("xl/_rels/workbook.xml.rels", PackageXML.workbookRelationships(sheetCount: sheetNames.count, hasSharedStrings: false)),
            ("xl/styles.xml", styles.xml()),
        ]
        for (path, xml) in parts { bytes += try zip.entry(path, Array(xml.utf8)) }
        bytes += try zip.finish()
        return bytes
    }

    private func beginSheet() throws -> [UInt8] {
        guard let table else { return [] }
        let name = table.part == 1 ? table.name : "\(table.name)（\(table.part)）"
        try SheetNameRules.validate(sheetNames + [name])
        sheetNames.append(name)
        rowsInSheet = 0
        var xml = XMLHeader.declaration
        xml += "<worksheet xmlns=\"\(XMLHeader.spreadsheetNamespace)\" xmlns:r=\"\(XMLHeader.relationshipsNamespace)\">"
        xml += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        xml += "<sheetViews><sheetView\(sheetNames.count == 1 ? " tabSelected=\"1\"" : "") workbookViewId=\"0\">"
        xml += "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        xml += "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/></sheetView></sheetViews>"
        xml += "<sheetFormatPr defaultRowHeight=\"15\"/><cols>"
        for (offset, column) in table.columns.enumerated() {
            xml += "<col min=\"\(offset + 1)\" max=\"\(offset + 1)\" width=\"\(XMLNumber.format(column.width))\" customWidth=\"1\"/>"
        }
        xml += "</cols><sheetData>"
        var bytes = try zip.beginEntry("xl/worksheets/sheet\(sheetNames.count).xml")
        pending = Array(xml.utf8)
        try writeRow(table.columns.map(\.name), header: true)
        bytes += try flush()
        return bytes
    }

    private func endSheet() throws -> [UInt8] {
        guard table != nil else { return [] }
        pending += Array(("</sheetData><pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
            + "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/></worksheet>").utf8)
        var bytes = try flush()
        bytes += try zip.endEntry()
        return bytes
    }

    private func flush() throws -> [UInt8] {
        defer { pending.removeAll(keepingCapacity: true) }
        return try zip.write(pending)
    }

    private func writeRow(_ row: [String], header: Bool) throws {
        guard let table else { return }
        // The row counts once it is written: a refused row leaves no gap.
        let number = String(rowsInSheet + 1)
        var xml = "<row r=\"\(number)\">"
        for (offset, value) in row.enumerated() where !value.isEmpty {
            let reference = table.references[offset] + number
            let kind = header ? .text : table.columns[offset].kind
            switch kind {
            case .text:
                guard value.utf16.count <= SheetContentRules.maxTextLength else {
                    throw XLSXError.writeFailed(sheet: sheetNames.last, "单元格 \(reference) 的文字超过 \(SheetContentRules.maxTextLength) 个字符")
                }
                let style = header ? " s=\"\(headerStyle)\"" : ""
                xml += "<c r=\"\(reference)\"\(style) t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                xml += XMLEscaping.escape(OOXMLCharacterEscapes.encode(value)) + "</t></is></c>"
            case .number, .amount:
                guard NumberLexicalForm.isValid(value) else {
                    throw XLSXError.writeFailed(sheet: sheetNames.last, "单元格 \(reference) 应为数字，实为“\(value)”")
                }
                let style = kind == .amount ? " s=\"\(amountStyle)\"" : ""
                xml += "<c r=\"\(reference)\"\(style)><v>\(value)</v></c>"
            }
        }
        pending += Array((xml + "</row>").utf8)
        rowsInSheet += 1
    }
}
