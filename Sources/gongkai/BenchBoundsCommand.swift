import ArgumentParser
import Foundation
import GongkaiFiles
import GongkaiReport

/// `gongkai bench-bounds`
struct BenchBoundsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-bounds",
        abstract: "测量各读取器的耗时和内存随输入增大的变化：生成 1×、2×、4×、8× 大小的超大输入（长行文本、无标点短行、表格、数字页 PDF、大工作簿），逐个用子进程检查（用 release 构建运行；结果记入 BENCHMARKS.md）。")

    @Option(help: "只测量名称包含该文字的输入（如 PDF、XLSX、text）。")
    var only: String?

    @Option(parsing: .upToNextOption, help: "倍数（默认 1 2 4 8）。")
    var scales: [Int] = [1, 2, 4, 8]

    mutating func validate() throws {
        guard scales.allSatisfy({ (1...64).contains($0) }) else { throw ValidationError("--scales 的每个倍数应在 1 到 64 之间") }
    }

    func run() throws {
        try StandardStream.output.write("| input | unit (1×) | scale | file size | time | peak memory | outcome |\n|---|---|---:|---:|---:|---:|---|\n")
        var previous: (family: String, seconds: Double)?
        try BoundsBenchmark.run(executable: "/proc/self/exe", scales: scales, filter: only) { result in
            let unit = BoundsBenchmark.families.first { $0.name == result.family }?.unit ?? ""
            let growth = previous.flatMap { $0.family == result.family && $0.seconds > 0.05 ? String(format: " (%.1f×)", result.seconds / $0.seconds) : nil } ?? ""
            previous = (result.family, result.seconds)
            let size = result.bytes >= 1_048_576 ? String(format: "%.1f MB", Double(result.bytes) / 1_048_576) : String(format: "%.0f KB", Double(result.bytes) / 1_024)
            let time = String(format: "%.2f s", result.seconds), memory = String(format: "%.0f MiB", result.peakMemoryMiB)
            try StandardStream.output.write("| \(result.family) | \(unit) | \(result.scale)× | \(size) | \(time)\(growth) | \(memory) | \(result.outcome) |\n")
        }
    }
}
