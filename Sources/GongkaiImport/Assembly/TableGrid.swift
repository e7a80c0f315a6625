import GongkaiCore

/// A header cell after vertical continuation lines are merged.
struct HeaderCell: Sendable {
    var text: String
    var x0: Double
    var x1: Double
    var y0: Double
    var y1: Double
    /// Index of the header line (0 = top).
    var level: Int
    /// Whether the extent is a drawn cell's: its text is whole, never split or joined with another's.
    var isDrawnCell = false

    func overlap(_ low: Double, _ high: Double) -> Double { max(0, min(x1, high) - max(x0, low)) }
    var center: Double { (x0 + x1) / 2 }
}

/// A data column: where its cells are and what the header says about it.
struct GridColumn: Sendable {
    /// Extent of the column's cells.
    var x0: Double
    var x1: Double
    /// Extent used to match cells and header words: halfway to the neighbouring columns.
    var low: Double
    var high: Double
    /// Header texts, top first.
    var path: [String]
    var role: ColumnRole = .other
    var group = 0
    var side: TableSide = .single

    var center: Double { (x0 + x1) / 2 }
}

/// Finds a table's columns from the positions of its cells and labels them from its header.
///
/// Columns come from the data, not the header: in PDFs a merged header cell's text is centred over
/// its columns and says nothing about their edges, while the cells of one column overlap each other
/// (numbers share a right edge, names a left edge). Text and spreadsheet tables use column positions.
enum TableGrid {
    /// Header lines → header cells, with PDF header text wrapped over two lines joined.
    static func headerCells(_ lines: [LayoutLine], format: SourceFormat, rightmost: Double) -> [HeaderCell] {
        var cells: [HeaderCell] = []
        for (level, line) in lines.enumerated() {
            let sorted = line.cells.sorted { $0.x0 < $1.x0 }
            for (position, cell) in sorted.enumerated() {
                let text = ChineseText.normalizeSpaces(cell.text)
                guard !text.isEmpty else { continue }
                var x1 = cell.x1
                if format == .text, level < lines.count - 1 {
                    // A tab-separated header cell followed by empty cells spans them, as a merged cell would,
                    // as far as the header lines below have cells — and never past a cell that begins in a
                    // line above: a merged heading sits inside its parent's span (公务接待费 beside 公务用车…
                    // does not make 运行维护费 its child).
                    let nextInLine = position + 1 < sorted.count ? sorted[position + 1].x0 - 0.1 : rightmost + 0.9
                    let parentEnds = lines[..<level].flatMap(\.cells)
                        .filter { $0.x0 > cell.x0 && !ChineseText.normalizeSpaces($0.text).isEmpty }.map { $0.x0 - 0.1 }
                    let limit = min(nextInLine, parentEnds.min() ?? nextInLine)
                    let below = lines[(level + 1)...].flatMap(\.cells).map(\.x0).filter { $0 > cell.x0 && $0 < limit }
                    x1 = max(cell.x1, (below.max() ?? cell.x0) + 0.9)
                }
                if let drawn = cell.drawnExtent {
                    cells.append(HeaderCell(text: text, x0: drawn.x0, x1: drawn.x1, y0: cell.y0, y1: cell.y1, level: level, isDrawnCell: true))
                } else {
                    cells.append(HeaderCell(text: text, x0: cell.x0, x1: x1, y0: cell.y0, y1: cell.y1, level: level))
                }
            }
        }
        guard format == .pdf else { return cells }
        return mergeWrappedHeaderText(joinSpacedCharacters(cells).flatMap { $0.isDrawnCell ? [$0] : splitJoinedHeadings($0) })
    }

    /// A heading set with its characters spaced out (项　目, 收　入, 支　出) reads as one cell per
    /// character: single Chinese characters of one header line, close together, are one heading — but
    /// 类 款 项 over a split code are three columns.
    private static func joinSpacedCharacters(_ cells: [HeaderCell]) -> [HeaderCell] {
        let codeLevels: Set<String> = ["类", "款", "项"]
        var result: [HeaderCell] = []
        for cell in cells.sorted(by: { ($0.level, $0.x0) < ($1.level, $1.x0) }) {
            if var last = result.last, last.level == cell.level, cell.text.unicodeScalars.count == 1,
               (1...2).contains(last.text.unicodeScalars.count),
               (last.text + cell.text).unicodeScalars.allSatisfy(ChineseText.isCJK),
               !(codeLevels.contains(String(last.text.suffix(1))) && codeLevels.contains(cell.text)),
               cell.x0 - last.x1 < 3 * max(cell.y1 - cell.y0, 1) {
                last.text += cell.text
                last.x1 = cell.x1
                last.y0 = min(last.y0, cell.y0)
                last.y1 = max(last.y1, cell.y1)
                result[result.count - 1] = last
            } else {
                result.append(cell)
            }
        }
        return result
    }

