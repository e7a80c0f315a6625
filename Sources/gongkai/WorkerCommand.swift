import ArgumentParser
import Foundation
import GongkaiServer
import GongkaiStore
import NIOPosix

/// `gongkai worker`
struct WorkerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker",
        abstract: "批量检查的工作进程：从数据库的任务表领取上传的文件逐个检查并保存发现。PostgreSQL 上可同时运行多个；SQLite 上运行一个（gongkai serve 自带一个）。")

    @Option(name: .long, help: "数据库：postgres://… 或 sqlite:文件路径；默认读环境变量 DATABASE_URL，再默认 sqlite:gongkai.sqlite。")
    var databaseURL: String?

    @Flag(name: .long, help: "任务表空了就退出（默认一直等待新任务）。")
    var untilIdle = false

    @Option(name: .long, help: "每个文件检查的时限（秒，默认 120），超时记为无法读取。")
    var timeout: Double = 120

    @Option(name: .long, help: "任务被某个进程持有超过多少秒即收回重试（默认时限加 60）。")
    var lease: Double?

    @Option(name: .long, help: "本进程的名称，记入所领任务（默认 主机名-进程号）。")
    var name: String?

    func run() throws {
        let url = databaseURL ?? ProcessInfo.processInfo.environment["DATABASE_URL"] ?? "sqlite:gongkai.sqlite"
        let location = try DatabaseLocation(url: url)
        let processed = try Blocking.run { [untilIdle, timeout, lease, name] in
            let opened = try OpenedDatabase(location)
            // Checks run on threads of their own, apart from the ones the SQLite driver blocks on.
            let threads = NIOThreadPool(numberOfThreads: 1)
            threads.start()
            do {
                // The server migrates; a worker of an older or newer build must not.
                guard try await opened.isMigrated() else {
                    throw ValidationError("数据库 \(url) 尚未建立或版本不符：请先用同一版本的 gongkai serve 打开它")
                }
                let store = Store(database: opened.database)
                let worker = name.map { CheckWorker(store: store, threads: threads, name: $0, timeout: timeout, lease: lease) }
                    ?? CheckWorker(store: store, threads: threads, timeout: timeout, lease: lease)
                let processed = try await worker.run(untilIdle: untilIdle)
                try? await threads.shutdownGracefully()
                await opened.close()
                return processed
            } catch {
                try? await threads.shutdownGracefully()
                await opened.close()
                throw error
            }
        }
        print("已处理 \(processed) 个文件。")
    }
}
