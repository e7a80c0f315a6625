import GongkaiCore

/// Reads a page's table rows from the grid it draws (lattice), before any text alignment is guessed.
///
/// Each word's cell is the rectangle of the nearest ruling lines around its centre — left, right,
/// above and below, each line long enough to pass the centre. Words in one cell are one cell's text
/// (a name wrapped over two lines stays one name), and cells whose top edge is the same line are one
/// row, whatever their text's vertical position: a row's amounts centred beside a two-line name, a
/// header cell merged over two header rows (it belongs to the row it starts in).
///
/// A row is taken from the grid only when the grid plainly is the table's: at least two cells, every
/// word inside its cell's top and bottom, and no cell that looks like several cells run together —
/// two amounts and no text (a border the producer left out, or a table ruled only around its edge;
/// one number wrapped in a narrow cell is one amount), or more lines than a cell holds. Other words
/// are left to the text alignment, and so is every page without rulings, every page where the text of
/// two rows or more crosses their borders or sits on them (one producer draws names half a row off
/// their codes), and every page with a paragraph in a cell that runs down beside rows of figures (a
/// form: a project's goal beside its indicators).
enum PDFLattice {
    /// A cell holding more lines than this is a region, not a cell, unless they are one paragraph (a
    /// project's goal text in one cell runs to a dozen lines, some to two dozen).
    static let maximumLinesPerCell = 20
    /// Rulings this close (points) are one line; a ruling must pass a word's centre by no more.
    static let tolerance = 1.0
    /// How far (points) a word's centre must be from its cell's top and bottom.
    static let clearance = 2.5

    /// One row of the grid: each cell's words, left to right, and the words in the row's band that
    /// no cell encloses (the open last column of a table without a right border).
    struct Row {
        /// Each cell's words and drawn rectangle (none for the words no cell encloses).
        var cells: [(words: [PDFWord], frame: BoundingBox?)]
        /// The ruling the row starts at, and the nearest ruling below it that ends one of its cells.
        var top: Double
        var bottom: Double
    }

    /// The rows read from the grid, and the words left for text alignment.
    static func rows(words: [PDFWord], rulings: [PDFRuling]) -> (rows: [Row], rest: [PDFWord]) {
        // Sorted by position, so that the nearest line either side of a word is found by a binary
        // search and a short walk, not by looking at every line of the page.
        let horizontal = rulings.filter { $0.direction == .horizontal }.sorted { $0.position < $1.position }
        let vertical = rulings.filter { $0.direction == .vertical }.sorted { $0.position < $1.position }
        guard horizontal.count >= 2, vertical.count >= 2, !words.isEmpty else { return ([], words) }

        struct CellKey: Hashable {
            var left, right, top, bottom: Int

            /// Whether a word's box lies inside the cell's top and bottom, give or take a third of
            /// its height, its centre clear of both: text a producer draws across the borders, or so
            /// near one that a point either way would put it in the next row, is not placed by them.
            func holds(_ word: PDFWord) -> Bool {
                let slack = (word.y1 - word.y0) / 3 * 10
                let centre = (word.y0 + word.y1) * 5
                return word.y0 * 10 >= Double(top) - slack && word.y1 * 10 <= Double(bottom) + slack
                    && centre - Double(top) >= PDFLattice.clearance * 10 && Double(bottom) - centre >= PDFLattice.clearance * 10
            }
        }
        var cells: [CellKey: [PDFWord]] = [:]
        var unenclosed: [PDFWord] = []
        for word in words {
            let x = (word.x0 + word.x1) / 2, y = (word.y0 + word.y1) / 2
            guard let left = nearest(vertical, before: x, across: y), let right = nearest(vertical, after: x, across: y),
                  let top = nearest(horizontal, before: y, across: x), let bottom = nearest(horizontal, after: y, across: x) else {
                unenclosed.append(word)
                continue
            }
            cells[CellKey(left: key(left), right: key(right), top: key(top), bottom: key(bottom)), default: []].append(word)
        }

        // Cells by the line they start at; lines closer than the tolerance are one.
        var rowTop: [Int: Int] = [:]
        var previous: Int?
        var representative = 0
        for top in Set(cells.keys.map(\.top)).sorted() {
            if previous.map({ top - $0 > key(tolerance) }) ?? true { representative = top }
            rowTop[top] = representative
            previous = top
        }
        let byTop = Dictionary(grouping: cells.keys) { rowTop[$0.top]! }
        // Text drawn across the borders in more than one row (one producer sets a row's names half a
        // row off its codes): the grid does not place this page's words.
        let misplaced = byTop.values.filter { keys in keys.contains { key in !cells[key]!.allSatisfy(key.holds) } }.count
        if misplaced >= 2 { return ([], words) }
        // A cell that runs down beside rows of figures with a paragraph in it (a project's goal beside
        // its indicators) makes the page a form, not a grid of rows: the page is read by text alignment.
        // A heading wrapped down a header merged over several header rows does not.
        for keys in byTop.values {
            let rowBottom = keys.map(\.bottom).min()!
            for tall in keys where tall.bottom > rowBottom + key(tolerance) && lineCount(cells[tall]!) > 2 {
                let beside = cells.filter { $0.key.top > tall.top && $0.key.top < tall.bottom }
                if beside.contains(where: { $0.value.contains { PDFLayoutBuilder.isNumeric($0.text) } }) { return ([], words) }
            }
        }
        var rows: [Row] = []
        var rejected: [PDFWord] = []
        for top in byTop.keys.sorted() {
            let keys = byTop[top]!.sorted { $0.left < $1.left }
            let contents = keys.map { cells[$0]! }
            guard keys.count >= 2, contents.allSatisfy(isOneCell), keys.allSatisfy({ key in cells[key]!.allSatisfy(key.holds) }) else {
                rejected += contents.joined()
                continue
            }
            let framed = zip(keys, contents).map { key, words in
                (words, BoundingBox(x0: Double(key.left) / 10, y0: Double(key.top) / 10, x1: Double(key.right) / 10, y1: Double(key.bottom) / 10) as BoundingBox?)
            }
            rows.append(Row(cells: framed, top: Double(top) / 10, bottom: Double(keys.map(\.bottom).min()!) / 10))
        }
        let attached = attach(unenclosed, to: rows)
        return (attached.rows, attached.rest + rejected)
    }

