import Foundation
import GongkaiCore
import GongkaiFiles

/// Reads the words of a scanned PDF — pages that are pictures, with no text layer — by optical
/// character recognition: MuPDF draws each page at `dpi` in grey, tesseract (`chi_sim+eng`, sparse
/// text) reads the picture's words with their boxes, and the boxes come back in points so that the
/// same layout stages read them. Both children run with a time limit per page and stop on interruption;
/// their pictures and outputs are removed.
struct PDFOCRReader: Sendable {
    /// Seconds allowed per child run (one page drawn, one page read).
    var timeout: Double
    /// The document's own time limit, which every child run is held to as well.
    var deadline: Deadline = .none
    /// The resolution pages are drawn at.
    static let dpi = 300.0
    /// tesseract's languages: simplified Chinese, and Latin for codes and digits.
    static let languages = "chi_sim+eng"

    /// The words of every page of `path` (of `pageCount` pages).
    func layer(path: String, pageCount: Int) throws -> PDFWordLayer {
        guard let mutool = PDFTextRunner.findOnPath("mutool") else {
            throw GongkaiError(.toolFailed, "文字识别需要 mutool：请安装 mupdf-tools（Debian/Ubuntu: apt-get install mupdf-tools）", path: path)
        }
        guard let tesseract = PDFTextRunner.findOnPath("tesseract") else {
            throw GongkaiError(.toolFailed, "文字识别需要 tesseract：请安装 tesseract-ocr 和 tesseract-ocr-chi-sim（Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-chi-sim）",
                               path: path)
        }
        var words: [PDFWord] = []
        var pages: [Int: PDFPageSize] = [:]
        for page in 1...max(1, pageCount) {
            let base = FileManager.default.temporaryDirectory.appendingPathComponent(TemporaryName.make(prefix: "ocr-", suffix: "")).path
            let picture = base + ".png", output = base + ".tsv"
            let tokens = [picture, output].map { Interruption.removeOnInterrupt($0) }
            defer {
                for file in [picture, output] { try? FileManager.default.removeItem(atPath: file) }
                tokens.forEach(Interruption.release)
            }
            try PDFTextRunner.run(tool: mutool, name: "mutool", package: "mupdf-tools",
                                  arguments: ["draw", "-q", "-r", String(Int(Self.dpi)), "-c", "gray", "-o", picture, path, String(page)],
                                  timeout: timeout, deadline: deadline, path: path)
            try PDFTextRunner.run(tool: tesseract, name: "tesseract", package: "tesseract-ocr",
                                  arguments: [picture, base, "-l", Self.languages, "--psm", "11", "tsv"], timeout: timeout,
                                  deadline: deadline, path: path)
            guard let data = FileManager.default.contents(atPath: output) else {
                throw GongkaiError(.toolFailed, "tesseract 未产生第 \(page) 页的识别结果", path: path)
            }
            let parsed = Self.parse(String(decoding: data, as: UTF8.self), page: page)
            pages[page] = parsed.size
            words += parsed.words
        }
        return PDFWordLayer(words: words, pages: pages)
    }

    /// tesseract's TSV of one page: its size (level 1) and its words (level 5, confidence ≥ 0), in
    /// points, the words that touch on one line joined (tesseract cuts Chinese text into single
    /// characters and amounts at their commas: `11,` `281,` `624`, often each a block of its own).
    static func parse(_ tsv: String, page: Int) -> (size: PDFPageSize?, words: [PDFWord]) {
        let scale = 72 / dpi
        var size: PDFPageSize?
        var pieces: [PDFWord] = []
        for row in tsv.split(separator: "\n") {
            let fields = row.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 12, let level = Int(fields[0]), let left = Double(fields[6]), let top = Double(fields[7]),
                  let width = Double(fields[8]), let height = Double(fields[9]) else { continue }
            if level == 1 { size = PDFPageSize(width: width * scale, height: height * scale) }
            let text = fields[11...].joined(separator: "\t").trimmingCharacters(in: .whitespaces)
            guard level == 5, let confidence = Double(fields[10]), confidence >= 0, !text.isEmpty else { continue }
            pieces.append(PDFWord(page: page, x0: left * scale, y0: top * scale, x1: (left + width) * scale, y1: (top + height) * scale, text: text))
        }
        return (size, joined(pieces))
    }

    /// The pieces grouped into lines by their vertical centres, each line read left to right, and a
    /// piece that starts less than 0.6 of a character after the one before joined to it.
    private static func joined(_ pieces: [PDFWord]) -> [PDFWord] {
        func centre(_ word: PDFWord) -> Double { (word.y0 + word.y1) / 2 }
        var lines: [[PDFWord]] = []
        for piece in pieces.sorted(by: { centre($0) < centre($1) }) {
            if let last = lines.last?.last, abs(centre(piece) - centre(last)) < 0.5 * max(piece.y1 - piece.y0, last.y1 - last.y0) {
                lines[lines.count - 1].append(piece)
            } else {
                lines.append([piece])
            }
        }
        var words: [PDFWord] = []
        for line in lines {
            var current: PDFWord?
            for piece in line.sorted(by: { $0.x0 < $1.x0 }) {
                if let word = current, piece.x0 - word.x1 < 0.6 * max(word.y1 - word.y0, piece.y1 - piece.y0) {
                    current = PDFWord(page: word.page, x0: word.x0, y0: min(word.y0, piece.y0), x1: max(word.x1, piece.x1),
                                      y1: max(word.y1, piece.y1), text: word.text + piece.text)
                } else {
                    if let word = current { words.append(word) }
                    current = piece
                }
            }
            if let word = current { words.append(word) }
        }
        return words
    }
}