    /// Two neighbouring headings printed so close that they read as one word (政府性基金预算国有资本经营预算)
    /// are split where both halves name a different amount column.
    private static func splitJoinedHeadings(_ cell: HeaderCell) -> [HeaderCell] {
        let scalars = Array(cell.text.unicodeScalars)
        guard scalars.count >= 8 else { return [cell] }
        // From the right, so the left heading keeps its full wording (政府性基金预算 | 国有资本经营预算).
        for cut in (4...(scalars.count - 4)).reversed() {
            let left = String(String.UnicodeScalarView(scalars[..<cut]))
            let right = String(String.UnicodeScalarView(scalars[cut...]))
            guard let a = ColumnMeaningClassifier.measure(for: left, kind: nil), let b = ColumnMeaningClassifier.measure(for: right, kind: nil),
                  a != b, a != .total, b != .total else { continue }
            let split = cell.x0 + (cell.x1 - cell.x0) * Double(cut) / Double(scalars.count)
            var first = cell, second = cell
            first.text = left
            first.x1 = split - 0.5
            second.text = right
            second.x0 = split + 0.5
            return [first, second]
        }
        return [cell]
    }

    /// Joins a PDF header word with the word right below it when both belong to one cell
    /// (事业单位 / 经营收入; 部门预算经济分类科目 / 编码).
    private static func mergeWrappedHeaderText(_ cells: [HeaderCell]) -> [HeaderCell] {
        var cells = cells.sorted { ($0.y0, $0.x0) < ($1.y0, $1.x0) }
        var merged = true
        while merged {
            merged = false
            outer: for i in cells.indices {
                for j in cells.indices where j != i {
                    let upper = cells[i]
                    let lower = cells[j]
                    guard !(upper.isDrawnCell && lower.isDrawnCell) else { continue }
                    let height = max(1, upper.y1 - upper.y0)
                    let gap = lower.y0 - upper.y1
                    guard gap >= -0.5, gap < 0.6 * height else { continue }
                    // 类/款/项 under 科目编码 are columns of their own; a 款 that ends a wrapped amount heading
                    // (一般公共预算财政拨 / 款) is not.
                    if ["类", "款", "项"].contains(lower.text) || ["类", "款", "项"].contains(upper.text) {
                        guard !upper.text.contains("编码"), ColumnMeaningClassifier.measure(for: upper.text + lower.text, kind: nil) != nil else { continue }
                    }
                    let centred = abs(lower.center - upper.center) < 0.2 * max(upper.x1 - upper.x0, lower.x1 - lower.x0) + 3
                    let leftAligned = abs(lower.x0 - upper.x0) < 3 && lower.x1 <= upper.x1 + 3
                    guard centred || leftAligned, lower.x1 - lower.x0 <= upper.x1 - upper.x0 + 4 else { continue }
                    // Do not swallow a child: a parent has other cells below it too.
                    let siblings = cells.filter { abs($0.y0 - lower.y0) < 2 && $0.overlap(upper.x0 - 2, upper.x1 + 2) > 0 }
                    guard siblings.count == 1 else { continue }
                    var joined = upper
                    joined.text += lower.text
                    joined.y1 = lower.y1
                    joined.x0 = min(upper.x0, lower.x0)
                    joined.x1 = max(upper.x1, lower.x1)
                    cells[i] = joined
                    cells.remove(at: j)
                    merged = true
                    break outer
                }
            }
        }
        return cells
    }

