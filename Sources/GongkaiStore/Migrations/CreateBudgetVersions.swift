import FluentKit

/// Budget versions: one row per version of a unit's budget or 决算 for a year, numbered from 1.
/// Money is integer fen (`total_expenditure_fen` here, every amount inside `content`).
struct CreateBudgetVersions: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("budget_versions")
            .id()
            .field("unit_id", .uuid, .required, .references("units", "id"))
            .field("fiscal_year", .int, .required)
            .field("phase", .string, .required)
            .field("number", .int, .required)
            .field("state", .string, .required)
            .field("content", .string, .required)
            .field("content_sha256", .string, .required)
            .field("total_expenditure_fen", .int64, .required)
            .field("replaces_id", .uuid, .references("budget_versions", "id"))
            .field("superseded_by_id", .uuid, .references("budget_versions", "id"))
            .field("approval_date", .string)
            .field("last_comment", .string)
            .field("created_at", .string, .required)
            .field("updated_at", .string, .required)
            .field("submitted_at", .string)
            .field("published_at", .string)
            .unique(on: "unit_id", "fiscal_year", "phase", "number")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("budget_versions").delete()
    }
}
