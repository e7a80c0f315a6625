/// How far a catalog row can be trusted, as recorded in the catalog's provenance files.
public struct Provenance: Hashable, Sendable, Codable {
    /// `verified`, `corpus-corroborated`, `names-corroborated`, `recalled-high|medium|low`, or `user`.
    public var status: String
    /// The evidence tags or a note.
    public var evidence: String

    /// Creates a provenance record.
    public init(status: String, evidence: String) {
        self.status = status
        self.evidence = evidence
    }

    /// Whether a public source or a real disclosure confirms the row.
    public var isConfirmed: Bool {
        ["verified", "corpus-corroborated", "names-corroborated", "user"].contains(status)
    }
}

/// One row of a classification catalog: a code, its official name, and where the row comes from.
public struct CatalogEntry: Hashable, Sendable, Codable {
    /// The scheme of the code.
    public var scheme: ClassificationScheme
    /// The code digits.
    public var code: String
    /// The official name.
    public var name: String
    /// 类, 款 or 项.
    public var level: ClassificationLevel
    /// Where the row comes from.
    public var provenance: Provenance

    /// Creates an entry.
    public init(scheme: ClassificationScheme, code: String, name: String, level: ClassificationLevel, provenance: Provenance) {
        self.scheme = scheme
        self.code = code
        self.name = name
        self.level = level
        self.provenance = provenance
    }
}

/// A former official name of a code, valid up to `lastYear`.
public struct FormerName: Hashable, Sendable, Codable {
    /// The code.
    public var code: String
    /// The name used until `lastYear`.
    public var formerName: String
    /// The last year the former name was official.
    public var lastYear: Int
    /// The name since.
    public var currentName: String
    /// Where the fact comes from.
    public var provenance: Provenance
}
