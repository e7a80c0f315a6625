import GongkaiCore

/// The words of a PDF with their positions, as the extractor reported them: what the reader groups
/// into lines and cells. Held separately so that benchmarks can read one extraction many times, or
/// move its words and read again.
public struct PDFWordLayer: Sendable {
    var words: [PDFWord]
    var pages: [Int: PDFPageSize]
    /// Each page's ruling lines (empty when MuPDF is not installed).
    var rulings: [Int: [PDFRuling]] = [:]

    /// The number of words.
    public var wordCount: Int { words.count }

    /// Whether the text is not the document's: one CJK character standing for a quarter or more of
    /// all CJK characters (no Chinese text is like that; 的 is about 4%), or replacement characters.
    var looksGarbled: Bool {
        var counts: [Unicode.Scalar: Int] = [:]
        var cjk = 0, replacements = 0, all = 0
        for word in words {
            for scalar in word.text.unicodeScalars {
                all += 1
                if scalar == "\u{FFFD}" { replacements += 1 }
                if ChineseText.isCJK(scalar) {
                    cjk += 1
                    counts[scalar, default: 0] += 1
                }
            }
        }
        if all > 0, replacements * 100 > all { return true }
        guard cjk >= 20, let most = counts.values.max() else { return false }
        return most * 4 >= cjk
    }

    /// Every word moved by its own offset, drawn uniformly from ±`points` in x and in y.
    public func moved(upTo points: Double, using random: inout SplitMix64) -> PDFWordLayer {
        var copy = self
        for index in copy.words.indices {
            let dx = Double.random(in: -points...points, using: &random)
            let dy = Double.random(in: -points...points, using: &random)
            copy.words[index].x0 += dx
            copy.words[index].x1 += dx
            copy.words[index].y0 += dy
            copy.words[index].y1 += dy
        }
        return copy
    }
}
