import Foundation
import GongkaiCore
import GongkaiXLSX

/// Writes a rendered package as an XLSX workbook in the shape of the official templates: 封面, 目录,
/// one sheet per narrative section, one sheet per table laid out as printed — title, 编制单位 and 单位
/// line, merged header cells, amounts stored as numbers in the table's unit with a matching number
/// format — and the sections after the tables. Every sheet is set in the layout's font and prints on
/// A4 in its orientation, scaled to the page's width, a table's title and header repeated on each page.
public enum WorkbookWriter {
    /// The workbook bytes.
    public static func workbook(_ document: RenderedDocument) throws -> Data {
        var writer = XLSXWriter(fontName: document.print.workbookFont)
        var names: Set<String> = ["封面", "目录"]
        let before = document.sectionsBeforeTables.map { (section: $0, name: unique(sheetName(of: $0.heading), in: &names)) }
        let tableNames = document.tables.map { unique([$0.number, $0.shortName].compactMap { $0 }.joined(separator: " "), in: &names) }
        let after = document.trailingSections.map { (section: $0, name: unique(sheetName(of: $0.heading), in: &names)) }
        let landscape = document.print.orientation == .landscape
        writer.add(coverSheet(document, landscape: landscape))
        let sectionSheets = before.map(\.name) + after.map(\.name)
        let sheets = document.contentsEntries.map { entry -> String in
            switch entry.target {
            case .narrative: sectionSheets.first ?? "目录"
            case .section(let index): sectionSheets[index]
            case .tables: tableNames.first ?? "目录"
            case .table(let index): tableNames[index]
            }
        }
        writer.add(contentsSheet(document, sheets: sheets, landscape: landscape))
        for entry in before { writer.add(sectionSheet(entry.section, title: document.narrativeTitle, name: entry.name, landscape: landscape)) }
        for (table, name) in zip(document.tables, tableNames) {
            writer.add(sheet(for: table, name: name, landscape: landscape))
        }
        for entry in after { writer.add(sectionSheet(entry.section, title: nil, name: entry.name, landscape: landscape)) }
        return try writer.data()
    }

    /// 封面: the document's title and the cover lines.
    private static func coverSheet(_ document: RenderedDocument, landscape: Bool) -> XLSXSheetBuilder {
        var sheet = XLSXSheetBuilder(name: "封面")
        sheet.setColumnWidth(1, 100)
        sheet.setRowHeight(4, 40)
        sheet.set(row: 4, column: 1, .text(document.title), style: XLSXStyle(bold: true, horizontal: .center, verticalCenter: true, fontSize: 22))
        for (offset, line) in document.coverLines.enumerated() {
            sheet.set(row: 7 + offset, column: 1, .text(line), style: XLSXStyle(horizontal: .center, fontSize: 14))
        }
        printed(&sheet, landscape: landscape)
        return sheet
    }

    /// 目录: each entry of the document's contents with the sheet it is on.
    private static func contentsSheet(_ document: RenderedDocument, sheets: [String], landscape: Bool) -> XLSXSheetBuilder {
        var sheet = XLSXSheetBuilder(name: "目录")
        sheet.setColumnWidth(1, 70)
        sheet.setColumnWidth(2, 30)
        sheet.set(row: 1, column: 1, .text("目录"), style: XLSXStyle(bold: true, horizontal: .center, fontSize: 16))
        sheet.merge(XLSXRange(firstRow: 1, firstColumn: 1, lastRow: 1, lastColumn: 2))
        sheet.set(row: 2, column: 1, .text("内容"), style: XLSXStyle(bold: true))
        sheet.set(row: 2, column: 2, .text("所在工作表"), style: XLSXStyle(bold: true))
        for (offset, entry) in zip(document.contents, sheets).enumerated() {
            sheet.set(row: offset + 3, column: 1, .text(entry.0))
            sheet.set(row: offset + 3, column: 2, .text(entry.1))
        }
        printed(&sheet, landscape: landscape)
        return sheet
    }

    /// One narrative section on its own sheet, under the narrative's title when given.
    private static func sectionSheet(_ section: RenderedSection, title: String?, name: String, landscape: Bool) -> XLSXSheetBuilder {
        var sheet = XLSXSheetBuilder(name: name)
        sheet.setColumnWidth(1, landscape ? 130 : 90)
        var row = 1
        if let title {
            sheet.set(row: row, column: 1, .text(title), style: XLSXStyle(bold: true, horizontal: .center, fontSize: 16))
            row += 2
        }
        sheet.set(row: row, column: 1, .text(section.heading), style: XLSXStyle(bold: true, fontSize: 14))
        row += 1
        let perLine = landscape ? 80 : 55
        for paragraph in section.paragraphs {
            let text = (paragraph.lead ?? "") + paragraph.text
            sheet.set(row: row, column: 1, .text(text), style: XLSXStyle(wrapText: true, fontSize: 12))
            sheet.setRowHeight(row, min(409, max(20, Double((text.count + perLine - 1) / perLine) * 17)))
            row += 1
        }
        printed(&sheet, landscape: landscape)
        return sheet
    }

