import Foundation
import GongkaiCore
import GongkaiReport
import GongkaiRules
import GongkaiStore
import Logging
import NIOPosix

/// A worker of batch checking: claims a job from the job table, checks the file with the same
/// `CheckRunner` as `gongkai check`, and stores its findings with the job's completion in one
/// transaction. Jobs whose worker died are put back after `lease` seconds and retried; a file
/// that cannot be read is a finished job ("unreadable"), not a failure.
public struct CheckWorker: Sendable {
    /// The store.
    public let store: Store
    /// This worker's name, written into the jobs it holds.
    public let name: String
    /// Seconds after which a job held by a worker is taken back from it.
    public let lease: TimeInterval
    /// Seconds one file may take to check before it is reported as unreadable (timed out).
    public let timeout: Double
    /// The threads checks run on, apart from the database driver's.
    let threads: NIOThreadPool

    /// Creates a worker that checks on `threads`; `lease` should be longer than `timeout`.
    public init(store: Store, threads: NIOThreadPool, name: String = "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)",
                timeout: Double = 120, lease: TimeInterval? = nil) {
        self.store = store
        self.threads = threads
        self.name = name
        self.timeout = timeout
        self.lease = lease ?? timeout + 60
    }

    /// Takes back stale jobs, then processes one job if there is one; returns whether it did.
    @discardableResult
    public func runOnce() async throws -> Bool {
        try await store.reapStaleJobs(lease: lease)
        guard let job = try await store.claimJob(worker: name) else { return false }
        do {
            let data = try await store.blob(job.sha256)
            let outcome = try await check(data, named: job.fileName)
            _ = try await store.completeJob(job.id, worker: name, outcome: outcome)
        } catch {
            try await store.failJob(job.id, worker: name, error: String(describing: error))
        }
        return true
    }

    /// Processes jobs until there are none left (`untilIdle`) or until cancelled, waiting `poll`
    /// seconds when the table is empty; returns how many it processed. Run until idle, it stops at
    /// the first error (a command reports it); run for good, it logs the error and tries again after
    /// a pause that doubles up to a minute, so a database restart does not end it.
    public func run(untilIdle: Bool, poll: TimeInterval = 1, logger: Logger = Logger(label: "gongkai.worker")) async throws -> Int {
        var processed = 0
        var failures = 0
        while !Task.isCancelled {
            do {
                let didWork = try await runOnce()
                failures = 0
                if didWork {
                    processed += 1
                } else if untilIdle {
                    return processed
                } else {
                    try await Task.sleep(nanoseconds: UInt64(poll * 1_000_000_000))
                }
            } catch is CancellationError {
                throw CancellationError()
            } catch {
                if untilIdle { throw error }
                failures += 1
                let pause = min(60, poll * pow(2, Double(min(failures, 6))))
                logger.error("批量检查工作进程出错，\(Int(pause)) 秒后重试：\(error)")
                try await Task.sleep(nanoseconds: UInt64(pause * 1_000_000_000))
            }
        }
        return processed
    }

    /// Checks one file's bytes, written to a private temporary folder under its own name.
    func check(_ data: Data, named fileName: String) async throws -> CheckOutcome {
        let timeout = timeout
        let dimensions = try DimensionMap.standard()
        return try await threads.runIfActive {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-job-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let safeName = (fileName as NSString).lastPathComponent.replacingOccurrences(of: "\0", with: "")
            let file = folder.appendingPathComponent(safeName.isEmpty ? "upload" : safeName)
            try data.write(to: file)
            let report = try CheckRunner(options: CheckOptions(timeout: timeout)).run(paths: [file.path])
            guard let document = report.documents.first else {
                let reason = "不是可检查的文件（支持 PDF、XLSX、HTML、文本）"
                let assessment = try JSONEncoder().encode(ChecklistDocument(notChecked: fileName, reason: reason))
                return CheckOutcome(outcome: "unreadable", error: reason, findings: [], assessment: String(decoding: assessment, as: UTF8.self))
            }
            let findings = document.diagnostics.map { diagnostic in
                CheckFinding(rule: diagnostic.rule, severity: diagnostic.severity.rawValue, message: diagnostic.message, page: diagnostic.location?.page,
                             table: diagnostic.tableTitle, code: diagnostic.code, column: diagnostic.column, found: diagnostic.found,
                             expected: diagnostic.expected)
            }
            var checklist = ChecklistDocument(document, dimensions: dimensions)
            checklist.path = fileName
            let assessment = String(decoding: try JSONEncoder().encode(checklist), as: UTF8.self)
            return CheckOutcome(outcome: document.status == .checked ? "checked" : "unreadable",
                                error: document.error.map { $0.message }, profile: document.profile?.id, findings: findings, assessment: assessment)
        }
    }
}
