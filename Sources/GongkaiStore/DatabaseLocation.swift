import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import NIOCore
import NIOPosix

/// Where the store keeps its data: an SQLite file (the default), SQLite in memory (tests, demos),
/// or a PostgreSQL server named by a `postgres://` URL.
public enum DatabaseLocation: Sendable, Equatable {
    /// An SQLite file, written in WAL mode.
    case sqliteFile(String)
    /// SQLite in memory; the name keeps connections of one store together.
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
    private let logger = Logger(label: "gongkai.store")

    /// Opens the database at `location`.
    public init(_ location: DatabaseLocation) throws {
        self.location = location
        databases = Databases(threadPool: NIOThreadPool.singleton, on: MultiThreadedEventLoopGroup.singleton)
        databases.use(try location.configuration(), as: location.id)
    }

    /// A handle on the database.
    public var database: any Database {
        databases.database(location.id, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())!
    }

    /// Runs every pending migration and sets SQLite to WAL mode.
    public func migrate() async throws {
        try await Store.prepare(database)
        let migrations = Migrations()
        migrations.add(StoreMigrations.all)
        let migrator = Migrator(databases: databases, migrations: migrations, logger: logger, on: MultiThreadedEventLoopGroup.singleton.any())
        try await migrator.setupIfNeeded().get()
        try await migrator.prepareBatch().get()
    }

    /// Closes every connection.
    public func close() async {
        await databases.shutdownAsync()
    }
}
