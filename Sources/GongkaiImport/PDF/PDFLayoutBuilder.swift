import Foundation
import GongkaiCore

/// Groups PDF words into printed lines and cells.
///
/// Words that share a vertical band form a line (see `groupIntoLines`); neighbouring words closer than
/// half a character form one cell (a cell's text can be split by a space); larger gaps separate cells.
enum PDFLayoutBuilder {
    static func build(words: [PDFWord], pages: [Int: PDFPageSize], rulings: [Int: [PDFRuling]] = [:], path: String) -> LayoutDocument {
        let byPage = Dictionary(grouping: words, by: \.page)
        let pageCount = max(pages.keys.max() ?? 0, byPage.keys.max() ?? 0)
        var lines: [LayoutLine] = []
        for page in 1...max(pageCount, 1) {
            let size = pages[page] ?? PDFPageSize(width: 842, height: 595)
            let (rows, rest) = PDFLattice.rows(words: byPage[page] ?? [], rulings: rulings[page] ?? [])
            let printed = (groupIntoLines(rest).filter { !isPageNumber($0, pageHeight: size.height) }.map { [($0, nil as BoundingBox?)] }
                + rows.map(\.cells)).sorted { top($0) < top($1) }
            let bodyHeight = median(printed.flatMap { textHeights($0.flatMap(\.words)) }) ?? 10
            for (index, groups) in printed.enumerated() {
                lines.append(makeLine(groups, page: page, number: index + 1, size: size, bodyHeight: bodyHeight, path: path))
            }
            if printed.isEmpty {
                // Keep a blank marker so empty pages remain visible to page-level checks.
                lines.append(LayoutLine(cells: [], page: page, location: SourceLocation(file: path, page: page), style: LineStyle(),
                                        isGridded: false, indent: 0, pageWidth: size.width))
            }
        }
        return LayoutDocument(path: path, format: .pdf, lines: droppingRunningHeads(lines, pages: pages), pageCount: pageCount)
    }

    /// A running head — the same line atop three pages or more, in the top margin (the unit's name
    /// and the document's title) — is not content: left in, it joins the first row of a table that
    /// runs on from the page before. Its first occurrence stays (it may be the document's title).
    private static func droppingRunningHeads(_ lines: [LayoutLine], pages: [Int: PDFPageSize]) -> [LayoutLine] {
        var firstLines: [Int: Int] = [:]  // page → index of its first line
        for (index, line) in lines.enumerated() where !line.isBlank && firstLines[line.page] == nil {
            let height = pages[line.page]?.height ?? 842
            if line.top < height * 0.1 { firstLines[line.page] = index } else { firstLines[line.page] = -1 }
        }
        let heads = firstLines.values.filter { $0 >= 0 }.sorted()
        let counts = Dictionary(grouping: heads) { lines[$0].key }.filter { $0.value.count >= 3 }
        let dropped = Set(counts.values.flatMap { $0.dropFirst() })
        guard !dropped.isEmpty else { return lines }
        return lines.enumerated().filter { !dropped.contains($0.offset) }.map(\.element)
    }

    /// The top of a printed line's highest word.
    private static func top(_ groups: [(words: [PDFWord], frame: BoundingBox?)]) -> Double {
        groups.lazy.flatMap(\.words).map(\.y0).min() ?? 0
    }

    /// How much of a word's em box (or of the line's band, if smaller) must overlap the line for the
    /// word to join it. 0.4 rather than a half: some producers draw a row's digits 7 pt above its
    /// text's baseline at 12 pt (D09), while neighbouring rows' boxes do not overlap at all.
    static let sharedBand = 0.4

