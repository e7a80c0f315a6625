import Fluent
import Foundation
import GongkaiStore
import Vapor

/// The composition root: wires the database, migrations, middleware and every endpoint into a Vapor
/// application. `gongkai serve` and the tests both start the server through here.
public enum GongkaiApp {
    /// Configures `app` to serve Gongkai with `configuration`, and migrates the database.
    public static func configure(_ app: Application, _ configuration: ServerConfiguration) async throws {
        app.gongkai = configuration
        app.databases.use(try configuration.database.configuration(), as: configuration.database.id)
        app.migrations.add(StoreMigrations.all)
        app.passwords.use(.bcrypt(cost: configuration.bcryptCost))
        app.unknownAccountHash = try await app.password.async.hash(Tokens.make())
        app.routes.defaultMaxBodySize = "20mb"
        // Pages and JSON are compressed for clients that accept it (a unit page is mostly table text).
        app.http.server.configuration.responseCompression = .enabled
        app.documentCache = DocumentCache()
        await app.startWorkThreads(count: configuration.workThreads)
        try await Store.prepare(app.db, location: configuration.database)
        try await Store.whileMigrating(app.db) { try await app.autoMigrate() }

        app.middleware = Middlewares()
        app.middleware.use(ProblemMiddleware())
        app.middleware.use(MethodNotAllowedMiddleware())
        // Tokens are read first, so that only requests without a valid one count as public.
        let authenticated = app.grouped(TokenAuthenticator(), PublicRateLimit(limit: configuration.publicRequestsPerMinute))
        for endpoint in Endpoints.all {
            authenticated.grouped(AccessMiddleware(access: endpoint.access, apiScope: endpoint.apiScope))
                .on(endpoint.method, endpoint.components, body: .collect(maxSize: endpoint.maxBody), use: endpoint.handler)
        }
        // Pages also read the staff's session cookie, answer errors as HTML, and take forms only from this site.
        let pages = authenticated.grouped(PageErrorMiddleware(), SessionCookieAuthenticator(), SameOriginMiddleware())
        for page in PageRoutes.all {
            pages.grouped(AccessMiddleware(access: page.access, apiScope: page.apiScope))
                .on(page.method, page.components, body: .collect(maxSize: page.maxBody), use: page.handler)
        }
        try await indexUnindexedPublications(app)
    }

    /// Indexes for the portal the versions published before it existed (once; later ones are
    /// indexed as they are published).
    static func indexUnindexedPublications(_ app: Application) async throws {
        let store = store(app)
        let publisher = Publisher(app)
        for version in try await store.unindexedPublishedVersions() {
            // One that cannot be indexed (by another server at the same moment, or with data this build
            // cannot render) is left out of the portal's search and figures, not a reason not to start.
            do {
                try await store.indexPublishedVersion(version.id, index: try await publisher.index(version))
            } catch {
                app.logger.warning("公开版本 \(version.id) 未能编入门户索引：\(error)")
            }
        }
    }

    /// The store of a configured application (for seeding and commands).
    public static func store(_ app: Application) -> Store { Store(database: app.db) }

    /// A batch-checking worker on a configured application's database and work threads.
    public static func worker(_ app: Application, timeout: Double = 120) -> CheckWorker {
        CheckWorker(store: store(app), threads: app.workThreads, timeout: timeout)
    }
}

extension Application {
    private struct ConfigurationKey: StorageKey {
        typealias Value = ServerConfiguration
    }

    private struct UnknownAccountHashKey: StorageKey {
        typealias Value = String
    }

    /// A password hash of no account, at the configured cost: signing in with an unknown name is
    /// checked against it, so it takes as long as a wrong password.
    var unknownAccountHash: String {
        get {
            guard let hash = storage[UnknownAccountHashKey.self] else { fatalError("GongkaiApp.configure was not called") }
            return hash
        }
        set { storage[UnknownAccountHashKey.self] = newValue }
    }

    /// The server's configuration.
    var gongkai: ServerConfiguration {
        get {
            guard let configuration = storage[ConfigurationKey.self] else { fatalError("GongkaiApp.configure was not called") }
            return configuration
        }
        set { storage[ConfigurationKey.self] = newValue }
    }
}
