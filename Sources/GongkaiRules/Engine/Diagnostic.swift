import GongkaiCore

/// A defect found in a document: which rule, how serious, what was found and expected, and where.
///
/// Findings are returned values, never thrown.
public struct Diagnostic: Sendable, Hashable {
    /// The rule id, e.g. `hierarchy-sum`.
    public var rule: String
    /// How serious.
    public var severity: Severity
    /// The message in Chinese, with found / expected / difference.
    public var message: String
    /// Where the defect is.
    public var location: SourceLocation?
    /// The table concerned, if any.
    public var table: TableKind?
    /// The table's title as printed.
    public var tableTitle: String?
    /// The classification code of the row concerned.
    public var code: String?
    /// The column concerned (header text).
    public var column: String?
    /// What the document says.
    public var found: String?
    /// What it should say.
    public var expected: String?
    /// The narrative section concerned, for checklists.
    public var section: NarrativeSectionKind?
    /// Related places (the other table of a mismatch, the first statement of a contradiction).
    public var related: [SourceLocation]

    /// Creates a diagnostic.
    public init(rule: String, severity: Severity, message: String, location: SourceLocation? = nil, table: TableKind? = nil,
                tableTitle: String? = nil, code: String? = nil, column: String? = nil, found: String? = nil, expected: String? = nil,
                section: NarrativeSectionKind? = nil, related: [SourceLocation] = []) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.location = location
        self.table = table
        self.tableTitle = tableTitle
        self.code = code
        self.column = column
        self.found = found
        self.expected = expected
        self.section = section
        self.related = related
    }
}
