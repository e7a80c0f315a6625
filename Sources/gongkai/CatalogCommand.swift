import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiFiles

/// `gongkai catalog [CODE...]`
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "catalog", abstract: "查询内置分类科目目录（含每行的来源可信度）。")

    @Argument(help: "科目编码；不指定则列出目录统计。")
    var codes: [String] = []

    @Option(help: "年度。")
    var year = 2023

    mutating func validate() throws {
        guard Budget.years.contains(year) else { throw ValidationError("--year 应在 \(Budget.years.lowerBound) 到 \(Budget.years.upperBound) 之间，现为 \(year)") }
    }

    func run() throws {
        let catalog = try Catalog.bundled(year: year)
        var lines: [String] = []
        if codes.isEmpty {
            for scheme in ClassificationScheme.allCases {
                let entries = catalog.entries(of: scheme)
                let confirmed = entries.filter(\.provenance.isConfirmed).count
                lines.append("\(scheme.rawValue)：\(entries.count) 行，其中 \(confirmed) 行经公开来源或真实公开文件核实")
            }
            lines.append("来源：\(catalog.origin)")
        }
        for text in codes {
            guard let code = ClassificationCode(digits: text) else {
                lines.append("\(text)：不是有效的科目编码")
                continue
            }
            if let entry = catalog.entry(for: code) {
                lines.append("\(entry.code) \(entry.name)（\(entry.level.chineseName)，\(entry.provenance.status)\(entry.provenance.evidence.isEmpty ? "" : "：\(entry.provenance.evidence)")）")
            } else {
                lines.append("\(text)：目录中没有")
            }
        }
        try StandardStream.output.write((lines.joined(separator: "\n") + "\n"))
    }
}
