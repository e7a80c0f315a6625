/// One worksheet: its name, the cells that hold a value, and its merged ranges.
public struct XLSXSheet: Sendable {
    /// The name on the sheet's tab, exactly as stored (trailing spaces included).
    public var name: String
    /// Every cell that holds a value, sorted by row, then column.
    ///
    /// `cell(row:column:)` relies on this order; keep it when changing the array.
    public var cells: [XLSXCell]
    /// The merged ranges in the order the worksheet lists them.
    public var mergedRanges: [XLSXRange]

    /// Creates a sheet; `cells` are sorted into row-then-column order.
    public init(name: String, cells: [XLSXCell] = [], mergedRanges: [XLSXRange] = []) {
        self.name = name
        self.cells = cells.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
        self.mergedRanges = mergedRanges
    }

    /// The cell at a 1-based position, or nil when that cell holds no value.
    public func cell(row: Int, column: Int) -> XLSXCell? {
        var lower = 0
        var upper = cells.count
        while lower < upper {
            let middle = (lower + upper) / 2
            let candidate = cells[middle]
            if (candidate.row, candidate.column) < (row, column) {
                lower = middle + 1
            } else {
                upper = middle
            }
        }
        guard lower < cells.count, cells[lower].row == row, cells[lower].column == column else { return nil }
        return cells[lower]
    }

    /// The highest row number holding a value; 0 when the sheet has no cells.
    public var maxRow: Int {
        cells.map(\.row).max() ?? 0
    }

    /// The highest column number holding a value; 0 when the sheet has no cells.
    public var maxColumn: Int {
        cells.map(\.column).max() ?? 0
    }
}
