/// Checks a sheet's content against the limits of SpreadsheetML and Excel before it is written,
/// so that a bad value becomes an error naming the sheet instead of a file Excel must repair.
enum SheetContentRules {
    /// The longest text a cell can hold, in UTF-16 code units.
    static let maxTextLength = 32_767
    /// The longest list-validation formula Excel accepts.
    static let maxListFormulaLength = 255

    /// Throws `.writeFailed` for the first problem found in `sheet`.
    static func validate(_ sheet: XLSXSheetBuilder) throws {
        if let problem = firstProblem(in: sheet) {
            throw XLSXError.writeFailed(sheet: sheet.name, problem)
        }
    }

    private static func firstProblem(in sheet: XLSXSheetBuilder) -> String? {
        for (position, cell) in sheet.cells.sorted(by: { $0.key < $1.key }) {
            func reference() -> String { XLSXCellReference.columnName(position.column) + String(position.row) }
            guard isInside(row: position.row, column: position.column) else {
                return "单元格位置（第 \(position.row) 行第 \(position.column) 列）超出工作表范围"
            }
            switch cell.value {
            case let .text(text) where text.utf8.count > maxTextLength && text.utf16.count > maxTextLength:
                return "单元格 \(reference()) 的文字超过 \(maxTextLength) 个字符"
            case let .number(lexical) where !NumberLexicalForm.isValid(lexical):
                return "单元格 \(reference()) 的数值「\(snippet(lexical))」不是有效的十进制数"
            default:
                break
            }
        }
        let styles = Set(sheet.cells.values.map(\.style))
        if let problem = styles.lazy.compactMap(StyleRules.problem(with:)).first { return problem }
        return layoutProblem(in: sheet) ?? sheet.listValidations.lazy.compactMap(listProblem(with:)).first
    }

    private static func layoutProblem(in sheet: XLSXSheetBuilder) -> String? {
        for (index, range) in sheet.mergedRanges.enumerated() {
            guard isInside(range) else { return "合并区域 \(range.reference) 超出工作表范围" }
            if let other = sheet.mergedRanges[..<index].first(where: range.overlaps) {
                return "合并区域 \(range.reference) 与 \(other.reference) 重叠"
            }
        }
        for (column, width) in sheet.columnWidths.sorted(by: { $0.key < $1.key }) {
            guard (1...XLSXCellReference.maxColumn).contains(column), (0...255).contains(width) else {
                return "第 \(column) 列的列宽 \(width) 无效（列宽应在 0–255 之间）"
            }
        }
        for (row, height) in sheet.rowHeights.sorted(by: { $0.key < $1.key }) {
            guard (1...XLSXCellReference.maxRow).contains(row), (0...409).contains(height) else {
                return "第 \(row) 行的行高 \(height) 无效（行高应在 0–409 磅之间）"
            }
        }
        guard (0..<XLSXCellReference.maxRow).contains(sheet.frozenRows),
              (0..<XLSXCellReference.maxColumn).contains(sheet.frozenColumns)
        else { return "冻结窗格的行数或列数（\(sheet.frozenRows) 行，\(sheet.frozenColumns) 列）无效" }
        if let rows = sheet.printTitleRows, rows.lowerBound < 1 || rows.upperBound > XLSXCellReference.maxRow {
            return "打印标题行 \(rows.lowerBound)–\(rows.upperBound) 超出工作表范围"
        }
        return nil
    }

    private static func listProblem(with validation: XLSXSheetBuilder.ListValidation) -> String? {
        let place = "下拉列表 \(validation.range.reference)"
        guard isInside(validation.range) else { return "\(place) 超出工作表范围" }
        if let source = validation.source {
            guard isInside(source.cells) else { return "\(place) 引用的区域 \(source.cells.reference) 超出工作表范围" }
            guard !source.sheet.isEmpty else { return "\(place) 引用的工作表没有名称" }
            if let warning = validation.warning, warning.utf16.count > 225 { return "\(place) 的提示超过 Excel 允许的 225 个字符" }
            return nil
        }
        guard !validation.options.isEmpty else { return "\(place) 没有选项" }
        if let option = validation.options.first(where: { $0.contains(",") }) {
            return "\(place) 的选项「\(snippet(option))」含有逗号，Excel 会把它拆成两项"
        }
        if validation.options.contains(where: { $0.unicodeScalars.contains { $0.value < 0x20 } }) {
            return "\(place) 的选项含有换行符等控制字符"
        }
        let length = ListValidationFormula.formula(for: validation.options).utf16.count
        guard length <= maxListFormulaLength else {
            return "\(place) 的选项合计 \(length) 个字符，超过 Excel 允许的 \(maxListFormulaLength) 个"
        }
        return nil
    }

    private static func isInside(row: Int, column: Int) -> Bool {
        (1...XLSXCellReference.maxRow).contains(row) && (1...XLSXCellReference.maxColumn).contains(column)
    }

    private static func isInside(_ range: XLSXRange) -> Bool {
        range.firstRow <= range.lastRow && range.firstColumn <= range.lastColumn
            && isInside(row: range.firstRow, column: range.firstColumn)
            && isInside(row: range.lastRow, column: range.lastColumn)
    }
}

/// The `formula1` text of a list validation: the options in one quoted string, separated by
/// commas, with quotes inside an option doubled as in any Excel string literal.
enum ListValidationFormula {
    /// `["是", "否"]` → `"是,否"` (quotes included).
    static func formula(for options: [String]) -> String {
        "\"" + options.map { $0.replacingOccurrences(of: "\"", with: "\"\"") }.joined(separator: ",") + "\""
    }

    /// `'科目代码'!$A$2:$A$900`: an absolute reference to cells of a sheet, its name quoted.
    static func formula(sheet: String, cells: XLSXRange) -> String {
        func corner(_ row: Int, _ column: Int) -> String { "$\(XLSXCellReference.columnName(column))$\(row)" }
        return "'\(sheet.replacingOccurrences(of: "'", with: "''"))'!\(corner(cells.firstRow, cells.firstColumn)):\(corner(cells.lastRow, cells.lastColumn))"
    }
}
