import ArgumentParser
import Foundation
import GongkaiFiles
import GongkaiReport

/// `gongkai bench-batch`
struct BenchBatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-batch",
        abstract: "测量检查大量文件时的耗时和内存：生成一个文件夹的示例公开文件（含空文件和乱码文件），按 check 的方式逐个检查并流式写出报告（用 release 构建运行）。")

    @Option(help: "生成的文件个数（1–1000000）。")
    var files = 10_000

    @Option(help: "报告格式：text、json、csv。")
    var format: CheckCommand.Format = .json

    @Option(help: "作为底本的公开文件（文本）。")
    var example = "examples/chongqing-unit-budget-2024.md"

    mutating func validate() throws {
        guard (1...1_000_000).contains(files) else { throw ValidationError("--files 应在 1 到 1000000 之间，现为 \(files)") }
    }

    func run() throws {
        guard let streamFormat = format.streamFormat else { throw ValidationError("bench-batch 只测量可流式写出的格式：text、json、csv") }
        let result = try BatchBenchmark.run(example: example, count: files, format: streamFormat)
        let lines = ["| measurement | value |", "|---|---:|",
                     "| files checked (a tenth empty, a tenth random bytes) | \(result.files) |",
                     String(format: "| time, %@ report streamed to /dev/null | %.1f s (%.2f ms per file) |", "\(format.rawValue)", result.seconds,
                            result.seconds * 1_000 / Double(max(result.files, 1))),
                     String(format: "| report written | %.1f MB |", Double(result.reportBytes) / 1_048_576),
                     String(format: "| peak memory (max RSS) | %.1f MiB |", result.peakMemoryMiB),
                     "| exit status | \(result.exitCode) |"]
        try StandardStream.output.write(lines.joined(separator: "\n") + "\n")
    }
}
