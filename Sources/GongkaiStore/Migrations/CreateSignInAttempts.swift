import FluentKit

/// Sign-in attempts, so that repeated failures for one account are throttled on every server.
struct CreateSignInAttempts: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("sign_in_attempts")
            .id()
            .field("username", .string, .required)
            .field("time", .string, .required)
            .field("succeeded", .bool, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("sign_in_attempts").delete()
    }
}
