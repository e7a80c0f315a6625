import FluentKit

/// The audit trail: numbered events, each with the hash of the one before.
struct CreateAuditEvents: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("audit_events")
            .field("sequence", .int64, .identifier(auto: false))
            .field("time", .string, .required)
            .field("actor", .string, .required)
            .field("role", .string, .required)
            .field("action", .string, .required)
            .field("object_kind", .string, .required)
            .field("object_id", .string, .required)
            .field("version_id", .string)
            .field("reason", .string)
            .field("region", .string)
            .field("content_hash", .string)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_events").delete()
    }
}
