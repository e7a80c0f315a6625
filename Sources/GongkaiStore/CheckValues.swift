import Foundation

/// Where a check job stands.
public enum JobState: String, Sendable, Codable, CaseIterable {
    /// Waiting for a worker (or for its retry time).
    case queued
    /// Claimed by a worker, whose lock expires if it dies.
    case running
    /// Checked (or found unreadable); its findings are stored.
    case done
    /// Given up after its last attempt.
    case failed

    /// The Chinese name shown to users.
    public var chineseName: String {
        switch self {
        case .queued: "排队中"
        case .running: "检查中"
        case .done: "已完成"
        case .failed: "多次失败，已放弃"
        }
    }
}

/// A file uploaded for checking.
public struct CheckFile: Sendable {
    /// Its name as uploaded (its extension says how to read it).
    public var name: String
    /// Its bytes.
    public var data: Data

    /// Creates a file to check.
    public init(name: String, data: Data) {
        self.name = name
        self.data = data
    }
}

/// A batch of uploaded files.
public struct CheckBatch: Sendable, Equatable, Codable {
    /// The store's id.
    public var id: UUID
    /// Its name.
    public var name: String
    /// Who uploaded it.
    public var createdBy: String
    /// The region it was uploaded for.
    public var regionID: String
    /// When.
    public var createdAt: String
}

/// One file's check job.
public struct CheckJob: Sendable, Equatable, Codable {
    /// The store's id.
    public var id: UUID
    /// The file's sha256.
    public var sha256: String
    /// Its name (as first uploaded).
    public var fileName: String
    /// Where it stands.
    public var state: JobState
    /// How many times a worker has claimed it.
    public var attempts: Int
    /// `checked` or `unreadable`, once done.
    public var outcome: String?
    /// Why it could not be read, or why it failed.
    public var error: String?
    /// The profile it was checked against.
    public var profile: String?
    /// How many error findings it has, once done.
    public var errorFindings: Int?
    /// When it finished.
    public var finishedAt: String?
    /// The filled checklist and the five dimensions, as JSON the checker wrote; the store keeps it
    /// as it is.
    public var assessment: String?
}

/// A job claimed by a worker.
public struct ClaimedJob: Sendable, Equatable {
    /// The job's id.
    public var id: UUID
    /// The file's sha256 (its bytes are in the blob store).
    public var sha256: String
    /// Its name.
    public var fileName: String
    /// Which attempt this is, from 1.
    public var attempt: Int
}

/// A finding of a checked file, as stored.
public struct CheckFinding: Sendable, Equatable, Codable {
    /// The rule's id.
    public var rule: String
    /// `info`, `warning` or `error`.
    public var severity: String
    /// The message.
    public var message: String
    /// The page it is on, if known.
    public var page: Int?
    /// The table's title, if any.
    public var table: String?
    /// The row's code, if any.
    public var code: String?
    /// The column, if any.
    public var column: String?
    /// What was found.
    public var found: String?
    /// What was expected.
    public var expected: String?

    /// Creates a finding.
    public init(rule: String, severity: String, message: String, page: Int? = nil, table: String? = nil, code: String? = nil,
                column: String? = nil, found: String? = nil, expected: String? = nil) {
        self.rule = rule
        self.severity = severity
        self.message = message
        self.page = page
        self.table = table
        self.code = code
        self.column = column
        self.found = found
        self.expected = expected
    }
}

/// What checking a file gave.
public struct CheckOutcome: Sendable {
    /// The file was read and checked (`checked`), or could not be read (`unreadable`).
    public var outcome: String
    /// Why it could not be read.
    public var error: String?
    /// The profile used.
    public var profile: String?
    /// Its findings.
    public var findings: [CheckFinding]
    /// The filled checklist and the five dimensions, as JSON (see `CheckJob.assessment`).
    public var assessment: String?

    /// Creates an outcome.
    public init(outcome: String, error: String? = nil, profile: String? = nil, findings: [CheckFinding], assessment: String? = nil) {
        self.outcome = outcome
        self.error = error
        self.profile = profile
        self.findings = findings
        self.assessment = assessment
    }
}

/// A batch's progress: its files by job state.
public struct BatchProgress: Sendable, Equatable, Codable {
    /// The batch.
    public var batch: CheckBatch
    /// Files in the batch.
    public var total: Int
    /// Count per state.
    public var byState: [String: Int]
    /// Each file with its job.
    public var files: [BatchFile]

    /// A file of a batch.
    public struct BatchFile: Sendable, Equatable, Codable {
        /// Its name in this batch.
        public var name: String
        /// Its job.
        public var job: CheckJob
    }
}
