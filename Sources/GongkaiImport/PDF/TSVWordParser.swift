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
enum TSVWordParser {
    static func parse(_ tsv: String) -> (words: [PDFWord], pages: [Int: PDFPageSize]) {
        var words: [PDFWord] = []
        var pages: [Int: PDFPageSize] = [:]
        tsv.enumerateLines { line, _ in
            // level page par block line word left top width height conf text
            let fields = line.split(separator: "\t", maxSplits: 11, omittingEmptySubsequences: false)
            guard fields.count == 12, let level = Int(fields[0]), let page = Int(fields[1]),
                  let left = Double(fields[6]), let top = Double(fields[7]),
                  let width = Double(fields[8]), let height = Double(fields[9]),
                  left.isFinite, top.isFinite, width.isFinite, height.isFinite else { return }
            switch level {
            case 1:
                pages[page] = PDFPageSize(width: width, height: height)
            case 5:
                let text = String(fields[11])
                guard !text.trimmingSpaces().isEmpty else { return }
                words.append(PDFWord(page: page, x0: left, y0: top, x1: left + max(0, width), y1: top + max(0, height), text: text))
            default:
                return
            }
        }
        return (words, pages)
    }
}