    /// Prints on A4 in the orientation given, every column on the page's width.
    private static func printed(_ sheet: inout XLSXSheetBuilder, landscape: Bool) {
        sheet.setPrintLandscape(landscape)
        sheet.fitToPageWidth()
    }

    /// A sheet name for a section: its heading without the numbering (一、单位基本情况 → 单位基本情况).
    private static func sheetName(of heading: String) -> String {
        let name = heading.replacingOccurrences(of: "^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)[ 　]*",
                                                with: "", options: .regularExpression)
        return name.isEmpty ? heading : name
    }

    private static func sheet(for table: RenderedTable, name: String, landscape: Bool) -> XLSXSheetBuilder {
        var sheet = XLSXSheetBuilder(name: name)
        let columns = table.columnCount
        let border = XLSXStyle(wrapText: true, verticalCenter: true, border: true)
        let header = XLSXStyle(bold: true, wrapText: true, horizontal: .center, verticalCenter: true, border: true, fillColor: "FFF2F2F2")
        let format = table.decimals == 0 ? "#,##0" : "#,##0." + String(repeating: "0", count: table.decimals)
        let title = [table.number, table.title].compactMap { $0 }.joined(separator: " ")
        sheet.set(row: 1, column: 1, .text(title), style: XLSXStyle(bold: true, horizontal: .center, fontSize: 14))
        sheet.merge(XLSXRange(firstRow: 1, firstColumn: 1, lastRow: 1, lastColumn: columns))
        sheet.setRowHeight(1, 28)
        if let preparer = table.preparer { sheet.set(row: 2, column: 1, .text("编制单位：\(preparer)")) }
        sheet.set(row: 2, column: columns, .text(table.unitLine), style: XLSXStyle(horizontal: .right))
        let first = 3
        for placed in table.headerPlacement.cells {
            let row = first + placed.row, column = placed.column + 1
            sheet.set(row: row, column: column, .text(placed.cell.text), style: header)
            mergeAndFrame(&sheet, row: row, column: column, rows: placed.rowSpan, columns: placed.columnSpan, style: header)
        }
        let bodyStart = first + table.header.count
        for placed in table.bodyPlacement.cells {
            let row = bodyStart + placed.row, column = placed.column + 1
            var style = border
            style.bold = table.rows[placed.row].isTotal || placed.cell.isBold
            let value: XLSXOutputValue
            switch placed.cell.content {
            case .amount(let amount):
                style.numberFormat = format
                style.horizontal = .right
                value = amount.isZero && !table.showsZeros ? .blank : .number(amount.formatted(in: table.moneyUnit, decimals: table.decimals))
            case .number(let text):
                style.horizontal = .center
                value = .number(text)
            case .text(let text), .code(let text):
                value = text.isEmpty ? .blank : .text(text)
            case .blank:
                value = .blank
            }
            sheet.set(row: row, column: column, value, style: style)
            mergeAndFrame(&sheet, row: row, column: column, rows: placed.rowSpan, columns: placed.columnSpan, style: style)
        }
        for (offset, note) in [table.footnote, table.note].compactMap({ $0 }).enumerated() {
            let row = bodyStart + table.rows.count + 1 + offset
            sheet.set(row: row, column: 1, .text("注：\(note)"))
            sheet.merge(XLSXRange(firstRow: row, firstColumn: 1, lastRow: row, lastColumn: columns))
        }
        let total = table.columnCount <= 6 ? 100.0 : 150.0
        let layout = table.printLayout
        for (index, width) in layout.columnWidths.enumerated() { sheet.setColumnWidth(index + 1, max(6, width * total / 100)) }
        sheet.freezePanes(rows: bodyStart - 1, columns: 0)
        printed(&sheet, landscape: landscape || layout.isLandscape)
        sheet.repeatRowsOnEveryPage(1...(bodyStart - 1))
        return sheet
    }

    /// Merges a spanning cell and gives the covered cells the same border.
    private static func mergeAndFrame(_ sheet: inout XLSXSheetBuilder, row: Int, column: Int, rows: Int, columns: Int, style: XLSXStyle) {
        guard rows > 1 || columns > 1 else { return }
        for r in row..<(row + rows) {
            for c in column..<(column + columns) where r != row || c != column { sheet.set(row: r, column: c, .blank, style: style) }
        }
        sheet.merge(XLSXRange(firstRow: row, firstColumn: column, lastRow: row + rows - 1, lastColumn: column + columns - 1))
    }

    /// A sheet name that is valid (≤ 31 characters, none of []:*?/\) and not used yet.
    private static func unique(_ base: String, in used: inout Set<String>) -> String {
        SheetNames.unique(base, fallback: "表", used: &used)
    }
}
