import ArgumentParser
import Foundation
import GongkaiImport
import GongkaiServer
import GongkaiStore

/// `gongkai bench-serve`
struct BenchServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-serve",
        abstract: "服务端基准测试：在空数据库中生成一个区（单位数 × 年数，预算和决算均已公开），打印要加压的接口和门户页面地址并启动服务（用 release 构建，配合 wrk 测量）。")

    @Option(help: "单位个数。")
    var units = 500

    @Option(help: "每个单位已公开的年度数。")
    var years = 5

    @Option(help: "监听端口。")
    var port = 8090

    @Option(help: "数据库：sqlite:文件路径 或 postgres://…（默认 sqlite:bench-serve.sqlite；已有数据则直接使用）。")
    var databaseURL = "sqlite:bench-serve.sqlite"

    @Option(help: "作为底本的预算数据（JSON）。")
    var base = "examples/chongqing-laoganbu-2023-budget.json"

    @Option(help: "作为底本的决算数据（JSON）；每个单位每年也公开一份决算。给空字符串则只生成预算。")
    var finalAccounts = "examples/shanghai-civil-affairs-2024-final-accounts.json"

    mutating func validate() throws {
        guard (1...100_000).contains(units) else { throw ValidationError("--units 应在 1 到 100000 之间，现为 \(units)") }
        guard (1...30).contains(years) else { throw ValidationError("--years 应在 1 到 30 之间，现为 \(years)") }
    }

    func run() throws {
        let budget = try BudgetReader.read(path: base).budget
        let final = finalAccounts.isEmpty ? nil : try BudgetReader.read(path: finalAccounts).budget
        let options = ServeOptions(database: try DatabaseLocation(url: databaseURL), hostname: "127.0.0.1", port: port, demoExamples: nil)
        try Blocking.run { [units, years] in try await GongkaiServe.runBenchmark(options, base: budget, finalAccounts: final, units: units, years: years) }
    }
}
