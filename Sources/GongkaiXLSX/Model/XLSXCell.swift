/// A cell that holds a value.
public struct XLSXCell: Sendable, Hashable {
    /// The 1-based row number.
    public var row: Int
    /// The 1-based column number (A = 1).
    public var column: Int
    /// The stored value.
    public var value: XLSXValue
    /// The number format code that applies to the cell, such as `"0.00"` or `"#,##0.00"`;
    /// nil for General. Built-in format ids are resolved to their codes.
    public var numberFormat: String?

    /// Creates a cell.
    public init(row: Int, column: Int, value: XLSXValue, numberFormat: String? = nil) {
        self.row = row
        self.column = column
        self.value = value
        self.numberFormat = numberFormat
    }

    /// The A1-style reference of the cell, such as `"B10"`.
    public var reference: String {
        XLSXCellReference.columnName(column) + String(row)
    }
}
