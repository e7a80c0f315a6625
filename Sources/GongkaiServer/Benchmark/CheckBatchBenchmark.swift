import Foundation
import GongkaiFiles
import GongkaiReport
import GongkaiStore
import GongkaiWorkflow

/// Batch checking end to end (`gongkai bench-checks`): a batch of `files` PDFs goes into the job
/// table as an upload does, `workers` child `gongkai worker --until-idle` processes check it, and
/// the wall time until the last job is done and each worker's peak memory are reported. The PDFs
/// are the given ones, each copy made distinct by a comment line appended after its end (a PDF
/// reader ignores it; the sha256, the idempotency key, differs), so every copy is really checked.
public enum CheckBatchBenchmark {
    /// What a run measured.
    public struct Result: Sendable {
        /// Files in the batch.
        public var files: Int
        /// Seconds from the first worker's start to the last one's end.
        public var seconds: Double
        /// Each worker's peak memory, MiB.
        public var peakMiB: [Double]
        /// Jobs by state at the end.
        public var byState: [String: Int]
        /// Files read and checked.
        public var checked: Int
        /// Files found unreadable.
        public var unreadable: Int
    }

    /// Runs the benchmark on the database at `url` (migrated here if new), with the PDFs of
    /// `sources` copied round-robin to `files`, using `executable` as the worker.
    public static func run(url: String, sources: [URL], files: Int, workers: Int, executable: String) async throws -> Result {
        let location = try DatabaseLocation(url: url)
        let opened = try OpenedDatabase(location)
        do {
            try await opened.migrate()
            let store = Store(database: opened.database)
            let run = UUID().uuidString
            let region = try await store.createRegion(code: "bench-\(run.prefix(8))", name: "批量检查基准", by: Store.system)
            let bureau = Actor(id: "bench-bureau", role: .bureauReviewer, scope: Scope(kind: .region, id: region.id.uuidString))
            var upload: [CheckFile] = []
            for index in 0..<files {
                let source = sources[index % sources.count]
                var data = try Data(contentsOf: source)
                data.append(Data("\n% gongkai bench-checks \(run) copy \(index)\n".utf8))
                upload.append(CheckFile(name: "\(index)-\(source.lastPathComponent)", data: data))
            }
            let batch = try await store.createBatch(name: "基准 \(run.prefix(8))", files: upload, by: bureau)
            let measured = try await withThrowingTaskGroup(of: (seconds: Double, peakMiB: Double, status: Int32).self) { group in
                for worker in 0..<workers {
                    group.addTask {
                        try ChildProcessMeasurement.measure(executable: executable, arguments: ["worker", "--database-url", url, "--until-idle",
                                                                                                "--name", "bench-\(worker)"], output: "/dev/null")
                    }
                }
                var all: [(seconds: Double, peakMiB: Double, status: Int32)] = []
                for try await result in group { all.append(result) }
                return all
            }
            if let failed = measured.first(where: { $0.status != 0 }) {
                throw StoreError.invalid("一个 gongkai worker 进程以状态 \(failed.status) 退出")
            }
            let progress = try await store.batchProgress(batch.id)
            let outcomes = progress.files.map(\.job.outcome)
            await opened.close()
            return Result(files: progress.total, seconds: measured.map(\.seconds).max() ?? 0, peakMiB: measured.map(\.peakMiB),
                          byState: progress.byState, checked: outcomes.filter { $0 == "checked" }.count,
                          unreadable: outcomes.filter { $0 == "unreadable" }.count)
        } catch {
            await opened.close()
            throw error
        }
    }
}
