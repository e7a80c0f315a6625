import GongkaiCore

/// A word of a PDF page as `pdftotext -tsv` reports it.
struct PDFWord: Sendable {
    var page: Int
    var x0: Double
    var y0: Double
    var x1: Double
    var y1: Double
    var text: String
}

/// A page's size.
struct PDFPageSize: Sendable {
    var width: Double
    var height: Double
}

/// Parses the TSV of `pdftotext -tsv`: level 1 rows give pages, level 5 rows give words.
///
/// Works on the UTF-8 bytes: the TSV of a 35-page document has thousands of rows, and splitting it
/// with Foundation took longer than the rest of the import.
enum TSVWordParser {
    static func parse(_ tsv: String) -> (words: [PDFWord], pages: [Int: PDFPageSize]) {
        var words: [PDFWord] = []
        var pages: [Int: PDFPageSize] = [:]
        var copy = tsv
        copy.withUTF8 { bytes in
            var fieldStarts = [Int](repeating: 0, count: 12)
            var lineStart = 0
            let count = bytes.count
            while lineStart < count {
                var lineEnd = lineStart
                while lineEnd < count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                // level page par block line word left top width height conf text
                var field = 0
                fieldStarts[0] = lineStart
                var index = lineStart
                while index < lineEnd, field < 11 {
                    if bytes[index] == 0x09 {
                        field += 1
                        fieldStarts[field] = index + 1
                    }
                    index += 1
                }
                guard field == 11 else { continue }
                func end(_ field: Int) -> Int { field == 11 ? lineEnd : fieldStarts[field + 1] - 1 }
                func integer(_ field: Int) -> Int? { parseInteger(bytes, fieldStarts[field], end(field)) }
                func number(_ field: Int) -> Double? { parseDecimal(bytes, fieldStarts[field], end(field)) }
                guard let level = integer(0), level == 1 || level == 5, let page = integer(1), let left = number(6), let top = number(7),
                      let width = number(8), let height = number(9) else { continue }
                if level == 1 {
                    pages[page] = PDFPageSize(width: width, height: height)
                    continue
                }
                var textEnd = lineEnd
                if textEnd > fieldStarts[11], bytes[textEnd - 1] == 0x0D { textEnd -= 1 }
                let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[fieldStarts[11]..<textEnd]), as: UTF8.self)
                guard !text.trimmingSpaces().isEmpty else { continue }
                words.append(PDFWord(page: page, x0: left, y0: top, x1: left + max(0, width), y1: top + max(0, height), text: text))
            }
        }
        normalizeHeights(&words)
        return (words, pages)
    }

    /// Some PDFs (Chromium's Type 3 CJK fonts) report word heights from the font's bounding box, two
    /// or three times the glyphs' size, so the boxes of neighbouring lines overlap. On such a page —
    /// where CJK words, one em wide per character, are typically far taller than wide — every word's
    /// box is shrunk by the same factor around its centre, which keeps the words of one line aligned.
    static func normalizeHeights(_ words: inout [PDFWord]) {
        var ratios: [Int: [Double]] = [:]
        for word in words {
            let scalars = word.text.unicodeScalars
            guard scalars.allSatisfy({ $0.value >= 0x2E80 }), word.x1 > word.x0 else { continue }
            ratios[word.page, default: []].append((word.y1 - word.y0) / ((word.x1 - word.x0) / Double(scalars.count)))
        }
        var factors: [Int: Double] = [:]
        for (page, values) in ratios where values.count >= 3 {
            let median = values.sorted()[values.count / 2]
            if median > 1.8 { factors[page] = 1.2 / median }
        }
        guard !factors.isEmpty else { return }
        for index in words.indices {
            guard let factor = factors[words[index].page] else { continue }
            let centre = (words[index].y0 + words[index].y1) / 2
            let half = (words[index].y1 - words[index].y0) * factor / 2
            words[index].y0 = centre - half
            words[index].y1 = centre + half
        }
    }

    private static func parseInteger(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Int? {
        guard start < end, end - start <= 9 else { return nil }
        var value = 0
        for index in start..<end {
            let byte = bytes[index]
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// A plain decimal such as `137.307000` or `-1.5`.
    private static func parseDecimal(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        guard start < end, end - start <= 24 else { return nil }
        var index = start
        var negative = false
        if bytes[index] == UInt8(ascii: "-") {
            negative = true
            index += 1
        }
        var whole = 0.0, fraction = 0.0, scale = 1.0
        var seenDigit = false, seenPoint = false
        while index < end {
            let byte = bytes[index]
            if byte >= 0x30, byte <= 0x39 {
                seenDigit = true
                if seenPoint {
                    scale /= 10
                    fraction += Double(byte - 0x30) * scale
                } else {
                    whole = whole * 10 + Double(byte - 0x30)
                }
            } else if byte == UInt8(ascii: "."), !seenPoint {
                seenPoint = true
            } else {
                return nil
            }
            index += 1
        }
        guard seenDigit else { return nil }
        return negative ? -(whole + fraction) : whole + fraction
    }
}
