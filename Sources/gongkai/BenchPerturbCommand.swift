import ArgumentParser
import Foundation
import GongkaiFiles
import GongkaiImport
import GongkaiReport

/// `gongkai bench-perturb PDF...`
struct BenchPerturbCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-perturb",
        abstract: "测量检查结果对文字位置的敏感程度：把 PDF 中每个词随机移动至多 ±N 点（可重复的种子），比较前后的错误（规则与页码）。")

    @Argument(help: "PDF 文件。")
    var paths: [String]

    @Option(help: "最大移动距离（点）。")
    var points = 1.5

    @Option(help: "每个文件的扰动次数。")
    var runs = 3

    @Option(help: "随机种子。")
    var seed: UInt64 = 20_261_201

    @OptionGroup var pdfReader: PDFReaderOption

    mutating func validate() throws {
        guard points > 0, points <= 20 else { throw ValidationError("--points 应在 0 到 20 之间，现为 \(points)") }
        guard (1...100).contains(runs) else { throw ValidationError("--runs 应在 1 到 100 之间，现为 \(runs)") }
    }

    func run() throws {
        let results = try PerturbationBenchmark.run(paths: paths, points: points, runs: runs, seed: seed,
                                                    importer: DisclosureImporter(options: ImportOptions(pdfExtractor: pdfReader.extractor)))
        var lines = ["seed \(seed), ±\(points) pt, \(runs) runs", "| file | errors | errors moved (per run) | findings changed (per run) |", "|---|---:|---:|---:|"]
        for result in results {
            lines.append("| \((result.path as NSString).lastPathComponent) | \(result.errors) | \(result.perturbedErrors.map(String.init).joined(separator: ", ")) | "
                + "\(result.changed.map(String.init).joined(separator: ", ")) |")
        }
        try StandardStream.output.write(lines.joined(separator: "\n") + "\n")
    }
}
