import FluentKit

/// Budget units, each under one 主管部门, with a code unique in it.
struct CreateUnits: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("units")
            .id()
            .field("department_id", .uuid, .required, .references("departments", "id"))
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("contact", .string)
            .unique(on: "department_id", "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("units").delete()
    }
}
