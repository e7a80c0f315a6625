import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiFiles
import GongkaiImport
import GongkaiReport

/// `gongkai consolidate 本级.json 下属单位.json... --out DIR`
struct ConsolidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consolidate",
        abstract: "把部门本级和下属单位的预算数据汇总成部门预算（部门 = Σ 单位），并生成部门预算公开文件。",
        discussion: "第一个文件为部门本级。退出码同 render：0 = 已生成且无错误；1 = 有错误；2 = 文件无法读取或用法错误。")

    @Argument(help: "部门本级和下属单位的预算数据文件（.json 或 .xlsx），第一个为本级。")
    var budgets: [String]

    @Option(help: "部门名称（默认取本级预算的主管部门）。")
    var name: String?

    @Option(name: .long, parsing: .upToNextOption, help: "输出格式，可多个：pdf html xlsx json csv fdp text（默认 html）。")
    var format: [RenderFormatArgument] = [.init(.html)]

    @Option(name: .customLong("out"), help: "输出文件夹。")
    var output: String

    @Option(name: .customLong("budget-out"), help: "另把合并后的部门预算数据写成 JSON 文件。")
    var budgetOutput: String?

    @Option(help: "公开口径（默认按合并后预算的地区、层级和阶段选择；gongkai profiles 列出可生成的口径）。")
    var profile: String?

    @Flag(name: .customLong("allow-errors"), help: "即使发现错误也生成文件。")
    var allowErrors = false

    func run() throws {
        let units = try budgets.map { path in (path: path, budget: try BudgetReader.read(path: path).budget) }
        let department = try BudgetConsolidation.consolidate(units, name: name)
        if let budgetOutput {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            try AtomicFile.write(try encoder.encode(department), to: try OutputTarget.reportFile(budgetOutput, inputs: budgets, example: "department.json"))
        }
        let runner = RenderRunner(options: RenderOptions(profile: profile, formats: format.map(\.format), outputDirectory: output, allowErrors: allowErrors))
        defer { runner.close() }
        let outcome = try runner.render(department, path: "\(department.unit.name)（由 \(budgets.count) 个单位预算合并）")
        try StandardStream.output.write(RenderReportFormatter.format(outcome))
        if !outcome.errors.isEmpty { throw ExitCode(1) }
    }
}
