import Foundation
import GongkaiCore

/// Groups PDF words into printed lines and cells.
///
/// Words that share a vertical band form a line (see `groupIntoLines`); neighbouring words closer than
/// half a character form one cell (a cell's text can be split by a space); larger gaps separate cells.
enum PDFLayoutBuilder {
    static func build(words: [PDFWord], pages: [Int: PDFPageSize], path: String) -> LayoutDocument {
        let byPage = Dictionary(grouping: words, by: \.page)
        let pageCount = max(pages.keys.max() ?? 0, byPage.keys.max() ?? 0)
        var lines: [LayoutLine] = []
        for page in 1...max(pageCount, 1) {
            let size = pages[page] ?? PDFPageSize(width: 842, height: 595)
            let pageWords = byPage[page] ?? []
            let grouped = groupIntoLines(pageWords).filter { !isPageNumber($0, pageHeight: size.height) }
            let bodyHeight = median(grouped.flatMap { textHeights($0) }) ?? 10
            for (index, lineWords) in grouped.enumerated() {
                lines.append(makeLine(lineWords, page: page, number: index + 1, size: size, bodyHeight: bodyHeight, path: path))
            }
            if grouped.isEmpty {
                // Keep a blank marker so empty pages remain visible to page-level checks.
                lines.append(LayoutLine(cells: [], page: page, location: SourceLocation(file: path, page: page), style: LineStyle(),
                                        isGridded: false, indent: 0, pageWidth: size.width))
            }
        }
        return LayoutDocument(path: path, format: .pdf, lines: lines, pageCount: pageCount)
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

    private static func makeLine(_ words: [PDFWord], page: Int, number: Int, size: PDFPageSize, bodyHeight: Double, path: String) -> LayoutLine {
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
                                        location: SourceLocation(file: path, page: page, line: number, box: box)))
            }
        }
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
        return LayoutLine(cells: cells, page: page, location: SourceLocation(file: path, page: page, line: number, box: box),
                          style: style, isGridded: cells.count > 1, indent: left, pageWidth: size.width)
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
    private static func isNumeric(_ text: String) -> Bool {
        if case .number? = AmountParser.scan(text, unit: .yuan) { return true }
        return false
    }

    private static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        return values.sorted()[values.count / 2]
    }
}
