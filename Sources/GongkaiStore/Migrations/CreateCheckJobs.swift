import FluentKit

/// The job table of batch checking: one job per distinct file (its sha256 is the idempotency key),
/// claimed by workers with a lock that expires, retried with back-off.
struct CreateCheckJobs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("check_jobs")
            .id()
            .field("sha256", .string, .required, .references("blobs", "sha256"))
            .field("file_name", .string, .required)
            .field("state", .string, .required)
            .field("attempts", .int, .required)
            .field("max_attempts", .int, .required)
            .field("run_after", .string, .required)
            .field("locked_by", .string)
            .field("locked_at", .string)
            .field("outcome", .string)
            .field("error", .string)
            .field("profile", .string)
            .field("error_findings", .int)
            .field("assessment", .string)
            .field("created_at", .string, .required)
            .field("finished_at", .string)
            .unique(on: "sha256")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("check_jobs").delete()
    }
}