    /// Words on one printed line share a vertical band, whatever their boxes' heights: a word joins
    /// the line when the band the line's words cover overlaps at least `sharedBand` of the word's
    /// height or of the band's, whichever is smaller. Tops are not compared — a producer may give the
    /// digits of a row boxes 22 pt tall and its Chinese text boxes 3 pt tall, with tops far apart.
    /// (Boxes that tall still reach into the neighbouring line: glyph baselines, which pdftotext does
    /// not give, are the reader issue's next step; see docs/pdf-extraction.md.)
    private static func groupIntoLines(_ words: [PDFWord]) -> [[PDFWord]] {
        var result: [[PDFWord]] = []
        var current: [PDFWord] = []
        var band = (top: 0.0, bottom: 0.0)
        for word in words.sorted(by: { ($0.y0 + $0.y1, $0.x0) < ($1.y0 + $1.y1, $1.x0) }) {
            let height = max(0.5, word.y1 - word.y0)
            let overlap = min(word.y1, band.bottom) - max(word.y0, band.top)
            if !current.isEmpty, overlap >= Self.sharedBand * min(height, band.bottom - band.top) {
                current.append(word)
                band = (min(band.top, word.y0), max(band.bottom, word.y1))
            } else {
                if !current.isEmpty { result.append(current.sorted { $0.x0 < $1.x0 }) }
                current = [word]
                band = (word.y0, word.y1)
            }
        }
        if !current.isEmpty { result.append(current.sorted { $0.x0 < $1.x0 }) }
        return result
    }

    /// One printed line from its words: a line of text alignment is one group of words, a grid row one
    /// group per cell. A grid cell's text wrapped over several lines is joined.
    private static func makeLine(_ groups: [(words: [PDFWord], frame: BoundingBox?)], page: Int, number: Int, size: PDFPageSize, bodyHeight: Double, path: String) -> LayoutLine {
        let location = SourceLocation(file: path, page: page, line: number)
        var cells: [LayoutCell] = []
        if groups.count == 1 {
            cells = cellsOnOneLine(groups[0].words, location: location)
        } else {
            for group in groups {
                var pieces = joinedCell(group.words, location: location)
                if pieces.count == 1 { pieces[0].frame = group.frame }
                cells += pieces
            }
            cells.sort { $0.x0 < $1.x0 }
        }
        let words = groups.flatMap(\.words)
        let height = textHeights(words).max() ?? bodyHeight
        let left = cells.first?.x0 ?? 0
        let right = cells.last?.x1 ?? 0
        // Centred: short, with equal margins on both sides. A paragraph's last line starts at the left
        // margin and may end anywhere, its first line is indented and runs to the right margin: neither is.
        let centred = cells.count == 1 && abs(left - (size.width - right)) < size.width * 0.04 && left > size.width * 0.12
            && right - left < size.width * 0.55
        var style = LineStyle()
        if height >= bodyHeight * 1.25 {
            style.headingLevel = 1
        } else if centred {
            style.headingLevel = 2
            style.centredOnly = true
        }
        let box = cells.map { $0.location.box }.compactMap { $0 }.reduce(nil as BoundingBox?) { $0?.union($1) ?? $1 }
        var line = LayoutLine(cells: cells, page: page, location: SourceLocation(file: path, page: page, line: number, box: box),
                              style: style, isGridded: cells.count > 1, indent: left, pageWidth: size.width)
        line.isDrawnRow = groups.contains { $0.frame != nil }
        return line
    }

    /// The cells of words printed on one line: words closer than half a character form one cell (a
    /// cell's text can be split by a space), numbers stay cells of their own.
    private static func cellsOnOneLine(_ words: [PDFWord], location: SourceLocation) -> [LayoutCell] {
        var cells: [LayoutCell] = []
        for word in words {
            let box = BoundingBox(x0: word.x0, y0: word.y0, x1: word.x1, y1: word.y1)
            let gap = word.x0 - (cells.last?.x1 ?? -.infinity)
            if var last = cells.last, gap < 0.15 * min(word.y1 - word.y0, last.y1 - last.y0), word.x0 >= last.x0,
               isNumeric(last.text), isNumeric(last.text + word.text) {
                // One number drawn in two pieces that touch (174,900 | .64): one cell, no space.
                last.text += word.text
                last.x1 = max(last.x1, word.x1)
                last.location.box = last.location.box?.union(box)
                cells[cells.count - 1] = last
            } else if var last = cells.last, gap < 0.5 * (word.y1 - word.y0), word.x0 >= last.x0,
               !isNumeric(last.text), !isNumeric(word.text) {
                last.text += (word.x0 - last.x1 > 0.15 * (word.y1 - word.y0) ? " " : "") + word.text
                last.x1 = max(last.x1, word.x1)
                last.y0 = min(last.y0, word.y0)
                last.y1 = max(last.y1, word.y1)
                last.location.box = last.location.box?.union(box)
                cells[cells.count - 1] = last
            } else {
                cells.append(LayoutCell(text: word.text, x0: word.x0, x1: word.x1, y0: word.y0, y1: word.y1,
                                        location: SourceLocation(file: location.file, page: location.page, line: location.line, box: box)))
            }
        }
        return cells
    }

