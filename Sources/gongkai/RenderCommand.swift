import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiFiles
import GongkaiReport
import GongkaiRules

/// `gongkai render BUDGET... --format pdf,html --out DIR`
struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "由预算数据（JSON 或填报表 XLSX）生成完整的预算公开文件：全部公开表和情况说明。",
        discussion: """
        先用预算规则检查数据，再生成公开表与说明，并用检查规则复核生成结果；有错误时不写出任何文件（--allow-errors 可强制生成）。
        退出码：0 = 已生成且无错误；1 = 有错误（未生成，或经 --allow-errors 生成）；2 = 文件无法读取或用法错误。
        """)

    @Argument(help: "预算数据文件（.json 或由 gongkai template 生成并填写的 .xlsx），可多个。")
    var budgets: [String]

    @Option(name: .long, parsing: .upToNextOption, help: "输出格式，可多个：pdf html xlsx json csv fdp text（默认 html）。")
    var format: [RenderFormatArgument] = [.init(.html)]

    @Option(name: .customLong("out"), help: "输出文件夹。")
    var output: String

    @Option(help: "公开口径（默认按预算数据的地区、层级和阶段选择；gongkai profiles 列出可生成的口径）。")
    var profile: String?

    @Option(help: "用 CSV 分类科目文件替换内置目录的相应部分。")
    var catalog: String?

    @Flag(name: .customLong("allow-errors"), help: "即使发现错误也生成文件。")
    var allowErrors = false

    func run() throws {
        let runner = RenderRunner(options: RenderOptions(profile: profile, formats: format.map(\.format), outputDirectory: output,
                                                         allowErrors: allowErrors, catalogPath: catalog))
        let results = runner.render(paths: budgets)
        runner.close()
        var exitCode: Int32 = 0
        for (path, result) in zip(budgets, results) {
            switch result {
            case .success(let outcome):
                try StandardStream.output.write(RenderReportFormatter.format(outcome))
                if !outcome.errors.isEmpty { exitCode = max(exitCode, 1) }
            case .failure(let error as GongkaiError):
                try StandardStream.error.write("gongkai: \(error)\n")
                exitCode = 2
            case .failure(let error):
                try StandardStream.error.write("gongkai: \(path): \(error)\n")
                exitCode = 2
            }
        }
        if exitCode != 0 { throw ExitCode(exitCode) }
    }
}

/// A `--format` value.
struct RenderFormatArgument: ExpressibleByArgument {
    let format: RenderFormat

    init(_ format: RenderFormat) { self.format = format }

    init?(argument: String) {
        guard let format = RenderFormat(rawValue: argument.lowercased()) else { return nil }
        self.format = format
    }

    static var allValueStrings: [String] { RenderFormat.allCases.map(\.rawValue) }
}
