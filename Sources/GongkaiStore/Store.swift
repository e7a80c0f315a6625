import FluentKit
import Foundation
import GongkaiWorkflow
import SQLKit

/// The server's data: the directory of regions, departments and units, staff accounts, budget
/// versions through their workflow, published files, the batch-checking job table and the audit
/// trail. Every change to the directory, the accounts and the versions is written in one transaction
/// with its audit event, so either both are stored or neither is; sign-ins, tokens and job states
/// are operational records, not audited.
public struct Store: Sendable {
    /// The database the store works on.
    public let database: any Database
    let clock: @Sendable () -> Date

    /// A store on `database`; `clock` gives the time written into records and audit events.
    public init(database: any Database, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.clock = clock
    }

    /// Settings made once when a database file is opened: SQLite keeps its journal in WAL mode, so
    /// readers never wait for the writer.
    public static func prepare(_ database: any Database, location: DatabaseLocation) async throws {
        guard let sql = database as? any SQLDatabase else { throw StoreError.unsupportedDatabase }
        if case .sqliteFile = location { try await sql.raw("PRAGMA journal_mode = WAL").run() }
    }

    /// Runs `body` (the migrations) while holding PostgreSQL's advisory lock for them, so that
    /// several servers or workers starting at once on one database migrate it one after the other
    /// (the later ones find nothing left to do). SQLite needs none: one process opens the file.
    public static func whileMigrating(_ database: any Database, _ body: @escaping @Sendable () async throws -> Void) async throws {
        guard let sql = database as? any SQLDatabase else { throw StoreError.unsupportedDatabase }
        guard sql.dialect.name == "postgresql" else { return try await body() }
        try await database.withConnection { connection in
            guard let locked = connection as? any SQLDatabase else { throw StoreError.unsupportedDatabase }
            try await locked.raw("SELECT pg_advisory_lock(\(unsafeRaw: String(migrationLock)))").run()
            do {
                try await body()
            } catch {
                try? await locked.raw("SELECT pg_advisory_unlock(\(unsafeRaw: String(migrationLock)))").run()
                throw error
            }
            try await locked.raw("SELECT pg_advisory_unlock(\(unsafeRaw: String(migrationLock)))").run()
        }
    }

    /// The key of the migrations' advisory lock ("gongkai" in ASCII).
    static let migrationLock: Int64 = 0x676F_6E67_6B61_69

    /// Runs `body` as one write transaction. On SQLite it takes the write lock at once
    /// (`BEGIN IMMEDIATE`): a deferred transaction that reads first can find at its first write that
    /// another connection has committed in between, and fail instead of waiting its turn.
    func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        guard !isPostgres(database) else { return try await database.transaction(body) }
        return try await database.withConnection { connection in
            let sql = try self.sql(connection)
            try await sql.raw("BEGIN IMMEDIATE").run()
            do {
                let result = try await body(connection)
                try await sql.raw("COMMIT").run()
                return result
            } catch {
                try? await sql.raw("ROLLBACK").run()
                throw error
            }
        }
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
