import FluentKit

/// Bearer tokens (sessions and API keys), kept as sha256 digests with an expiry.
struct CreateTokens: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("tokens")
            .id()
            .field("token_hash", .string, .required)
            .field("account_id", .uuid, .required, .references("accounts", "id"))
            .field("kind", .string, .required)
            .field("created_at", .string, .required)
            .field("expires_at", .string, .required)
            .field("scopes", .string)
            .unique(on: "token_hash")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("tokens").delete()
    }
}
