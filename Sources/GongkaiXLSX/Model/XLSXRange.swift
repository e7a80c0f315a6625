/// A rectangular block of cells, such as the merged range `A1:E1`.
public struct XLSXRange: Sendable, Hashable {
    /// The 1-based top row.
    public var firstRow: Int
    /// The 1-based left column.
    public var firstColumn: Int
    /// The 1-based bottom row (inclusive).
    public var lastRow: Int
    /// The 1-based right column (inclusive).
    public var lastColumn: Int

    /// Creates a range from its corners, given in any order.
    public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        self.firstRow = min(firstRow, lastRow)
        self.firstColumn = min(firstColumn, lastColumn)
        self.lastRow = max(firstRow, lastRow)
        self.lastColumn = max(firstColumn, lastColumn)
    }

    /// Parses `"A1:E1"`, `"$A$1:$E$1"` or a single cell such as `"B2"`; nil when the text is not a
    /// cell range inside the sheet's bounds.
    public init?(reference: String) {
        let corners = reference.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(corners.count),
              let first = XLSXCellReference.parse(String(corners[0])),
              let last = XLSXCellReference.parse(String(corners[corners.count - 1]))
        else { return nil }
        self.init(firstRow: first.row, firstColumn: first.column, lastRow: last.row, lastColumn: last.column)
    }

    /// The A1-style text of the range: `"A1:E1"`, or `"B2"` when it covers a single cell.
    public var reference: String {
        let first = XLSXCellReference.columnName(firstColumn) + String(firstRow)
        guard firstRow != lastRow || firstColumn != lastColumn else { return first }
        return first + ":" + XLSXCellReference.columnName(lastColumn) + String(lastRow)
    }

    /// Whether the cell at the 1-based position lies inside the range.
    public func contains(row: Int, column: Int) -> Bool {
        // Plain comparisons, not ClosedRange: the corners are public and may have been set out of order.
        row >= firstRow && row <= lastRow && column >= firstColumn && column <= lastColumn
    }

    /// Whether the two ranges share at least one cell.
    public func overlaps(_ other: XLSXRange) -> Bool {
        firstRow <= other.lastRow && other.firstRow <= lastRow
            && firstColumn <= other.lastColumn && other.firstColumn <= lastColumn
    }
}
