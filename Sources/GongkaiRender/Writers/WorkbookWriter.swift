import Foundation
import GongkaiCore
import GongkaiXLSX

/// Writes a rendered package as an XLSX workbook: a sheet with the narrative, the 目录, then one sheet per
/// table laid out as printed — title, 编制单位 and 单位 line, merged header cells, amounts stored as
/// numbers in the table's unit with a matching number format.
public enum WorkbookWriter {
    /// The workbook bytes.
    public static func workbook(_ document: RenderedDocument) throws -> Data {
        var writer = XLSXWriter()
        var names: Set<String> = ["目录"]
        let narrativeName = unique("情况说明", in: &names)
        let tableNames = document.tables.map { unique([$0.number, $0.shortName].compactMap { $0 }.joined(separator: " "), in: &names) }
        writer.add(narrativeSheet(document, name: narrativeName))
        writer.add(contentsSheet(document, narrative: narrativeName, tables: tableNames))
        for (table, name) in zip(document.tables, tableNames) {
            writer.add(sheet(for: table, name: name))
        }
        return try writer.data()
    }

    /// 目录: each entry of the document's contents with the sheet it is on.
    private static func contentsSheet(_ document: RenderedDocument, narrative: String, tables: [String]) -> XLSXSheetBuilder {
        var sheet = XLSXSheetBuilder(name: "目录")
        sheet.setColumnWidth(1, 60)
        sheet.setColumnWidth(2, 30)
        sheet.set(row: 1, column: 1, .text("目录"), style: XLSXStyle(bold: true, horizontal: .center, fontSize: 16))
        sheet.set(row: 2, column: 1, .text("内容"), style: XLSXStyle(bold: true))
        sheet.set(row: 2, column: 2, .text("所在工作表"), style: XLSXStyle(bold: true))
        let before = document.sectionsBeforeTables.map { ($0.heading, narrative) }
        let tableEntries = zip(document.contents.dropFirst(before.count + 1), tables).map { ($0, $1) }
        let entries = before + [(document.tablesHeading, tables.first ?? narrative)] + tableEntries
            + document.trailingSections.map { ($0.heading, narrative) }
        for (offset, entry) in entries.enumerated() {
            sheet.set(row: offset + 3, column: 1, .text(entry.0))
            sheet.set(row: offset + 3, column: 2, .text(entry.1))
        }
        return sheet
    }

    private static func narrativeSheet(_ document: RenderedDocument, name: String) -> XLSXSheetBuilder {
        var sheet = XLSXSheetBuilder(name: name)
        sheet.setColumnWidth(1, 110)
        sheet.set(row: 1, column: 1, .text(document.title), style: XLSXStyle(bold: true, horizontal: .center, fontSize: 16))
        sheet.set(row: 2, column: 1, .text(document.narrativeTitle), style: XLSXStyle(bold: true, horizontal: .center, fontSize: 14))
        var row = 4
        for section in document.sections {
            sheet.set(row: row, column: 1, .text(section.heading), style: XLSXStyle(bold: true, fontSize: 12))
            row += 1
            for paragraph in section.paragraphs {
                sheet.set(row: row, column: 1, .text((paragraph.lead ?? "") + paragraph.text), style: XLSXStyle(wrapText: true))
                sheet.setRowHeight(row, max(18, Double((paragraph.text.count + 59) / 60) * 16))
                row += 1
            }
        }
        return sheet
    }

    private static func sheet(for table: RenderedTable, name: String) -> XLSXSheetBuilder {
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
        if let note = table.note {
            let row = bodyStart + table.rows.count + 1
            sheet.set(row: row, column: 1, .text("注：\(note)"))
            sheet.merge(XLSXRange(firstRow: row, firstColumn: 1, lastRow: row, lastColumn: columns))
        }
        let total = table.columnCount <= 6 ? 100.0 : 150.0
        let layout = table.printLayout
        for (index, width) in layout.columnWidths.enumerated() { sheet.setColumnWidth(index + 1, max(6, width * total / 100)) }
        sheet.freezePanes(rows: bodyStart - 1, columns: 0)
        sheet.setPrintLandscape(layout.isLandscape)
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
