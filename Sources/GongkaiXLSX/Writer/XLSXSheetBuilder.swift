/// The content and layout of one worksheet to write.
///
/// The mutating methods only record; everything is checked when `XLSXWriter.data()` builds the
/// file, which throws an `XLSXError` naming the sheet for anything Excel would reject.
public struct XLSXSheetBuilder: Sendable {
    /// A 1-based cell position.
    struct Position: Hashable, Comparable {
        let row: Int
        let column: Int

        static func < (lhs: Position, rhs: Position) -> Bool {
            (lhs.row, lhs.column) < (rhs.row, rhs.column)
        }
    }

    /// A value with the style it is shown in.
    struct StyledValue: Sendable {
        let value: XLSXOutputValue
        let style: XLSXStyle
    }

    /// A drop-down list offered in a range of cells: the options given, or the values of a range of
    /// cells on a sheet of the workbook.
    struct ListValidation: Sendable {
        let range: XLSXRange
        let options: [String]
        let source: (sheet: String, cells: XLSXRange)?
        /// Shown for a value not in the list, which may then be kept; nil refuses such values.
        let warning: String?
    }

    /// The sheet's name on its tab.
    public private(set) var name: String
    private(set) var cells: [Position: StyledValue] = [:]
    private(set) var mergedRanges: [XLSXRange] = []
    private(set) var columnWidths: [Int: Double] = [:]
    private(set) var rowHeights: [Int: Double] = [:]
    private(set) var listValidations: [ListValidation] = []
    private(set) var frozenRows = 0
    private(set) var frozenColumns = 0
    private(set) var landscape: Bool?
    private(set) var fitsWidth = false
    private(set) var printTitleRows: ClosedRange<Int>?

    /// Starts an empty sheet called `name` (1–31 characters, none of `[]:*?/\`).
    public init(name: String) {
        self.name = name
    }

    /// Puts a value into the cell at the 1-based position, replacing what was there.
    public mutating func set(row: Int, column: Int, _ value: XLSXOutputValue, style: XLSXStyle = .plain) {
        cells[Position(row: row, column: column)] = StyledValue(value: value, style: style)
    }

    /// Merges a range of cells; the top-left cell's value and style show across it. Merging a
    /// single cell changes nothing and is left out of the file.
    public mutating func merge(_ range: XLSXRange) {
        guard range.firstRow != range.lastRow || range.firstColumn != range.lastColumn else { return }
        mergedRanges.append(range)
    }

    /// Sets the width of a 1-based column, in characters of the default font (0–255).
    public mutating func setColumnWidth(_ column: Int, _ width: Double) {
        columnWidths[column] = width
    }

    /// Sets the height of a 1-based row, in points (0–409).
    public mutating func setRowHeight(_ row: Int, _ height: Double) {
        rowHeights[row] = height
    }

    /// Offers a drop-down list of `options` in `range`. The options may not contain commas or
    /// control characters and together must fit Excel's 255-character limit.
    public mutating func addListValidation(_ range: XLSXRange, options: [String]) {
        listValidations.append(ListValidation(range: range, options: options, source: nil, warning: nil))
    }

    /// Offers a drop-down list in `range` of the values in `cells` on the sheet named `sheet` — for a
    /// list too long to write into the validation itself (a catalog of codes). With `warning`, a value
    /// not in the list is allowed after that message (at most 225 characters); without, it is refused.
    public mutating func addListValidation(_ range: XLSXRange, valuesIn cells: XLSXRange, onSheet sheet: String, warning: String? = nil) {
        listValidations.append(ListValidation(range: range, options: [], source: (sheet, cells), warning: warning))
    }

    /// Keeps the top `rows` rows and the left `columns` columns in view while scrolling; zero for both
    /// removes the freeze.
    public mutating func freezePanes(rows: Int, columns: Int) {
        frozenRows = rows
        frozenColumns = columns
    }

    /// Prints the sheet on A4 in landscape (true) or portrait (false) orientation.
    public mutating func setPrintLandscape(_ landscape: Bool) {
        self.landscape = landscape
    }

    /// Scales the printout so every column fits the width of one page (as many pages down as needed).
    public mutating func fitToPageWidth() {
        fitsWidth = true
    }

    /// Repeats these 1-based rows at the top of every printed page (a table's title and header).
    public mutating func repeatRowsOnEveryPage(_ rows: ClosedRange<Int>) {
        printTitleRows = rows
    }
}
