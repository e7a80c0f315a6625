import Foundation
import GongkaiStore
import Vapor

/// What `gongkai serve` was asked for.
public struct ServeOptions: Sendable {
    /// The database.
    public var database: DatabaseLocation
    /// The address to listen on.
    public var hostname: String
    /// The port.
    public var port: Int
    /// The examples folder to seed the demo from; nil for no demo.
    public var demoExamples: URL?

    /// Creates options.
    public init(database: DatabaseLocation, hostname: String, port: Int, demoExamples: URL?) {
        self.database = database
        self.hostname = hostname
        self.port = port
        self.demoExamples = demoExamples
    }
}

/// Runs the server until it is stopped (Ctrl-C or SIGTERM), with Vapor's own serve command so
/// shutdown is graceful.
public enum GongkaiServe {
    /// Configures, seeds the demo if asked, and serves.
    public static func run(_ options: ServeOptions) async throws {
        let arguments = ["gongkai", "serve", "--hostname", options.hostname, "--port", String(options.port)]
        let app = try await Application.make(Environment(name: "production", arguments: arguments))
        do {
            try await GongkaiApp.configure(app, ServerConfiguration(database: options.database))
            if let examples = options.demoExamples {
                let (accounts, password) = try await DemoDistrict.seed(app, examples: examples)
                var lines = ["演示数据已建立。各账号密码均为 \(password)："]
                lines += accounts.map { "  \($0.username)\t\($0.role.chineseName)\t\($0.scopeName)" }
                lines.append("接口：http://\(options.hostname):\(options.port)/api/v1/units   说明：http://\(options.hostname):\(options.port)/openapi.yaml")
                // Written at once: stdout may be a file, where print would hold it back until exit.
                FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
            }
            // One worker in the server's own process checks uploaded batches (on SQLite, the only one).
            let worker = Task { try await CheckWorker(store: GongkaiApp.store(app)).run(untilIdle: false) }
            defer { worker.cancel() }
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }
}
