/// Where each cell of a table lands on the full grid once column and row spans are taken into
/// account: the writers that need a plain grid (text, CSV, XLSX) place cells by these positions.
struct GridPlacement<Cell> {
    /// One placed cell.
    struct Placed {
        var row: Int
        var column: Int
        var rowSpan: Int
        var columnSpan: Int
        var cell: Cell
    }

    /// The placed cells, row by row.
    private(set) var cells: [Placed] = []

    /// Places `rows`, each cell going to the next column not covered by a span from above.
    init(rows: [[Cell]], columnCount: Int, spans: (Cell) -> (rows: Int, columns: Int)) {
        // Positions covered by a span from an earlier row, one flag per row and column; a span
        // reaching past the grid's width is clipped, one reaching below it is ignored.
        let width = max(columnCount, 1)
        var covered = Array(repeating: false, count: rows.count * width)
        cells.reserveCapacity(rows.reduce(0) { $0 + $1.count })
        for (rowIndex, row) in rows.enumerated() {
            var column = 0
            for cell in row {
                while column < width, covered[rowIndex * width + column] { column += 1 }
                let span = spans(cell)
                cells.append(Placed(row: rowIndex, column: column, rowSpan: span.rows, columnSpan: span.columns, cell: cell))
                for r in rowIndex..<min(rowIndex + span.rows, rows.count) {
                    for c in column..<min(column + span.columns, width) { covered[r * width + c] = true }
                }
                column += span.columns
            }
        }
    }

    /// The grid as text, `rowCount` × `columnCount`, each cell's text in its top-left position and
    /// blanks in the positions its span covers.
    func textGrid(rowCount: Int, columnCount: Int, text: (Cell) -> String) -> [[String]] {
        var grid = Array(repeating: Array(repeating: "", count: columnCount), count: rowCount)
        for placed in cells where placed.row < rowCount && placed.column < columnCount {
            grid[placed.row][placed.column] = text(placed.cell)
        }
        return grid
    }
}

extension RenderedTable {
    /// The header cells placed on the grid.
    var headerPlacement: GridPlacement<HeaderCell> {
        GridPlacement(rows: header, columnCount: columnCount) { ($0.rowSpan, $0.columnSpan) }
    }

    /// The body cells placed on the grid.
    var bodyPlacement: GridPlacement<RenderedCell> {
        GridPlacement(rows: rows.map(\.cells), columnCount: columnCount) { ($0.rowSpan, $0.columnSpan) }
    }

    /// The header as a plain text grid.
    public var headerGrid: [[String]] {
        headerPlacement.textGrid(rowCount: header.count, columnCount: columnCount) { $0.text }
    }

    /// Which body grid positions are printed bold: every cell of a total row, and bold cells.
    public var boldGrid: [[Bool]] {
        var grid = Array(repeating: Array(repeating: false, count: columnCount), count: rows.count)
        for placed in bodyPlacement.cells where placed.column < columnCount {
            grid[placed.row][placed.column] = rows[placed.row].isTotal || placed.cell.isBold
        }
        return grid
    }

    /// The body as a plain text grid, amounts formatted in the table's unit.
    public var bodyGrid: [[String]] {
        bodyPlacement.textGrid(rowCount: rows.count, columnCount: columnCount) { text(of: $0.content) }
    }
}

extension RenderedTable {
    /// How the table is printed: relative column widths (the given ones, or widths from the content —
    /// each column as wide as its longest cell, a CJK character counting one and others about half, so
    /// names and labels stay on one line, and wide enough for its heading on two lines) and whether it
    /// needs a landscape page (asked for, or too wide for a portrait A4 page at 9 pt, about 500 pt
    /// between the margins).
    public var printLayout: PrintLayout {
        if let columnWidths { return PrintLayout(columnWidths: columnWidths, isLandscape: isLandscape) }
        let content = contentWidths
        let padded = content.map { $0 + 2 }
        let total = padded.reduce(0, +)
        return PrintLayout(columnWidths: padded.map { ($0 / total * 1000).rounded() / 10 },
                           isLandscape: isLandscape || content.reduce(0) { $0 + ($1 + 1) * 9 } > 500)
    }

    /// The width each column's content needs, in characters.
    private var contentWidths: [Double] {
        func size(_ text: String) -> Double { text.unicodeScalars.reduce(0.0) { $0 + ($1.value >= 0x2E80 ? 1 : 0.6) } }
        var widest = Array(repeating: 3.0, count: columnCount)
        for row in bodyGrid {
            for (column, text) in row.enumerated() { widest[column] = max(widest[column], min(size(text), 30)) }
        }
        for placed in headerPlacement.cells where placed.columnSpan == 1 && placed.column < columnCount {
            widest[placed.column] = max(widest[placed.column], min((size(placed.cell.text) / 2).rounded(.up), 8))
        }
        return widest
    }
}

/// Column widths (percent of the table's width) and page orientation of a printed table.
public struct PrintLayout: Sendable, Equatable {
    /// Relative widths, summing to about 100.
    public var columnWidths: [Double]
    /// Whether the table goes on a landscape page.
    public var isLandscape: Bool
}