    /// Columns found from the cells' positions.
    static func columns(bodyLines: [LayoutLine], header: [HeaderCell], format: SourceFormat) -> [GridColumn] {
        // The cells are walked where they are, not copied out: a workbook's table has a million.
        let bodyCells = bodyLines.lazy.flatMap(\.cells)
        var extents: [(Double, Double)]
        if format == .pdf {
            // A total's label is centred across the code and name cells (合计 under 科目编码 | 科目名称):
            // it places no column of its own.
            let placing = bodyCells.filter { !LineReading.isTotalLabel(ChineseText.removingSpaces($0.text)) }.map { ($0.x0, $0.x1) }
            extents = unionOfIntervals(placing.isEmpty ? bodyCells.map { ($0.x0, $0.x1) } : Array(placing), tolerance: 1)
        } else {
            extents = Array(Set(bodyCells.map(\.x0))).sorted().map { ($0, $0 + 0.9) }
        }
        let leaves = header.filter { !isParent($0, in: header, format: format) }.sorted { $0.x0 < $1.x0 }
        // In PDFs a header's text is centred in its cell while numbers sit at the right edge, so the two
        // may not overlap at all: pair data columns with header leaves in order, nearest first.
        if format == .pdf, !extents.isEmpty, !leaves.isEmpty {
            return aligned(extents.sorted { $0.0 < $1.0 }, leaves: leaves, header: header)
        }
        // Header leaves over columns that hold no data still make columns (empty tables have only these).
        let deepest = header.map(\.level).max() ?? 0
        let hasNumbers = bodyCells.contains { if case .number? = AmountParser.scan($0.text, unit: .yuan) { true } else { false } }
        for leaf in leaves where !hasNumbers || leaf.level == deepest || format != .pdf {
            let probe = format == .pdf ? (leaf.x0, leaf.x1) : (leaf.x0, leaf.x0 + 0.9)
            if !extents.contains(where: { min($0.1, probe.1) - max($0.0, probe.0) > 0 }) {
                extents.append(probe)
            }
        }
        var columns = gridColumns(extents.sorted { $0.0 < $1.0 }, format: format)
        // Text and spreadsheet positions are exact: a heading over no column labels none.
        label(&columns[...], with: header, nearestFallback: format == .pdf)
        return columns
    }

    /// Whether a header cell heads other header cells: one below it overlaps it, or (in PDFs, where a
    /// merged cell's text is centred over its children) cells below it flank it on both sides — unless
    /// the cell is drawn, and its borders say what is under it.
    private static func isParent(_ cell: HeaderCell, in header: [HeaderCell], format: SourceFormat) -> Bool {
        let below = header.filter { $0.level > cell.level && (format != .pdf || $0.y0 > cell.y0 + 0.5 * (cell.y1 - cell.y0)) }
        if below.contains(where: { $0.overlap(cell.x0, cell.x1) > 0 }) { return true }
        guard format == .pdf, !cell.isDrawnCell else { return false }
        let reach = max(1.8 * (cell.x1 - cell.x0), 40)
        let left = below.contains { $0.center < cell.center && cell.center - $0.center < reach }
        let right = below.contains { $0.center > cell.center && $0.center - cell.center < reach }
        return left && right
    }

    /// Data columns paired with header leaves by a monotone alignment of least total distance; leaves
    /// left over are columns without data, data columns left over are labelled by overlap.
    private static func aligned(_ extents: [(Double, Double)], leaves: [HeaderCell], header: [HeaderCell]) -> [GridColumn] {
        let centers = extents.map { ($0.0 + $0.1) / 2 }
        let n = extents.count, m = leaves.count
        let skipData = 10_000.0
        var cost = Array(repeating: Array(repeating: Double.infinity, count: m + 1), count: n + 1)
        var move = Array(repeating: Array(repeating: 0, count: m + 1), count: n + 1)
        cost[0] = Array(repeating: 0, count: m + 1)
        for i in 1...n {
            cost[i][0] = Double(i) * skipData
            move[i][0] = 2
            for j in 1...m {
                let match = cost[i - 1][j - 1] + abs(centers[i - 1] - leaves[j - 1].center)
                let skipLeaf = cost[i][j - 1]
                let skipColumn = cost[i - 1][j] + skipData
                if match <= skipLeaf, match <= skipColumn {
                    cost[i][j] = match
                    move[i][j] = 0
                } else if skipLeaf <= skipColumn {
                    cost[i][j] = skipLeaf
                    move[i][j] = 1
                } else {
                    cost[i][j] = skipColumn
                    move[i][j] = 2
                }
            }
        }
        var pairs: [Int: Int] = [:]
        var i = n, j = m
        while i > 0 {
            switch move[i][j] {
            case 0:
                pairs[i - 1] = j - 1
                i -= 1
                j -= 1
            case 1: j -= 1
            default: i -= 1
            }
        }
        var entries: [((Double, Double), HeaderCell?)] = extents.enumerated().map { ($0.element, pairs[$0.offset].map { leaves[$0] }) }
        let used = Set(pairs.values)
        for (index, leaf) in leaves.enumerated() where !used.contains(index) {
            // A leaf over a column that has data is a stray heading word, not a column of its own.
            guard !extents.contains(where: { min($0.1, leaf.x1) - max($0.0, leaf.x0) > 0 }) else { continue }
            entries.append(((leaf.x0, leaf.x1), leaf))
        }
        entries.sort { $0.0.0 < $1.0.0 }
        var columns = gridColumns(entries.map(\.0), format: .pdf)
        let ordered = leaves
        for index in columns.indices {
            guard let leaf = entries[index].1, let position = ordered.firstIndex(where: { $0.x0 == leaf.x0 && $0.y0 == leaf.y0 }) else {
                label(&columns[index...index], with: header, nearestFallback: false)
                continue
            }
            let low = position > 0 ? (ordered[position - 1].center + leaf.center) / 2 : leaf.x0 - 1
            let high = position + 1 < ordered.count ? (leaf.center + ordered[position + 1].center) / 2 : leaf.x1 + 1
            let ancestors = header.filter { $0.y0 < leaf.y0 && isAncestor($0, of: leaf, within: (low, high)) }
                .sorted { ($0.y0, $0.level) < ($1.y0, $1.level) }
            columns[index].path = (ancestors.map(\.text) + [leaf.text]).reduce(into: []) { path, text in if path.last != text { path.append(text) } }
        }
        return columns
    }

