import ArgumentParser
import Foundation
import GongkaiReport
import GongkaiServer
import GongkaiStore

/// `gongkai serve`
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "启动 Gongkai 服务：单位编制和报送、主管部门和财政局审核、公开、审计记录和 REST 接口（/api/v1，说明见 /openapi.yaml）。")

    @Flag(name: .long, help: "演示模式：在临时数据库中建立示例地区、部门、单位、各角色账号和示例预算，停止服务时删除（不读 DATABASE_URL）。")
    var demo = false

    @Option(name: .long, help: "监听地址（默认 127.0.0.1）。")
    var hostname = "127.0.0.1"

    @Option(name: .long, help: "监听端口（默认 8080）。")
    var port = 8080

    @Option(name: .long, help: "数据库：postgres://用户:密码@主机:端口/库名，或 sqlite:文件路径；默认读环境变量 DATABASE_URL，再默认 sqlite:gongkai.sqlite。")
    var databaseURL: String?

    @Option(name: .long, help: "示例数据所在文件夹（--demo 用，默认 ./examples）。")
    var examples = "examples"

    func validate() throws {
        if demo, databaseURL != nil { throw ValidationError("--demo 使用临时数据库，不能与 --database-url 同用") }
    }

    func run() throws {
        let location = try databaseLocation()
        let options = ServeOptions(database: location, hostname: hostname, port: port,
                                   demoExamples: demo ? URL(fileURLWithPath: examples) : nil)
        try Blocking.run { try await GongkaiServe.run(options) }
    }

    private func databaseLocation() throws -> DatabaseLocation {
        if demo { return .sqliteMemory(UUID().uuidString) }
        if let url = databaseURL ?? ProcessInfo.processInfo.environment["DATABASE_URL"] { return try DatabaseLocation(url: url) }
        return .sqliteFile("gongkai.sqlite")
    }
}

/// `gongkai audit verify`
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "audit", abstract: "审计记录。", subcommands: [AuditVerifyCommand.self])
}

/// Walks the hash chain of the audit trail and reports the first break (exit 1) or that it is intact.
struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "逐条核对审计记录的哈希链，报告第一处断裂。")

    @Option(name: .long, help: "数据库：postgres://… 或 sqlite:文件路径；默认读环境变量 DATABASE_URL，再默认 sqlite:gongkai.sqlite。")
    var databaseURL: String?

    func run() throws {
        let url = databaseURL ?? ProcessInfo.processInfo.environment["DATABASE_URL"] ?? "sqlite:gongkai.sqlite"
        let location = try DatabaseLocation(url: url)
        if case .sqliteFile(let path) = location, !FileManager.default.fileExists(atPath: path) {
            throw ValidationError("数据库文件 \(path) 不存在")
        }
        let result = try Blocking.run {
            let opened = try OpenedDatabase(location)
            do {
                let result = try await Store(database: opened.database).verifyAudit()
                await opened.close()
                return result
            } catch {
                await opened.close()
                throw error
            }
        }
        if let broken = result.firstBreak {
            print("审计记录在第 \(broken.sequence) 条断裂：\(broken.message)（此前 \(result.verified) 条完好）")
            throw ExitCode(1)
        }
        print("审计记录完好：共 \(result.verified) 条，哈希链逐条核对无误。")
    }
}

/// Runs async work from the synchronous command line and waits for it.
enum Blocking {
    static func run<T: Sendable>(_ body: @escaping @Sendable () async throws -> T) throws -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            do { box.result = .success(try await body()) } catch { box.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try box.result!.get()
    }

    private final class ResultBox<T: Sendable>: @unchecked Sendable {
        var result: Result<T, any Error>?
    }
}
