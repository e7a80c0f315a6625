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
    public var exitCode: Int32 { summary.exitCode }

    /// The counts of the run.
    public var summary: CheckSummary {
        var summary = CheckSummary()
        documents.forEach { summary.add($0) }
        return summary
    }
}

/// What a check run found, counted document by document (all a streamed report keeps).
public struct CheckSummary: Sendable, Equatable {
    /// Files reported.
    public var documents = 0
    /// Files with at least one error finding.
    public var withErrors = 0
    /// Files that could not be read.
    public var unreadable = 0

    /// An empty summary.
    public init() {}

    /// Counts one document.
    public mutating func add(_ document: DocumentReport) {
        documents += 1
        if document.status == .unreadable { unreadable += 1 }
        if document.diagnostics.contains(where: { $0.severity == .error }) { withErrors += 1 }
    }

    /// 0 = no errors, 1 = errors found, 2 = a file could not be read.
    public var exitCode: Int32 {
        if unreadable > 0 { return 2 }
        return withErrors > 0 ? 1 : 0
    }
}
