import FluentKit

/// The findings of each finished job, numbered; a job's findings are written once, with its completion.
struct CreateCheckFindings: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("check_findings")
            .id()
            .field("job_id", .uuid, .required, .references("check_jobs", "id"))
            .field("position", .int, .required)
            .field("rule", .string, .required)
            .field("severity", .string, .required)
            .field("message", .string, .required)
            .field("page", .int)
            .field("table_title", .string)
            .field("code", .string)
            .field("column_name", .string)
            .field("found", .string)
            .field("expected", .string)
            .unique(on: "job_id", "position")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("check_findings").delete()
    }
}
