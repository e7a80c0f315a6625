import Foundation
import GongkaiCore
import GongkaiXLSX

/// Turns an XLSX workbook into layout lines: one page per sheet, one line per row, one cell per
/// non-empty spreadsheet cell (a merged cell spans its range). A cell holding several lines of text
/// (the narrative sheets of the Shanghai templates) becomes several lines.
enum SpreadsheetLayoutReader {
    static func read(_ workbook: XLSXWorkbook, path: String) -> LayoutDocument {
        var lines: [LayoutLine] = []
        for (sheetIndex, sheet) in workbook.sheets.enumerated() {
            let page = sheetIndex + 1
            var mergedByOrigin: [Int: [Int: XLSXRange]] = [:]
            for range in sheet.mergedRanges {
                mergedByOrigin[range.firstRow, default: [:]][range.firstColumn] = range
            }
            let rows = Dictionary(grouping: sheet.cells, by: \.row)
            var titleSeen = false
            for rowNumber in rows.keys.sorted() {
                let cells = (rows[rowNumber] ?? []).sorted { $0.column < $1.column }
                var layoutCells: [LayoutCell] = []
                var multiLine: [String] = []
                for cell in cells {
                    let text = displayText(cell)
                    guard !text.trimmingSpaces().isEmpty else { continue }
                    let span = mergedByOrigin[rowNumber]?[cell.column]
                    let lastColumn = span?.lastColumn ?? cell.column
                    let location = SourceLocation(file: path, sheet: sheet.name, cell: cell.reference)
                    if text.contains("\n"), cells.count == 1 {
                        multiLine = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                    }
                    layoutCells.append(LayoutCell(text: text, x0: Double(cell.column), x1: Double(lastColumn) + 0.9,
                                                  y0: Double(rowNumber), y1: Double(span?.lastRow ?? rowNumber) + 0.9, location: location))
                }
                guard let first = layoutCells.first else { continue }
                if !multiLine.isEmpty {
                    for (offset, part) in multiLine.enumerated() {
                        var cell = first
                        cell.text = part.trimmingSpaces()
                        lines.append(LayoutLine(cells: cell.text.isEmpty ? [] : [cell], page: page, location: first.location,
                                                style: LineStyle(), isGridded: false, indent: Double(offset), pageWidth: 0))
                    }
                    continue
                }
                var style = LineStyle()
                if !titleSeen, layoutCells.count == 1 {
                    style.headingLevel = 1
                    titleSeen = true
                } else if layoutCells.count > 1 {
                    titleSeen = true
                }
                lines.append(LayoutLine(cells: layoutCells, page: page, location: first.location, style: style,
                                        isGridded: true, indent: first.x0, pageWidth: 0))
            }
            // A sheet break separates paragraphs and tables like a page break.
            lines.append(LayoutLine(cells: [], page: page, location: SourceLocation(file: path, sheet: sheet.name), style: LineStyle(),
                                    isGridded: false, indent: 0, pageWidth: 0))
        }
        return LayoutDocument(path: path, format: .xlsx, lines: lines, pageCount: workbook.sheets.count,
                              sheetNames: workbook.sheets.map(\.name))
    }

    /// The text a person sees in the cell: numbers shown with the decimals of their format, and
    /// binary floating-point residue (190.97999999999999) removed.
    static func displayText(_ cell: XLSXCell) -> String {
        switch cell.value {
        case let .text(text): return text
        case let .bool(value): return value ? "TRUE" : "FALSE"
        case let .error(code): return code
        case let .number(lexical):
            guard let value = Decimal(string: lexical, locale: Locale(identifier: "en_US_POSIX")) else { return lexical }
            let decimals = formatDecimals(cell.numberFormat)
            return format(value, decimals: decimals)
        }
    }

    /// The decimals a number format shows (`#,##0.00` → 2), nil for General.
    static func formatDecimals(_ format: String?) -> Int? {
        guard let format, format != "General", !format.isEmpty else { return nil }
        let section = format.split(separator: ";").first.map(String.init) ?? format
        guard let point = section.firstIndex(of: ".") else {
            return section.contains("0") || section.contains("#") ? 0 : nil
        }
        return section[section.index(after: point)...].prefix { $0 == "0" || $0 == "#" }.count
    }

    private static func format(_ value: Decimal, decimals: Int?) -> String {
        var input = value
        var rounded = Decimal()
        // General format: Excel shows at most 10 significant decimals; budget figures have two.
        NSDecimalRound(&rounded, &input, decimals ?? 8, .plain)
        var text = NSDecimalNumber(decimal: rounded).stringValue
        if let decimals {
            if decimals > 0 {
                let parts = text.split(separator: ".", maxSplits: 1)
                let fraction = parts.count > 1 ? String(parts[1]) : ""
                text = String(parts[0]) + "." + fraction + String(repeating: "0", count: max(0, decimals - fraction.count))
            }
        }
        return text
    }
}
