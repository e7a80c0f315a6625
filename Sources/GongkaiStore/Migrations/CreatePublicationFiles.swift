import FluentKit

/// The files of each published version, each naming the blob that holds its bytes.
struct CreatePublicationFiles: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("publication_files")
            .id()
            .field("version_id", .uuid, .required, .references("budget_versions", "id"))
            .field("name", .string, .required)
            .field("media_type", .string, .required)
            .field("sha256", .string, .required, .references("blobs", "sha256"))
            .field("size", .int64, .required)
            .unique(on: "version_id", "name")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("publication_files").delete()
    }
}