    /// Words no cell encloses whose centre lies in a grid row's band join that row as one more cell
    /// (text alignment splits it where its words are far apart). The words of cells not taken from the
    /// grid stay with text alignment.
    private static func attach(_ words: [PDFWord], to rows: [Row]) -> (rows: [Row], rest: [PDFWord]) {
        guard !rows.isEmpty else { return (rows, words) }
        var rows = rows
        var extra = Array(repeating: [PDFWord](), count: rows.count)
        var rest: [PDFWord] = []
        for word in words {
            let y = (word.y0 + word.y1) / 2
            if let index = rows.firstIndex(where: { y > $0.top && y < $0.bottom }) {
                extra[index].append(word)
            } else {
                rest.append(word)
            }
        }
        for index in rows.indices where !extra[index].isEmpty {
            rows[index].cells.append((extra[index].sorted { $0.x0 < $1.x0 }, nil))
        }
        return (rows, rest)
    }

    /// Whether a cell's words read as one cell: not two or more amounts with no text beside them, and
    /// no more lines than a cell holds — unless the lines are one paragraph (a project's goal over two
    /// dozen lines: text and at most one amount), which a table ruled only around its edge never is.
    private static func isOneCell(_ words: [PDFWord]) -> Bool {
        let amounts = words.filter { PDFLayoutBuilder.isNumeric($0.text) }.count
        let hasText = words.contains { $0.text.unicodeScalars.contains(where: ChineseText.isCJK) }
        guard lineCount(words) <= maximumLinesPerCell || (hasText && amounts <= 1) else { return false }
        return amounts <= 1 || hasText || wrappedNumber(words) != nil
    }

    /// The number a narrow cell wraps over its lines (106,512.0 / 0 is 106,512.00), or nil when the
    /// cell's words are not one number so wrapped: one word per line, all of them numbers read together.
    static func wrappedNumber(_ words: [PDFWord]) -> String? {
        guard words.count >= 2 else { return nil }
        let ordered = words.sorted { $0.y1 < $1.y1 }
        let oneWordPerLine = zip(ordered, ordered.dropFirst()).allSatisfy { upper, lower in lower.y1 - upper.y1 >= 0.5 * (lower.y1 - lower.y0) }
        guard oneWordPerLine else { return nil }
        let text = ordered.map(\.text).joined()
        return PDFLayoutBuilder.isNumeric(text) ? text : nil
    }

    /// How many printed lines a cell's words stand on.
    private static func lineCount(_ words: [PDFWord]) -> Int {
        var lines = 0
        var lastBaseline = -Double.infinity
        for word in words.sorted(by: { $0.y1 < $1.y1 }) where word.y1 - lastBaseline > 0.5 * (word.y1 - word.y0) {
            lines += 1
            lastBaseline = word.y1
        }
        return lines
    }

    private static func key(_ value: Double) -> Int { Int((value * 10).rounded()) }

    /// The nearest line before `value` (left of it, or above it) that passes `across`.
    private static func nearest(_ lines: [PDFRuling], before value: Double, across: Double) -> Double? {
        var index = firstIndex(in: lines, notBelow: value) - 1
        while index >= 0 {
            if lines[index].spans(across, slack: tolerance) { return lines[index].position }
            index -= 1
        }
        return nil
    }

    /// The nearest line after `value` (right of it, or below it) that passes `across`, in `lines`
    /// sorted by position.
    private static func nearest(_ lines: [PDFRuling], after value: Double, across: Double) -> Double? {
        var index = firstIndex(in: lines, notBelow: value)
        while index < lines.count, lines[index].position <= value { index += 1 }
        while index < lines.count {
            if lines[index].spans(across, slack: tolerance) { return lines[index].position }
            index += 1
        }
        return nil
    }

    /// The index of the first line at or past `value` in `lines` sorted by position.
    private static func firstIndex(in lines: [PDFRuling], notBelow value: Double) -> Int {
        var low = 0, high = lines.count
        while low < high {
            let middle = (low + high) / 2
            if lines[middle].position < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
