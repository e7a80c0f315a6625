import ArgumentParser
import Foundation
import GongkaiServer

/// `gongkai bench-checks`
struct BenchChecksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-checks",
        abstract: "批量检查基准：把文件夹中的 PDF 复制成指定份数（每份末尾加一行注释，sha256 各不相同）作为一批放入任务表，启动若干个 gongkai worker 子进程检查完，报告总用时和每个进程的内存峰值（用 release 构建；多个进程需 PostgreSQL）。")

    @Argument(help: "PDF 所在文件夹。")
    var folder: String

    @Option(help: "一批的文件份数。")
    var files = 500

    @Option(help: "gongkai worker 进程数。")
    var workers = 2

    @Option(help: "数据库：postgres://…（多个进程时）或 sqlite:文件路径。")
    var databaseURL: String

    mutating func validate() throws {
        guard (1...100_000).contains(files) else { throw ValidationError("--files 应在 1 到 100000 之间") }
        guard (1...16).contains(workers) else { throw ValidationError("--workers 应在 1 到 16 之间") }
        if workers > 1, !databaseURL.hasPrefix("postgres") { throw ValidationError("SQLite 只能有一个 worker；多个进程请用 postgres:// 数据库") }
    }

    func run() throws {
        let directory = URL(fileURLWithPath: folder)
        let sources = try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension.lowercased() == "pdf" }.sorted { $0.path < $1.path }
        guard !sources.isEmpty else { throw ValidationError("文件夹 \(folder) 中没有 PDF") }
        let result = try Blocking.run { [databaseURL, files, workers] in
            try await CheckBatchBenchmark.run(url: databaseURL, sources: sources, files: files, workers: workers, executable: "/proc/self/exe")
        }
        let memory = result.peakMiB.map { String(format: "%.0f MiB", $0) }.joined(separator: ", ")
        print(String(format: "%d 个文件（来自 %d 个 PDF），%d 个进程：%.1f 秒（每个文件 %.2f 秒）；内存峰值 %@；已检查 %d，无法读取 %d；任务状态 %@",
                     result.files, sources.count, workers, result.seconds, result.seconds / Double(max(result.files, 1)), memory,
                     result.checked, result.unreadable, result.byState.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: "，")))
    }
}
