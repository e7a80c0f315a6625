/// What a published document says: its tables as printed, its narrative, and where each value is.
///
/// A `Disclosure` is produced by the importers and judged by the rules. It records the document as
/// published, defects included; it is not the canonical budget data.
public struct Disclosure: Sendable {
    /// The file path as given.
    public var path: String
    /// The format read.
    public var format: SourceFormat
    /// Unit, year, budget or final accounts, unit or department.
    public var metadata: DisclosureMetadata
    /// The tables in document order.
    public var tables: [DisclosureTable]
    /// The narrative paragraphs and headings in document order.
    public var narrative: [NarrativeParagraph]
    /// The document's own table of contents.
    public var contents: [ContentsEntry]
    /// Pages (PDF only).
    public var pages: [PageSummary]
    /// Invisible characters removed before reading (zero-width spaces, NUL …).
    public var removedCharacters = RemovedCharacters()

    /// Creates a disclosure.
    public init(path: String, format: SourceFormat, metadata: DisclosureMetadata = DisclosureMetadata(),
                tables: [DisclosureTable] = [], narrative: [NarrativeParagraph] = [], contents: [ContentsEntry] = [],
                pages: [PageSummary] = []) {
        self.path = path
        self.format = format
        self.metadata = metadata
        self.tables = tables
        self.narrative = narrative
        self.contents = contents
        self.pages = pages
    }

    /// The tables of one kind, in document order.
    public func tables(_ kind: TableKind) -> [DisclosureTable] { tables.filter { $0.kind == kind } }

    /// The first table of a kind.
    public func table(_ kind: TableKind) -> DisclosureTable? { tables.first { $0.kind == kind } }
}
