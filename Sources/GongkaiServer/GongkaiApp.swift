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
        app.routes.defaultMaxBodySize = "20mb"
        try await Store.prepare(app.db)
        try await app.autoMigrate()

        app.middleware = Middlewares()
        app.middleware.use(ProblemMiddleware())
        app.middleware.use(MethodNotAllowedMiddleware())
        app.middleware.use(PublicRateLimit(limit: configuration.publicRequestsPerMinute))
        let authenticated = app.grouped(TokenAuthenticator())
        for endpoint in Endpoints.all {
            authenticated.grouped(AccessMiddleware(access: endpoint.access))
                .on(endpoint.method, endpoint.components, body: .collect(maxSize: "20mb"), use: endpoint.handler)
        }
    }

    /// The store of a configured application (for seeding and commands).
    public static func store(_ app: Application) -> Store { Store(database: app.db) }
}

extension Application {
    private struct ConfigurationKey: StorageKey {
        typealias Value = ServerConfiguration
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
