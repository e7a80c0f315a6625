/// Whether a document is a budget (预算) or final accounts (决算).
public enum DocumentKind: String, Sendable, Codable, CaseIterable {
    /// 预算.
    case budget
    /// 决算.
    case finalAccounts = "final-accounts"

    /// 预算 or 决算.
    public var chineseName: String { self == .budget ? "预算" : "决算" }
}

/// Whether a document is a unit's (单位) or a department's (部门, consolidating its units).
public enum DocumentLevel: String, Sendable, Codable, CaseIterable {
    /// 单位.
    case unit
    /// 部门.
    case department

    /// 单位 or 部门.
    public var chineseName: String { self == .unit ? "单位" : "部门" }
}

/// The file format a disclosure was read from.
public enum SourceFormat: String, Sendable, Codable {
    /// Plain text or markdown (tables as tab-separated lines).
    case text
    /// PDF through `pdftotext -tsv`.
    case pdf
    /// An XLSX workbook.
    case xlsx
}

/// What a document says about itself: whose it is, which year, budget or final accounts, unit or department.
public struct DisclosureMetadata: Hashable, Sendable, Codable {
    /// The budget unit or department name.
    public var unitName: String?
    /// The fiscal year the document is about.
    public var year: Int?
    /// Budget or final accounts.
    public var kind: DocumentKind?
    /// Unit or department.
    public var level: DocumentLevel?
    /// The department a unit reports to (主管部门), when the narrative says so.
    public var parentDepartment: String?
    /// The document title as found.
    public var title: String?
    /// Where the title is.
    public var titleLocation: SourceLocation?
    /// Whether the file says it holds only part of a disclosure (an excerpt of a web page), so that
    /// completeness is not judged.
    public var isExcerpt = false
    /// Whether the text was recognised from page pictures (OCR): its figures may be misread.
    public var readByOCR = false

    /// Creates metadata.
    public init(unitName: String? = nil, year: Int? = nil, kind: DocumentKind? = nil, level: DocumentLevel? = nil,
                parentDepartment: String? = nil, title: String? = nil, titleLocation: SourceLocation? = nil) {
        self.unitName = unitName
        self.year = year
        self.kind = kind
        self.level = level
        self.parentDepartment = parentDepartment
        self.title = title
        self.titleLocation = titleLocation
    }
}
