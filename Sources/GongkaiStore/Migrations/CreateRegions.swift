import FluentKit

/// Regions, one per 财政局's area, with a unique code.
struct CreateRegions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("regions")
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .unique(on: "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("regions").delete()
    }
}
