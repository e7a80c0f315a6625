import FluentKit

/// Batches of uploaded disclosures and the files in each (a file already checked in an earlier batch
/// points at the same job).
struct CreateCheckBatches: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("check_batches")
            .id()
            .field("name", .string, .required)
            .field("created_by", .string, .required)
            .field("region_id", .string, .required)
            .field("created_at", .string, .required)
            .create()
        try await database.schema("check_batch_items")
            .id()
            .field("batch_id", .uuid, .required, .references("check_batches", "id"))
            .field("job_id", .uuid, .required, .references("check_jobs", "id"))
            .field("file_name", .string, .required)
            .unique(on: "batch_id", "job_id")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("check_batch_items").delete()
        try await database.schema("check_batches").delete()
    }
}
