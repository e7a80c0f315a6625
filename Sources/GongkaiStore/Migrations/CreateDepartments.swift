import FluentKit

/// 主管部门, each in one region, with a code unique in it.
struct CreateDepartments: AsyncMigration {
    func prepare(on database: any Database) async throws {
        try await database.schema("departments")
            .id()
            .field("region_id", .uuid, .required, .references("regions", "id"))
            .field("code", .string, .required)
            .field("name", .string, .required)
            .unique(on: "region_id", "code")
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("departments").delete()
    }
}
