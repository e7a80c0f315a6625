import ArgumentParser
import Foundation
import GongkaiFiles
import GongkaiImport
import GongkaiReport

/// `gongkai bench FILE...`
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "测量导入与检查的耗时（用 release 构建运行；结果记入 BENCHMARKS.md）。")

    @Argument(help: "要测量的文件。")
    var paths: [String]

    @Option(help: "进程内导入+检查的重复次数。")
    var iterations = 200

    @Option(name: .customLong("pdf-runs"), help: "PDF 整体检查与单独运行提取程序的重复次数（取中位数）。")
    var pdfRuns = 11

    @OptionGroup var pdfReader: PDFReaderOption

    mutating func validate() throws {
        guard (1...1_000_000).contains(iterations) else { throw ValidationError("--iterations 应在 1 到 1000000 之间，现为 \(iterations)") }
        guard (1...10_000).contains(pdfRuns) else { throw ValidationError("--pdf-runs 应在 1 到 10000 之间，现为 \(pdfRuns)") }
    }

    func run() throws {
        let importer = DisclosureImporter(options: ImportOptions(pdfExtractor: pdfReader.extractor))
        let results = try Benchmark.run(paths: paths, iterations: iterations, pdfRuns: pdfRuns, importer: importer)
        var lines = ["| file | import+check in process | check incl. \(pdfReader.extractor.rawValue) | \(pdfReader.extractor.rawValue) alone | pdftotext -tsv alone | check ÷ pdftotext | findings |",
                     "|---|---:|---:|---:|---:|---:|---:|"]
        for result in results {
            let name = (result.path as NSString).lastPathComponent
            let inProcess = result.inProcessMicroseconds < 1_000 ? String(format: "%.1f µs", result.inProcessMicroseconds)
                : String(format: "%.2f ms", result.inProcessMicroseconds / 1_000)
            let total = result.totalMilliseconds.map { String(format: "%.1f ms", $0) } ?? "—"
            let alone = result.extractorMilliseconds.map { String(format: "%.1f ms", $0) } ?? "—"
            let reference = result.pdftotextMilliseconds.map { String(format: "%.1f ms", $0) } ?? "—"
            let ratio = zip([result.totalMilliseconds], [result.pdftotextMilliseconds]).compactMap { a, b in
                a.flatMap { a in b.map { String(format: "%.2f×", a / $0) } } }.first ?? "—"
            lines.append("| \(name) | \(inProcess) | \(total) | \(alone) | \(reference) | \(ratio) | \(result.findings) |")
        }
        lines.append(String(format: "peak memory (max RSS): %.1f MiB", Benchmark.peakMemoryMiB()))
        try StandardStream.output.write(lines.joined(separator: "\n") + "\n")
    }
}
