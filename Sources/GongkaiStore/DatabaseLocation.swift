import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import NIOCore
import NIOPosix
import SQLKit

/// Where the store keeps its data: an SQLite file (the default), a scratch SQLite database (tests,
/// demos), or a PostgreSQL server named by a `postgres://` URL.
public enum DatabaseLocation: Sendable, Equatable {
    /// An SQLite file, written in WAL mode.
    case sqliteFile(String)
    /// A scratch SQLite database, gone when `removeScratchFiles()` is called. sqlite-kit keeps it in a
    /// temporary file (so that several connections share it), named by this identifier.
    case sqliteMemory(String)
    /// PostgreSQL, by URL (`postgres://user:password@host:5432/database`).
    case postgres(String)

    /// Reads `--database-url` / `DATABASE_URL`: `postgres://…`, `sqlite:PATH`, `sqlite::memory:`, or a file path.
    public init(url: String) throws {
        if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
            self = .postgres(url)
        } else if url == "sqlite::memory:" {
            self = .sqliteMemory(UUID().uuidString)
        } else if url.hasPrefix("sqlite:") {
            let path = String(url.dropFirst("sqlite:".count)).replacingOccurrences(of: "//", with: "", options: .anchored)
            guard !path.isEmpty else { throw StoreError.badLocation("数据库地址“\(url)”缺少文件路径，应为 sqlite:路径") }
            self = .sqliteFile(path)
        } else if url.contains("://") {
            throw StoreError.badLocation("不支持的数据库地址“\(url)”：应为 postgres://用户:密码@主机:端口/库名，或 sqlite:文件路径")
        } else {
            self = .sqliteFile(url)
        }
    }

    /// Deletes the temporary file sqlite-kit keeps a scratch database in; nothing for the others.
    public func removeScratchFiles() {
        guard case .sqliteMemory(let name) = self else { return }
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("sqlite-kit_memorydb-\(ProcessInfo.processInfo.processIdentifier)-\(name).sqlite3")
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: file.path + suffix) }
    }

    /// The Fluent database id.
    public var id: DatabaseID { if case .postgres = self { .psql } else { .sqlite } }

    /// The Fluent configuration.
    public func configuration() throws -> DatabaseConfigurationFactory {
        switch self {
        case .sqliteFile(let path): .sqlite(SQLiteConfiguration(storage: .file(path: path)), sqlLogLevel: nil)
        case .sqliteMemory(let name): .sqlite(SQLiteConfiguration(storage: .memory(identifier: name)), sqlLogLevel: nil)
        case .postgres(let url): try .postgres(url: url, sqlLogLevel: .debug)
        }
    }
}

/// A database opened without a web server (for `gongkai audit verify`, migrations and tests).
public final class OpenedDatabase: Sendable {
    /// The databases registry; shut down by `close()`.
    public let databases: Databases
    /// Where it is.
    public let location: DatabaseLocation
    private let logger: Logger = {
        var logger = Logger(label: "gongkai.store")
        logger.logLevel = .warning
        return logger
    }()

    /// Opens the database at `location`.
    public init(_ location: DatabaseLocation) throws {
        self.location = location
        databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        databases.use(try location.configuration(), as: location.id)
    }

    /// A handle on the database, on the next event loop: handles taken one after another draw
    /// connections from their own loops' pools (on a machine with more than one core, different
    /// connections), so work on them can run at once.
    public var database: any Database {
        databases.database(location.id, logger: logger, on: MultiThreadedEventLoopGroup.singleton.next())!
    }

    /// Whether the database has run exactly the migrations of `StoreMigrations.all` (a worker does
    /// not migrate: the server does, and a worker of another build must not work on its tables).
    public func isMigrated() async throws -> Bool {
        guard let sql = database as? any SQLDatabase else { throw StoreError.unsupportedDatabase }
        let exists = sql.dialect.name == "postgresql"
            ? "SELECT 1 AS found WHERE to_regclass('_fluent_migrations') IS NOT NULL"
            : "SELECT 1 AS found FROM sqlite_master WHERE type = 'table' AND name = '_fluent_migrations'"
        guard try await !sql.raw("\(unsafeRaw: exists)").all().isEmpty else { return false }
        let names = try await sql.raw("SELECT name FROM _fluent_migrations").all().map { try $0.decode(column: "name", as: String.self) }
        return Set(names) == Set(StoreMigrations.all.map(\.name))
    }

    /// Runs every pending migration and sets SQLite to WAL mode.
    public func migrate() async throws {
        try await Store.prepare(database, location: location)
        let migrations = Migrations()
        migrations.add(StoreMigrations.all)
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())
        try await Store.whileMigrating(database) {
            try await migrator.setupIfNeeded().get()
            try await migrator.prepareBatch().get()
        }
    }

    /// Closes every connection; a scratch database is deleted.
    public func close() async {
        await databases.shutdownAsync()
        location.removeScratchFiles()
    }
}
