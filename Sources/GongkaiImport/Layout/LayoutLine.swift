import GongkaiCore

/// A piece of text on a line with its horizontal extent.
///
/// The extent is in points for PDFs and in column positions for text and spreadsheet lines
/// (a cell in column 3 spans 3.0–3.9; a merged header spans its whole range), so one table
/// builder serves all formats.
struct LayoutCell: Sendable {
    /// The text, markup removed, not yet space-normalised.
    var text: String
    /// Left edge.
    var x0: Double
    /// Right edge.
    var x1: Double
    /// Top edge (PDF points; line index otherwise).
    var y0: Double
    /// Bottom edge.
    var y1: Double
    /// Where the cell is.
    var location: SourceLocation
    /// The drawn cell the text fills, when a PDF page's ruling lines enclose it alone.
    var frame: BoundingBox?

    var center: Double { (x0 + x1) / 2 }
    var width: Double { x1 - x0 }

    /// The horizontal extent of the drawn cell the text fills, inside its borders (which the
    /// neighbouring cells share), or nil when no drawn cell encloses it.
    var drawnExtent: (x0: Double, x1: Double)? {
        guard let frame else { return nil }
        let inset = min(2, (frame.x1 - frame.x0) / 4)
        return (frame.x0 + inset, frame.x1 - inset)
    }

    /// The horizontal overlap with `other` (0 when disjoint).
    func overlap(_ low: Double, _ high: Double) -> Double { max(0, min(x1, high) - max(x0, low)) }
}

/// How a line of a document looked, beyond its text.
struct LineStyle: Sendable, Hashable {
    /// A markdown heading level, a spreadsheet title row, or a PDF line set larger or centred.
    var headingLevel: Int?
    /// Whether the whole line was bold.
    var bold: Bool = false
    /// A PDF line centred on the page but set in body size.
    var centredOnly: Bool = false
}

/// One printed line: cells left to right, on a page (or sheet).
struct LayoutLine: Sendable {
    /// The cells, left to right. Empty for a blank line. Setting them recomputes the texts below.
    var cells: [LayoutCell] {
        didSet { (text, normalizedText, key) = Self.texts(cells) }
    }
    /// Page number (PDF), sheet number (XLSX) or 1 (text).
    var page: Int
    /// Where the line is.
    var location: SourceLocation
    /// Heading or emphasis information.
    var style: LineStyle
    /// Whether cells are positioned in a grid (tabs, spreadsheet columns, or gaps in a PDF line).
    var isGridded: Bool
    /// Left edge of the line's first cell in the page's coordinates, used for paragraph indentation.
    var indent: Double
    /// The page's usable width (PDF), for telling short last lines of paragraphs.
    var pageWidth: Double
    /// Whether the line is a row of a drawn grid (PDF): its cells' text is whole, and a line with a
    /// label alone is a row of its own, not a name wrapped from the row above.
    var isDrawnRow = false
    /// The cells' texts joined with single spaces.
    private(set) var text: String
    /// The text with white space next to Chinese removed (computed once: lines are read many times).
    private(set) var normalizedText: String
    /// The text as compared: no white space, brackets folded, no quotes.
    private(set) var key: String

    init(cells: [LayoutCell], page: Int, location: SourceLocation, style: LineStyle, isGridded: Bool, indent: Double, pageWidth: Double) {
        self.cells = cells
        self.page = page
        self.location = location
        self.style = style
        self.isGridded = isGridded
        self.indent = indent
        self.pageWidth = pageWidth
        (text, normalizedText, key) = Self.texts(cells)
    }

    private static func texts(_ cells: [LayoutCell]) -> (String, String, String) {
        let text = cells.count == 1 ? cells[0].text : cells.map(\.text).joined(separator: " ")
        return (text, ChineseText.normalizeSpaces(text), ChineseText.comparisonKey(text))
    }

    /// Whether the line has no text.
    var isBlank: Bool { key.isEmpty }

    var top: Double { cells.map(\.y0).min() ?? 0 }
    var bottom: Double { cells.map(\.y1).max() ?? 0 }
    var height: Double { cells.map { $0.y1 - $0.y0 }.max() ?? 0 }
}

/// A document as a sequence of lines, before any interpretation.
struct LayoutDocument: Sendable {
    /// The file path as given.
    var path: String
    /// The format.
    var format: SourceFormat
    /// All lines in reading order; blank lines are kept where they separate paragraphs.
    var lines: [LayoutLine]
    /// Page count (PDF) or sheet count (XLSX).
    var pageCount: Int
    /// Key–value header of an excerpt file (`source:`, `unit:`, `year:`, `kind:`), if any.
    var header: [String: String] = [:]
    /// Sheet names (XLSX), index = page − 1.
    var sheetNames: [String] = []
    /// Whether the words were recognised from page pictures (OCR), not read from a text layer.
    var readByOCR = false
}