    /// Whether a header cell above a leaf heads it: a drawn cell spans the leaf's centre; a heading
    /// read from text alignment alone (centred over its children) reaches into the leaf's share of the row.
    private static func isAncestor(_ cell: HeaderCell, of leaf: HeaderCell, within share: (Double, Double)) -> Bool {
        if cell.isDrawnCell, leaf.isDrawnCell { return cell.x0 <= leaf.center && leaf.center <= cell.x1 }
        return cell.overlap(share.0, share.1) > 0
    }

    private static func gridColumns(_ extents: [(Double, Double)], format: SourceFormat) -> [GridColumn] {
        var columns: [GridColumn] = []
        for (index, extent) in extents.enumerated() {
            let previous = index > 0 ? extents[index - 1].1 : -Double.infinity
            let next = index + 1 < extents.count ? extents[index + 1].0 : Double.infinity
            let low = previous.isFinite ? (previous + extent.0) / 2 : extent.0 - 40
            let high = next.isFinite ? (extent.1 + next) / 2 : extent.1 + 40
            columns.append(GridColumn(x0: extent.0, x1: extent.1, low: format == .pdf ? low : extent.0, high: format == .pdf ? high : extent.1, path: []))
        }
        return columns
    }

    /// Gives each column the header words above it, top first. A word belongs to every column it
    /// overlaps (or whose centre it spans); a word over no column (a parent centred between its
    /// children) belongs to the nearest one.
    private static func label(_ columns: inout ArraySlice<GridColumn>, with header: [HeaderCell], nearestFallback: Bool = true) {
        guard !columns.isEmpty else { return }
        var words: [Int: [HeaderCell]] = [:]
        for cell in header {
            var covered = false
            for index in columns.indices {
                let column = columns[index]
                if cell.overlap(column.x0, column.x1) > 0 || (cell.x0 <= column.center && column.center <= cell.x1) {
                    words[index, default: []].append(cell)
                    covered = true
                }
            }
            if !covered, nearestFallback, let nearest = columns.indices.min(by: { abs(columns[$0].center - cell.center) < abs(columns[$1].center - cell.center) }) {
                words[nearest, default: []].append(cell)
            }
        }
        for index in columns.indices {
            var path: [String] = []
            for cell in (words[index] ?? []).sorted(by: { ($0.y0, $0.level) < ($1.y0, $1.level) }) where path.last != cell.text {
                path.append(cell.text)
            }
            columns[index].path = path
        }
    }

    /// The column a cell belongs to.
    static func column(for cell: LayoutCell, in columns: [GridColumn], format: SourceFormat) -> Int? {
        if format != .pdf {
            return columns.firstIndex { abs($0.x0 - cell.x0) < 0.01 }
        }
        var best: (Int, Double)?
        for (index, column) in columns.enumerated() {
            let overlap = cell.overlap(column.low, column.high)
            if overlap > 0, overlap > (best?.1 ?? 0) { best = (index, overlap) }
        }
        if let best { return best.0 }
        return columns.indices.min { abs(columns[$0].center - cell.center) < abs(columns[$1].center - cell.center) }
    }

    private static func unionOfIntervals(_ intervals: [(Double, Double)], tolerance: Double) -> [(Double, Double)] {
        var result: [(Double, Double)] = []
        for interval in intervals.sorted(by: { $0.0 < $1.0 }) {
            if let last = result.last, interval.0 <= last.1 + tolerance {
                result[result.count - 1].1 = max(last.1, interval.1)
            } else {
                result.append(interval)
            }
        }
        return result
    }
}
