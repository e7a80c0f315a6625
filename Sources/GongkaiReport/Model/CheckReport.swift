import GongkaiCore
import GongkaiRules

/// The outcome of checking one file.
public struct DocumentReport: Sendable {
    /// Whether the file was read and checked.
    public enum Status: String, Sendable {
        /// Read and checked.
        case checked
        /// Could not be read; see `error`.
        case unreadable
    }

    /// The path as given.
    public var path: String
    /// Checked or unreadable.
    public var status: Status
    /// Why the file could not be read.
    public var error: GongkaiError?
    /// The profile used.
    public var profile: Profile?
    /// The document read (nil when unreadable).
    public var disclosure: Disclosure?
    /// The findings, filtered by the minimum severity.
    public var diagnostics: [Diagnostic]

    /// Creates a report.
    public init(path: String, status: Status, error: GongkaiError? = nil, profile: Profile? = nil, disclosure: Disclosure? = nil,
                diagnostics: [Diagnostic]) {
        self.path = path
        self.status = status
        self.error = error
        self.profile = profile
        self.disclosure = disclosure
        self.diagnostics = diagnostics
    }

    /// Counts by severity.
    public var counts: [Severity: Int] {
        Dictionary(grouping: diagnostics, by: \.severity).mapValues(\.count)
    }
}

/// The outcome of a `gongkai check` run over one or more files.
public struct CheckReport: Sendable {
    /// One report per file, in the order files were given (folders walked in path order).
    public var documents: [DocumentReport]

    /// Creates a report.
    public init(documents: [DocumentReport]) {
        self.documents = documents
    }

    /// 0 = no errors, 1 = errors found, 2 = a file could not be read.
    public var exitCode: Int32 {
        if documents.contains(where: { $0.status == .unreadable }) { return 2 }
        if documents.contains(where: { $0.diagnostics.contains { $0.severity == .error } }) { return 1 }
        return 0
    }
}
