import Foundation
import GongkaiCore

/// Parses the structured text of `mutool draw -F stext` into words: each glyph with its baseline
/// origin and font size becomes part of a word; words end at a space, a gap or the end of a MuPDF line.
///
/// A word's box is drawn from its baseline and size (0.85 em above, 0.15 em below), never from the
/// glyphs' own boxes: producers give digits boxes 44 pt tall and Chinese 3 pt, and grouping lines by
/// those puts one printed row on two lines (docs/pdf-extraction.md). The output is one element per
/// line, 130 bytes per glyph, so it is scanned as UTF-8 bytes, line by line, without an XML parser.
enum StextWordParser {
    /// Where the em box sits around the baseline.
    static let ascent = 0.85
    static let descent = 0.15
    /// A gap wider than this share of the font size between two glyphs starts a new word.
    static let wordGap = 0.3

    static func parse(_ xml: String) -> (words: [PDFWord], pages: [Int: PDFPageSize]) {
        var state = State(limits: nil)
        var copy = xml
        copy.withUTF8 { bytes in
            XMLElementLine.scan(bytes) { state.read($0) }
        }
        state.flush()
        return (state.words, state.pages)
    }

    /// Reads MuPDF's output for the PDF at `path` as it arrives, and stops with a `limitExceeded`
    /// error as soon as the pages or words pass `limits` (which also stops MuPDF, when the output
    /// comes from it through a pipe).
    struct Reader {
        private var state: State
        private var chunks = XMLElementLineChunks()
        private let limits: ReadingLimits
        private let path: String

        init(limits: ReadingLimits, path: String) {
            state = State(limits: limits)
            self.limits = limits
            self.path = path
        }

        /// Reads the next piece of output.
        mutating func feed(_ chunk: Data) throws {
            do {
                try chunks.feed(chunk) { line in
                    state.read(line)
                    if let exceeded = state.exceeded { throw limits.refusal(exceeded, path: path) }
                }
            } catch is XMLElementLineError {
                throw GongkaiError(.pdfDamaged, "mutool 的输出不合规范（一行过长），PDF 可能已损坏", path: path)
            }
        }

        /// The words and pages, once the output has ended.
        mutating func finish() throws -> (words: [PDFWord], pages: [Int: PDFPageSize]) {
            try chunks.finish { state.read($0) }
            state.flush()
            if let exceeded = state.exceeded { throw limits.refusal(exceeded, path: path) }
            return (state.words, state.pages)
        }
    }

    private struct State {
        let limits: ReadingLimits?
        var exceeded: ReadingLimits.Counted?
        var words: [PDFWord] = []
        var pages: [Int: PDFPageSize] = [:]
        var page = 0
        var size = 10.0
        var current: PDFWord?
        var baseline = 0.0
        var lastRight = 0.0

        mutating func flush() {
            if let word = current, !word.text.isEmpty {
                words.append(word)
                if let limits, words.count > limits.words { exceeded = .words }
            }
            current = nil
        }

        mutating func read(_ line: XMLElementLine) {
            if line.begins(with: "<char ") {
                readChar(line)
            } else if line.begins(with: "<font ") {
                if let value = line.number("size"), value > 0 { size = value }
            } else if line.begins(with: "<line") || line.begins(with: "</line") || line.begins(with: "</block") {
                flush()
            } else if line.begins(with: "<page ") {
                flush()
                page += 1
                if let limits, page > limits.pages { exceeded = .pages }
                pages[page] = PDFPageSize(width: line.number("width") ?? 595, height: line.number("height") ?? 842)
            }
        }

        private mutating func readChar(_ line: XMLElementLine) {
            guard let origin = line.number("x"), let y = line.number("y"), let glyphRange = line.value("c") else { return }
            let glyph = CJKRadicals.unified(unescaped(line.text(glyphRange)))
            let quad = line.value("quad").map { line.numbers(in: $0, limit: 8) } ?? []
            let left = quad.count == 8 ? min(quad[0], quad[4]) : origin
            let right = quad.count == 8 ? max(quad[2], quad[6]) : origin + size / 2
            if glyph.unicodeScalars.allSatisfy({ ChineseText.isSpace($0) }) {
                flush()
                return
            }
            if current != nil, left - lastRight > StextWordParser.wordGap * size || abs(y - baseline) > size / 2 { flush() }
            if var word = current {
                word.text += glyph
                word.x1 = max(word.x1, right)
                current = word
            } else {
                current = PDFWord(page: page, x0: left, y0: y - StextWordParser.ascent * size, x1: right,
                                  y1: y + StextWordParser.descent * size, text: glyph)
                baseline = y
            }
            lastRight = right
        }
    }

    /// XML character references and the five named entities.
    static func unescaped(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            guard let semicolon = rest[amp...].firstIndex(of: ";") else { break }
            let entity = rest[rest.index(after: amp)..<semicolon]
            switch entity {
            case "amp": result += "&"
            case "lt": result += "<"
            case "gt": result += ">"
            case "quot": result += "\""
            case "apos": result += "'"
            default:
                let value = entity.hasPrefix("#x") ? UInt32(entity.dropFirst(2), radix: 16) : entity.hasPrefix("#") ? UInt32(entity.dropFirst()) : nil
                if let value, let scalar = Unicode.Scalar(value) { result.unicodeScalars.append(scalar) }
            }
            rest = rest[rest.index(after: semicolon)...]
        }
        return result + rest
    }
}
