import FluentKit
import Foundation

/// One file to check, as the job table holds it.
final class CheckJobRecord: Model, @unchecked Sendable {
    static let schema = "check_jobs"

    @ID(key: .id) var id: UUID?
    @Field(key: "sha256") var sha256: String
    @Field(key: "file_name") var fileName: String
    @Field(key: "state") var state: String
    @Field(key: "attempts") var attempts: Int
    @Field(key: "max_attempts") var maxAttempts: Int
    @Field(key: "run_after") var runAfter: String
    @OptionalField(key: "locked_by") var lockedBy: String?
    @OptionalField(key: "locked_at") var lockedAt: String?
    @OptionalField(key: "outcome") var outcome: String?
    @OptionalField(key: "error") var error: String?
    @OptionalField(key: "profile") var profile: String?
    @OptionalField(key: "error_findings") var errorFindings: Int?
    @OptionalField(key: "assessment") var assessment: String?
    @Field(key: "created_at") var createdAt: String
    @OptionalField(key: "finished_at") var finishedAt: String?

    init() {}
}

/// A batch of uploaded files.
final class CheckBatchRecord: Model, @unchecked Sendable {
    static let schema = "check_batches"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "created_by") var createdBy: String
    @Field(key: "region_id") var regionID: String
    @Field(key: "created_at") var createdAt: String

    init() {}
}

/// A file of a batch and the job that checks it.
final class CheckBatchItemRecord: Model, @unchecked Sendable {
    static let schema = "check_batch_items"

    @ID(key: .id) var id: UUID?
    @Field(key: "batch_id") var batchID: UUID
    @Field(key: "job_id") var jobID: UUID
    @Field(key: "file_name") var fileName: String

    init() {}
}

/// One finding of a finished job.
final class CheckFindingRecord: Model, @unchecked Sendable {
    static let schema = "check_findings"

    @ID(key: .id) var id: UUID?
    @Field(key: "job_id") var jobID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "rule") var rule: String
    @Field(key: "severity") var severity: String
    @Field(key: "message") var message: String
    @OptionalField(key: "page") var page: Int?
    @OptionalField(key: "table_title") var tableTitle: String?
    @OptionalField(key: "code") var code: String?
    @OptionalField(key: "column_name") var column: String?
    @OptionalField(key: "found") var found: String?
    @OptionalField(key: "expected") var expected: String?

    init() {}
}
