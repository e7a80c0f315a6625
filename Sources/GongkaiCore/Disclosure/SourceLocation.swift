/// A rectangle on a PDF page, in points from the top-left corner.
public struct BoundingBox: Hashable, Sendable, Codable {
    /// Left edge.
    public var x0: Double
    /// Top edge.
    public var y0: Double
    /// Right edge.
    public var x1: Double
    /// Bottom edge.
    public var y1: Double

    /// Creates a box.
    public init(x0: Double, y0: Double, x1: Double, y1: Double) {
        self.x0 = x0
        self.y0 = y0
        self.x1 = x1
        self.y1 = y1
    }

    /// The smallest box containing both.
    public func union(_ other: BoundingBox) -> BoundingBox {
        BoundingBox(x0: min(x0, other.x0), y0: min(y0, other.y0), x1: max(x1, other.x1), y1: max(y1, other.y1))
    }
}

/// Where a value or a piece of text comes from: the file, and the page and line (PDF, text) or the
/// sheet and cell (XLSX).
public struct SourceLocation: Hashable, Sendable, Codable {
    /// The file path as given by the user.
    public var file: String
    /// 1-based page number (PDF).
    public var page: Int?
    /// 1-based line number (text files; for PDFs the line on the page).
    public var line: Int?
    /// Worksheet name (XLSX).
    public var sheet: String?
    /// Cell reference such as `B10` (XLSX).
    public var cell: String?
    /// The box on the page (PDF).
    public var box: BoundingBox?
    /// The field of a budget data file (`expenditure[3].function`).
    public var field: String?

    /// Creates a location.
    public init(file: String, page: Int? = nil, line: Int? = nil, sheet: String? = nil, cell: String? = nil, box: BoundingBox? = nil,
                field: String? = nil) {
        self.file = file
        self.page = page
        self.line = line
        self.sheet = sheet
        self.cell = cell
        self.box = box
        self.field = field
    }

    /// The place without the file, in Chinese: `第3页第12行`, `工作表“收支总表”B10`, `第45行`.
    public var placeDescription: String {
        var parts: [String] = []
        if let sheet { parts.append("工作表“\(sheet)”") }
        if let cell { parts.append(cell) }
        if let page { parts.append("第\(page)页") }
        if let line, cell == nil { parts.append("第\(line)行") }
        if let field { parts.append("字段 \(field)") }
        return parts.joined()
    }
}
