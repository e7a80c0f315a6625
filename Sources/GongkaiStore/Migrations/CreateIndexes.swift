import FluentKit
import SQLKit

/// Indexes for the lookups the server makes often: a unit's versions, a file by its sha256, a
/// version's and a region's audit events, and the next job to claim. (A batch's items and a job's
/// findings are found through their unique constraints' own indexes.)
struct CreateIndexes: AsyncMigration {
    static let indexes: [(name: String, table: String, columns: String)] = [
        ("budget_versions_by_unit", "budget_versions", "unit_id, fiscal_year, phase"),
        ("publication_files_by_sha256", "publication_files", "sha256"),
        ("audit_events_by_version", "audit_events", "version_id"),
        ("audit_events_by_region", "audit_events", "region, sequence"),
        ("check_jobs_to_claim", "check_jobs", "state, run_after, created_at"),
    ]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw StoreError.unsupportedDatabase }
        for index in Self.indexes {
            try await sql.raw("\(unsafeRaw: "CREATE INDEX \(index.name) ON \(index.table) (\(index.columns))")").run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw StoreError.unsupportedDatabase }
        for index in Self.indexes { try await sql.raw("\(unsafeRaw: "DROP INDEX IF EXISTS \(index.name)")").run() }
    }
}
