import FluentKit
import SQLKit

/// Makes what is public unchangeable in the database itself, whatever code runs against it:
/// a published version may only become superseded (naming its correction), never be edited or
/// deleted; blobs, publication files and audit events are write-once; no file is added to a
/// version once it is public; on PostgreSQL none of these tables can be truncated.
struct ProtectPublishedRecords: AsyncMigration {
    /// The columns a published version keeps when it is superseded.
    static let keptColumns = ["id", "unit_id", "fiscal_year", "phase", "number", "content", "content_sha256", "total_expenditure_fen",
                              "replaces_id", "approval_date", "last_comment", "created_at", "submitted_at", "published_at"]
    static let writeOnceTables = ["blobs", "publication_files", "audit_events"]

    func prepare(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw StoreError.unsupportedDatabase }
        for statement in try Self.statements(dialect: sql.dialect.name) {
            try await sql.raw("\(unsafeRaw: statement)").run()
        }
    }

    func revert(on database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw StoreError.unsupportedDatabase }
        let postgres = sql.dialect.name == "postgresql"
        for table in Self.writeOnceTables {
            try await sql.raw("\(unsafeRaw: postgres ? "DROP TRIGGER IF EXISTS \(table)_write_once ON \(table)" : "DROP TRIGGER IF EXISTS \(table)_unchanged")").run()
            if !postgres { try await sql.raw("\(unsafeRaw: "DROP TRIGGER IF EXISTS \(table)_kept")").run() }
        }
        for table in Self.writeOnceTables + ["budget_versions"] where postgres {
            try await sql.raw("\(unsafeRaw: "DROP TRIGGER IF EXISTS \(table)_not_truncated ON \(table)")").run()
        }
        try await sql.raw("\(unsafeRaw: "DROP TRIGGER IF EXISTS publication_files_open_version\(postgres ? " ON publication_files" : "")")").run()
        if postgres {
            try await sql.raw("DROP TRIGGER IF EXISTS budget_versions_public_unchanged ON budget_versions").run()
            try await sql.raw("DROP FUNCTION IF EXISTS gongkai_keep_public_version()").run()
            try await sql.raw("DROP FUNCTION IF EXISTS gongkai_write_once()").run()
            try await sql.raw("DROP FUNCTION IF EXISTS gongkai_files_of_open_version()").run()
        } else {
            try await sql.raw("DROP TRIGGER IF EXISTS budget_versions_public_unchanged").run()
            try await sql.raw("DROP TRIGGER IF EXISTS budget_versions_public_kept").run()
        }
    }

    static func statements(dialect: String) throws -> [String] {
        switch dialect {
        case "sqlite":
            let kept = keptColumns.map { "NEW.\($0) IS OLD.\($0)" }.joined(separator: " AND ")
            return [
                """
                CREATE TRIGGER budget_versions_public_unchanged BEFORE UPDATE ON budget_versions
                WHEN OLD.state IN ('published', 'superseded') AND NOT (OLD.state = 'published' AND NEW.state = 'superseded'
                  AND NEW.superseded_by_id IS NOT NULL AND \(kept))
                BEGIN SELECT RAISE(ABORT, 'gongkai: a published budget version cannot be changed'); END
                """,
                """
                CREATE TRIGGER budget_versions_public_kept BEFORE DELETE ON budget_versions
                WHEN OLD.state IN ('published', 'superseded')
                BEGIN SELECT RAISE(ABORT, 'gongkai: a published budget version cannot be deleted'); END
                """,
                """
                CREATE TRIGGER publication_files_open_version BEFORE INSERT ON publication_files
                WHEN (SELECT state FROM budget_versions WHERE id = NEW.version_id) IN ('published', 'superseded')
                BEGIN SELECT RAISE(ABORT, 'gongkai: no file can be added to a published budget version'); END
                """,
            ] + writeOnceTables.flatMap { table in
                [
                    "CREATE TRIGGER \(table)_unchanged BEFORE UPDATE ON \(table) BEGIN SELECT RAISE(ABORT, 'gongkai: \(table) rows are write-once'); END",
                    "CREATE TRIGGER \(table)_kept BEFORE DELETE ON \(table) BEGIN SELECT RAISE(ABORT, 'gongkai: \(table) rows are write-once'); END",
                ]
            }
        case "postgresql":
            let kept = keptColumns.map { "NEW.\($0) IS NOT DISTINCT FROM OLD.\($0)" }.joined(separator: " AND ")
            return [
                """
                CREATE FUNCTION gongkai_keep_public_version() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF TG_OP = 'UPDATE' AND OLD.state = 'published' AND NEW.state = 'superseded'
                     AND NEW.superseded_by_id IS NOT NULL AND \(kept) THEN
                    RETURN NEW;
                  END IF;
                  RAISE EXCEPTION 'gongkai: a published budget version cannot be changed' USING ERRCODE = 'restrict_violation';
                END $$
                """,
                """
                CREATE TRIGGER budget_versions_public_unchanged BEFORE UPDATE OR DELETE ON budget_versions
                FOR EACH ROW WHEN (OLD.state IN ('published', 'superseded')) EXECUTE FUNCTION gongkai_keep_public_version()
                """,
                """
                CREATE FUNCTION gongkai_write_once() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  RAISE EXCEPTION 'gongkai: % rows are write-once', TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
                END $$
                """,
                """
                CREATE FUNCTION gongkai_files_of_open_version() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  -- Locks the version's row, so that a publication committing at the same moment is waited for.
                  PERFORM 1 FROM budget_versions WHERE id = NEW.version_id FOR SHARE;
                  IF EXISTS (SELECT 1 FROM budget_versions WHERE id = NEW.version_id AND state IN ('published', 'superseded')) THEN
                    RAISE EXCEPTION 'gongkai: no file can be added to a published budget version' USING ERRCODE = 'restrict_violation';
                  END IF;
                  RETURN NEW;
                END $$
                """,
                """
                CREATE TRIGGER publication_files_open_version BEFORE INSERT ON publication_files
                FOR EACH ROW EXECUTE FUNCTION gongkai_files_of_open_version()
                """,
            ] + writeOnceTables.map { table in
                "CREATE TRIGGER \(table)_write_once BEFORE UPDATE OR DELETE ON \(table) FOR EACH ROW EXECUTE FUNCTION gongkai_write_once()"
            } + (writeOnceTables + ["budget_versions"]).map { table in
                "CREATE TRIGGER \(table)_not_truncated BEFORE TRUNCATE ON \(table) FOR EACH STATEMENT EXECUTE FUNCTION gongkai_write_once()"
            }
        default:
            throw StoreError.unsupportedDatabase
        }
    }
}