    /// The cells of one grid cell's words: its texts joined — spaced-out characters (项　目) and lines
    /// it wraps over (no space between Chinese characters, one between Latin letters or digits) — and
    /// its numbers cells of their own (a code printed beside its name), but a number wrapped over the
    /// cell's lines one number, and a number that a text wraps onto a line of its own part of the text
    /// (GZIT2022-SM-W-C- / 051103).
    private static func joinedCell(_ words: [PDFWord], location: SourceLocation) -> [LayoutCell] {
        if let number = PDFLattice.wrappedNumber(words), let first = words.first {
            let box = words.dropFirst().reduce(BoundingBox(x0: first.x0, y0: first.y0, x1: first.x1, y1: first.y1)) {
                $0.union(BoundingBox(x0: $1.x0, y0: $1.y0, x1: $1.x1, y1: $1.y1))
            }
            var cellLocation = location
            cellLocation.box = box
            return [LayoutCell(text: number, x0: box.x0, x1: box.x1, y0: box.y0, y1: box.y1, location: cellLocation)]
        }
        var pieces: [LayoutCell] = []
        for piece in groupIntoLines(words).flatMap({ cellsOnOneLine($0, location: location) }) {
            let wrapsOn = pieces.last.map { piece.y0 >= $0.y1 - 0.25 * ($0.y1 - $0.y0) } ?? false
            guard var last = pieces.last, !isNumeric(last.text), !isNumeric(piece.text) || wrapsOn else {
                pieces.append(piece)
                continue
            }
            let latin = [last.text.unicodeScalars.last, piece.text.unicodeScalars.first]
                .allSatisfy { $0.map { $0.isASCII && CharacterSet.alphanumerics.contains($0) } == true }
            // The left edge stays the first line's: where a name starts shows its level of indentation.
            last.text += (latin ? " " : "") + piece.text
            last.x1 = max(last.x1, piece.x1)
            last.y0 = min(last.y0, piece.y0)
            last.y1 = max(last.y1, piece.y1)
            if let box = piece.location.box { last.location.box = last.location.box?.union(box) ?? box }
            pieces[pieces.count - 1] = last
        }
        return pieces
    }

    /// A running page number (第 5 页, - 5 -, 5/21) in the top or bottom margin: not content.
    static func isPageNumber(_ words: [PDFWord], pageHeight: Double) -> Bool {
        guard let top = words.map(\.y0).min(), let bottom = words.map(\.y1).max(),
              bottom > pageHeight * 0.9 || top < pageHeight * 0.06 else { return false }
        let text = words.map(\.text).joined().filter { !$0.isWhitespace }
        guard !text.isEmpty, text.unicodeScalars.count <= 16 else { return false }
        let stripped = text.trimmingCharacters(in: CharacterSet(charactersIn: "-—–第页共/PpagePAGE"))
        let digits = CharacterSet(charactersIn: "0123456789")
        return !stripped.isEmpty && stripped.unicodeScalars.allSatisfy { digits.contains($0) || "页共/".unicodeScalars.contains($0) }
            && text.unicodeScalars.allSatisfy { digits.contains($0) || "-—–第页共/ PpagePAGE".unicodeScalars.contains($0) }
    }

    /// The heights of a line's words that hold Chinese text, or of all its words when none does: a
    /// heading is set in larger type, while the digits of a body line may come in a font whose boxes
    /// (or size) are larger than the text's.
    private static func textHeights(_ words: [PDFWord]) -> [Double] {
        let text = words.filter { $0.text.unicodeScalars.contains(where: ChineseText.isCJK) }
        return (text.isEmpty ? words : text).map { $0.y1 - $0.y0 }
    }

    /// Numbers and codes stay cells of their own even when printed close to a label.
    static func isNumeric(_ text: String) -> Bool {
        if case .number? = AmountParser.scan(text, unit: .yuan) { return true }
        return false
    }

    private static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        return values.sorted()[values.count / 2]
    }
}
