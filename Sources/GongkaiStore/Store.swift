import FluentKit
import Foundation
import GongkaiWorkflow
import SQLKit

/// The server's data: the directory of regions, departments and units, staff accounts, budget
/// versions through their workflow, published files and the audit trail. Every change is written
/// in one transaction with its audit event, so either both are stored or neither is.
public struct Store: Sendable {
    /// The database the store works on.
    public let database: any Database
    let clock: @Sendable () -> Date

    /// A store on `database`; `clock` gives the time written into records and audit events.
    public init(database: any Database, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.clock = clock
    }

    /// Settings made once on a fresh connection: SQLite keeps its journal in WAL mode, so readers
    /// never wait for the writer.
    public static func prepare(_ database: any Database) async throws {
        guard let sql = database as? any SQLDatabase else { throw StoreError.unsupportedDatabase }
        if sql.dialect.name == "sqlite" { try await sql.raw("PRAGMA journal_mode = WAL").run() }
    }

    /// The current time as stored (ISO 8601, UTC, milliseconds).
    func now() -> String {
        Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(clock())
    }

    /// Whether the store runs on PostgreSQL.
    func isPostgres(_ database: any Database) -> Bool {
        (database as? any SQLDatabase)?.dialect.name == "postgresql"
    }

    func sql(_ database: any Database) throws -> any SQLDatabase {
        guard let sql = database as? any SQLDatabase else { throw StoreError.unsupportedDatabase }
        return sql
    }
}
