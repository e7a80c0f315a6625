import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiFiles
import GongkaiImport
import GongkaiRules

/// `gongkai template --profile P > budget.xlsx`
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "写出空白的预算数据填报表（XLSX，含填报说明和下拉选项），填好后交给 gongkai render。")

    @Option(help: "公开口径，写入填报说明（默认 generic，全国最低要求）。")
    var profile: String = "generic"

    @Option(name: [.short, .long], help: "写入文件（不指定则写到标准输出）。")
    var output: String?

    func run() throws {
        let chosen = try Profile.named(profile)
        let data: Data
        do {
            let year = Calendar(identifier: .gregorian).component(.year, from: Date())
            data = try BudgetWorkbookWriter.workbook(profile: chosen, catalog: try Catalog.bundled(year: year))
        } catch {
            throw GongkaiError(.writeFailed, "无法生成填报表：\(error)")
        }
        if let output {
            try AtomicFile.write(data, to: try OutputTarget.reportFile(output, inputs: [], example: "budget.xlsx"))
        } else {
            try StandardStream.output.write(data)
        }
    }
}
