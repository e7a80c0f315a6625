import FluentKit

/// Content-addressed file bytes: the key is the sha256 of the data.
struct CreateBlobs: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("blobs")
            .field("sha256", .string, .identifier(auto: false))
            .field("size", .int64, .required)
            .field("data", .data, .required)
            .field("created_at", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("blobs").delete()
    }
}
