import ArgumentParser
import Foundation
import GongkaiFiles
import GongkaiImport
import GongkaiReport

/// `gongkai bench-render`
struct BenchRenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-render",
        abstract: "测量 render 的耗时：由示例预算生成多个单位预算，生成 HTML 和 XLSX，并测量复用同一 Chromium 生成 PDF 的耗时（用 release 构建运行）。")

    @Option(help: "生成的单位预算个数。")
    var budgets = 1_000

    @Option(help: "打印 PDF 的个数（0 = 不测 PDF）。")
    var pdfs = 20

    @Option(help: "作为底本的预算数据（JSON），可带口径：文件[:口径]（不带则按预算数据选择）。")
    var base: [String] = ["examples/chongqing-laoganbu-2023-budget.json", "examples/shanghai-civil-affairs-2025/eldercare-centre.json"]

    mutating func validate() throws {
        guard (1...1_000_000).contains(budgets) else { throw ValidationError("--budgets 应在 1 到 1000000 之间，现为 \(budgets)") }
        guard (0...100_000).contains(pdfs) else { throw ValidationError("--pdfs 应在 0 到 100000 之间，现为 \(pdfs)") }
    }

    func run() throws {
        let bases = try base.map { entry in
            let parts = entry.split(separator: ":", maxSplits: 1).map(String.init)
            let budget = try BudgetReader.read(path: parts[0]).budget
            return (budget: budget, profile: parts.count == 2 ? parts[1] : try RenderRunner.profile(for: budget, path: parts[0]).id)
        }
        let result = try RenderBenchmark.run(bases: bases, count: budgets, pdfs: pdfs)
        var lines = ["| measurement | value |", "|---|---:|",
                     String(format: "| %d budgets → rules + render + output check + HTML + XLSX written | %.2f s (%.1f ms per budget) |",
                            result.budgets, result.pipelineSeconds, result.pipelineSeconds * 1_000 / Double(max(result.budgets, 1))),
                     String(format: "| the same, %d budgets at once on all %d cores (as `gongkai render a.json b.json …` does) | %.2f s |",
                            result.budgets, ProcessInfo.processInfo.activeProcessorCount, result.concurrentPipelineSeconds),
                     String(format: "| %d budgets → render + HTML + XLSX written (no rules, one core) | %.2f s |", result.budgets, result.renderOnlySeconds)]
        if let first = result.firstPDFMilliseconds { lines.append(String(format: "| first PDF (Chromium start included) | %.0f ms |", first)) }
        if let reused = result.reusedPDFMilliseconds { lines.append(String(format: "| each further PDF, same Chromium (median of %d) | %.0f ms |", pdfs - 1, reused)) }
        if let fresh = result.freshProcessPDFMilliseconds { lines.append(String(format: "| PDF with a new chromium --print-to-pdf process (median of 3) | %.0f ms |", fresh)) }
        lines.append(String(format: "| peak memory (max RSS of gongkai) | %.1f MiB |", Benchmark.peakMemoryMiB()))
        try StandardStream.output.write(lines.joined(separator: "\n") + "\n")
    }
}
