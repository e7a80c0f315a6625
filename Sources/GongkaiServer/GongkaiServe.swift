import Foundation
import GongkaiCore
import GongkaiStore
import GongkaiWorkflow
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
    /// Configures, seeds the demo if asked, and serves; a scratch database is removed at the end.
    public static func run(_ options: ServeOptions) async throws {
        let arguments = ["gongkai", "serve", "--hostname", options.hostname, "--port", String(options.port)]
        let app = try await Application.make(Environment(name: "production", arguments: arguments))
        defer { options.database.removeScratchFiles() }
        var worker: Task<Int, any Error>?
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
            worker = Task { [logger = app.logger] in try await GongkaiApp.worker(app).run(untilIdle: false, logger: logger) }
            try await app.execute()
        } catch {
            await stop(worker)
            try? await app.asyncShutdown()
            throw error
        }
        await stop(worker)
        try await app.asyncShutdown()
    }

    /// Cancels the in-process worker and waits until it has let go of the database.
    private static func stop(_ worker: Task<Int, any Error>?) async {
        worker?.cancel()
        _ = await worker?.result
    }
}

extension GongkaiServe {
    /// Seeds a generated district (`BenchDistrict`) into an empty database, prints the URLs to load
    /// (the API's and the portal's; the desk's with a bureau session cookie), and serves them; with a
    /// database already seeded, serves it as it is.
    public static func runBenchmark(_ options: ServeOptions, base: Budget, finalAccounts: Budget?, units: Int, years: Int) async throws {
        let arguments = ["gongkai", "serve", "--hostname", options.hostname, "--port", String(options.port)]
        let app = try await Application.make(Environment(name: "production", arguments: arguments))
        app.logger.logLevel = .warning
        do {
            try await GongkaiApp.configure(app, ServerConfiguration(database: options.database, publicRequestsPerMinute: .max))
            let store = GongkaiApp.store(app)
            let existing = try await store.units(in: nil, limit: 1)
            let started = Date()
            let unit: StoredUnit
            if let first = existing.first {
                unit = first
            } else {
                unit = try await store.unit(try await BenchDistrict.seed(app, base: base, finalAccounts: finalAccounts, units: units, years: years))
            }
            let versions = try await store.versions(ofUnit: unit.id).filter { $0.state == .published }
            guard let version = versions.first else { throw StoreError.invalid("基准数据库中该单位没有已公开的版本") }
            let peers = try await store.units(in: Scope(kind: .department, id: unit.departmentID.uuidString), limit: 2)
            let cookie = try await benchSession(app, region: unit.regionID)
            let base = "http://\(options.hostname):\(options.port)"
            let unitPath = "\(base)/units/\(unit.id.uuidString.lowercased())"
            let lines = [
                existing.isEmpty ? String(format: "已生成 %d 个单位 × %d 年（%.0f 秒）。", units, years, Date().timeIntervalSince(started)) : "使用已有的基准数据。",
                "\(base)/api/v1/units?limit=100",
                "\(base)/api/v1/units/\(unit.id)/versions",
                "\(base)/api/v1/versions/\(version.id)",
                "\(base)/api/v1/versions/\(version.id)/files",
                unitPath,
                "\(unitPath)/\(version.fiscalYear)/\(version.phase.rawValue)",
                "\(unitPath)/trends?phase=budget",
                "\(base)/compare?" + peers.map { "unit=\($0.id.uuidString.lowercased())" }.joined(separator: "&"),
                "\(base)/search?q=%E4%B8%89%E5%85%AC",
                "\(base)/search?q=%E6%94%BF%E5%BA%9C%E9%87%87%E8%B4%AD",
                "\(base)/downloads/\(unit.regionID.uuidString.lowercased())/\(version.fiscalYear)/expenditure.csv",
                "\(base)/desk?year=\(version.fiscalYear)   Cookie: \(SignIn.cookieName)=\(cookie)",
            ]
            FileHandle.standardOutput.write(Data((lines.joined(separator: "\n") + "\n").utf8))
            try await app.execute()
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    /// A session of the benchmark's 财政局 reviewer (made once), for loading the desk.
    private static func benchSession(_ app: Application, region: UUID) async throws -> String {
        let store = GongkaiApp.store(app)
        var account = try await store.account(named: "bench-bureau")?.account
        if account == nil {
            account = try await store.createAccount(username: "bench-bureau", displayName: "基准财政局", passwordHash: try await app.password.async.hash(Tokens.make()),
                                                    role: .bureauReviewer, scope: Scope(kind: .region, id: region.uuidString), by: Store.system)
        }
        guard let account else { throw StoreError.notFound("基准账号") }
        let token = Tokens.make()
        try await store.createToken(hash: Tokens.digest(token), accountID: account.id, kind: "session", expiresAt: Date().addingTimeInterval(24 * 3600))
        return token
    }
}
