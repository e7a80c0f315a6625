/// Produces `xl/worksheets/sheetN.xml` for one sheet, with its elements in the order the
/// SpreadsheetML schema requires (sheetPr, dimension, sheetViews, sheetFormatPr, cols, sheetData,
/// mergeCells, dataValidations, pageMargins, pageSetup).
enum WorksheetXML {
    /// The worksheet part of `sheet`, which must have passed `SheetContentRules`; its styles and
    /// strings are added to `styles` and `strings`.
    static func make(_ sheet: XLSXSheetBuilder, isFirstSheet: Bool,
                     styles: inout StyleSheetRegistry, strings: inout SharedStringTable) -> String {
        // A blank cell without a style says nothing, so it is not written.
        let cells = sheet.cells
            .filter { $0.value.value != .blank || $0.value.style != .plain }
            .sorted { $0.key < $1.key }
        var xml = XMLHeader.declaration
        xml += "<worksheet xmlns=\"\(XMLHeader.spreadsheetNamespace)\" xmlns:r=\"\(XMLHeader.relationshipsNamespace)\">"
        if sheet.fitsWidth { xml += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>" }
        xml += "<dimension ref=\"\(dimension(cells: cells.map(\.key), merges: sheet.mergedRanges))\"/>"
        xml += sheetViews(sheet, isFirstSheet: isFirstSheet)
        xml += "<sheetFormatPr defaultRowHeight=\"15\"/>"
        xml += columns(sheet)
        xml += sheetData(cells, rowHeights: sheet.rowHeights, styles: &styles, strings: &strings)
        if !sheet.mergedRanges.isEmpty {
            xml += "<mergeCells count=\"\(sheet.mergedRanges.count)\">"
            xml += sheet.mergedRanges.map { "<mergeCell ref=\"\($0.reference)\"/>" }.joined()
            xml += "</mergeCells>"
        }
        xml += dataValidations(sheet.listValidations)
        xml += "<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        if sheet.landscape != nil || sheet.fitsWidth {
            xml += "<pageSetup paperSize=\"9\""
            if let landscape = sheet.landscape { xml += " orientation=\"\(landscape ? "landscape" : "portrait")\"" }
            if sheet.fitsWidth { xml += " fitToWidth=\"1\" fitToHeight=\"0\"" }
            xml += "/>"
        }
        xml += "</worksheet>"
        return xml
    }

    /// The used range: every written cell and merged range; `A1` for an empty sheet.
    private static func dimension(cells: [XLSXSheetBuilder.Position], merges: [XLSXRange]) -> String {
        let corners = cells.map { ($0.row, $0.column, $0.row, $0.column) }
            + merges.map { ($0.firstRow, $0.firstColumn, $0.lastRow, $0.lastColumn) }
        guard let firstRow = corners.map(\.0).min(), let firstColumn = corners.map(\.1).min(),
              let lastRow = corners.map(\.2).max(), let lastColumn = corners.map(\.3).max()
        else { return "A1" }
        return XLSXRange(firstRow: firstRow, firstColumn: firstColumn, lastRow: lastRow, lastColumn: lastColumn).reference
    }

    private static func sheetViews(_ sheet: XLSXSheetBuilder, isFirstSheet: Bool) -> String {
        var xml = "<sheetViews><sheetView\(isFirstSheet ? " tabSelected=\"1\"" : "") workbookViewId=\"0\">"
        let rows = sheet.frozenRows
        let columns = sheet.frozenColumns
        if rows > 0 || columns > 0 {
            let topLeft = XLSXCellReference.columnName(columns + 1) + String(rows + 1)
            let pane = rows > 0 && columns > 0 ? "bottomRight" : rows > 0 ? "bottomLeft" : "topRight"
            xml += "<pane"
            if columns > 0 { xml += " xSplit=\"\(columns)\"" }
            if rows > 0 { xml += " ySplit=\"\(rows)\"" }
            xml += " topLeftCell=\"\(topLeft)\" activePane=\"\(pane)\" state=\"frozen\"/>"
            xml += "<selection pane=\"\(pane)\" activeCell=\"\(topLeft)\" sqref=\"\(topLeft)\"/>"
        }
        return xml + "</sheetView></sheetViews>"
    }

    private static func columns(_ sheet: XLSXSheetBuilder) -> String {
        guard !sheet.columnWidths.isEmpty else { return "" }
        let entries = sheet.columnWidths.sorted { $0.key < $1.key }.map { column, width in
            "<col min=\"\(column)\" max=\"\(column)\" width=\"\(XMLNumber.format(width))\" customWidth=\"1\"/>"
        }
        return "<cols>" + entries.joined() + "</cols>"
    }

    private static func sheetData(_ cells: [(key: XLSXSheetBuilder.Position, value: XLSXSheetBuilder.StyledValue)],
                                  rowHeights: [Int: Double], styles: inout StyleSheetRegistry,
                                  strings: inout SharedStringTable) -> String {
        let cellsByRow = Dictionary(grouping: cells, by: \.key.row)
        let rowNumbers = Set(cellsByRow.keys).union(rowHeights.keys).sorted()
        var xml = "<sheetData>"
        for row in rowNumbers {
            xml += "<row r=\"\(row)\""
            if let height = rowHeights[row] { xml += " ht=\"\(XMLNumber.format(height))\" customHeight=\"1\"" }
            xml += ">"
            // Grouping keeps the sorted order of `cells`, so each row's cells are already by column.
            for (position, cell) in cellsByRow[row] ?? [] {
                xml += cellXML(position, cell, styles: &styles, strings: &strings)
            }
            xml += "</row>"
        }
        return xml + "</sheetData>"
    }

    private static func cellXML(_ position: XLSXSheetBuilder.Position, _ cell: XLSXSheetBuilder.StyledValue,
                                styles: inout StyleSheetRegistry, strings: inout SharedStringTable) -> String {
        var xml = "<c r=\"\(XLSXCellReference.columnName(position.column))\(position.row)\""
        let styleIndex = styles.index(for: cell.style)
        if styleIndex != 0 { xml += " s=\"\(styleIndex)\"" }
        switch cell.value {
        case let .text(text):
            xml += " t=\"s\"><v>\(strings.index(for: text))</v></c>"
        case let .number(lexical):
            xml += "><v>\(lexical)</v></c>"
        case .blank:
            xml += "/>"
        }
        return xml
    }

    private static func dataValidations(_ validations: [XLSXSheetBuilder.ListValidation]) -> String {
        guard !validations.isEmpty else { return "" }
        var xml = "<dataValidations count=\"\(validations.count)\">"
        for validation in validations {
            xml += "<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\""
            if let warning = validation.warning {
                xml += " errorStyle=\"warning\" error=\"\(XMLEscaping.escape(warning))\""
            }
            xml += " sqref=\"\(validation.range.reference)\">"
            let formula = validation.source.map { ListValidationFormula.formula(sheet: $0.sheet, cells: $0.cells) }
                ?? ListValidationFormula.formula(for: validation.options)
            xml += "<formula1>\(XMLEscaping.escape(formula))</formula1>"
            xml += "</dataValidation>"
        }
        return xml + "</dataValidations>"
    }
}
