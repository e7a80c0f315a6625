import GongkaiCore
import GongkaiXLSX

/// The most one document may hold of each kind of content. Each is far above what any disclosure
/// holds (README.md gives the largest seen in the corpus beside each limit) and low enough that
/// reading a file at the limit stays within seconds and a few hundred MB: a file past one is refused
/// as soon as it is counted, with a message that names the limit, instead of costing minutes.
public struct ReadingLimits: Sendable, Equatable {
    /// Pages of a PDF.
    public var pages: Int
    /// Words of a PDF, as the extractor reports them.
    public var words: Int
    /// Lines of a text file (and printed lines of a PDF or workbook).
    public var lines: Int
    /// Characters of one narrative paragraph.
    public var paragraphCharacters: Int
    /// Cells with a value in a workbook.
    public var cells: Int
    /// Bytes a workbook's parts may inflate to, all parts together.
    public var inflatedBytes: Int

    /// Creates limits; the defaults are `ReadingLimits.standard`'s.
    public init(pages: Int = 5_000, words: Int = 300_000, lines: Int = 150_000, paragraphCharacters: Int = 50_000,
                cells: Int = 200_000, inflatedBytes: Int = 100 * 1024 * 1024) {
        self.pages = pages
        self.words = words
        self.lines = lines
        self.paragraphCharacters = paragraphCharacters
        self.cells = cells
        self.inflatedBytes = inflatedBytes
    }

    /// The limits `gongkai check` reads with.
    public static let standard = ReadingLimits()

    /// The workbook reader's share of the limits.
    var workbook: XLSXLimits { XLSXLimits(maxUncompressedBytes: inflatedBytes, maxCells: cells) }

    /// What was counted past its limit while a PDF's words were read.
    enum Counted {
        case pages, words
    }

    /// The refusal of a PDF with more pages or words than the limits allow.
    func refusal(_ counted: Counted, path: String) -> GongkaiError {
        switch counted {
        case .pages: Self.refusal("页", found: "PDF 超过 \(pages) 页", limit: pages, path: path)
        case .words: Self.refusal("个文字块", found: "PDF 的文字块超过 \(words) 个", limit: words, path: path)
        }
    }

    /// The refusal of a document that holds more than `limit` of `what` (a measure word such as “页”
    /// or “个文字”); `found` is how many were counted before reading stopped.
    static func refusal(_ what: String, found: String, limit: Int, path: String, location: SourceLocation? = nil) -> GongkaiError {
        GongkaiError(.limitExceeded, "超出读取上限：\(found)，上限为 \(limit) \(what)；预决算公开文件远小于此，文件可能不是公开文件、已损坏或是刻意构造的", path: path, location: location)
    }
}
