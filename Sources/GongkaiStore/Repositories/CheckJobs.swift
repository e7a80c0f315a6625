import FluentKit
import Foundation
import GongkaiFiles
import GongkaiWorkflow
import SQLKit

extension Store {
    /// How many times a job is claimed before it is given up.
    public static let maxJobAttempts = 3

    /// Stores a batch of files for checking, in one transaction: each file's bytes once under their
    /// sha256, one job per distinct file (a file already checked, in this batch or an earlier one,
    /// is not checked again: the sha256 is the idempotency key), and the batch's list of files.
    public func createBatch(name: String, files: [CheckFile], by actor: Actor) async throws -> CheckBatch {
        guard [.bureauReviewer, .bureauAdministrator, .apiClient].contains(actor.role) else {
            throw StoreError.refused(WorkflowRefusal(reason: .roleNotAllowed, message: "只有财政局的账号可以提交批量检查"))
        }
        guard !files.isEmpty else { throw StoreError.invalid("批量检查没有文件") }
        return try await write { db in
            let time = now()
            let batch = CheckBatchRecord()
            batch.id = UUID()
            batch.name = name
            batch.createdBy = actor.id
            batch.regionID = actor.scope.id
            batch.createdAt = time
            try await batch.create(on: db)
            var seen: Set<UUID> = []
            for file in files {
                let digest = SHA256.hex(file.data)
                try await storeBlob(file.data, sha256: digest, time: time, on: db)
                // One job per file, whoever inserts it first; a file whose checks all failed is
                // queued again when it is uploaded again.
                try await sql(db).insert(into: CheckJobRecord.schema)
                    .columns("id", "sha256", "file_name", "state", "attempts", "max_attempts", "run_after", "created_at")
                    .values(SQLBind(UUID()), SQLBind(digest), SQLBind(file.name), SQLBind(JobState.queued.rawValue), SQLBind(0),
                            SQLBind(Self.maxJobAttempts), SQLBind(time), SQLBind(time))
                    .ignoringConflicts(with: ["sha256"]).run()
                try await sql(db).update(CheckJobRecord.schema)
                    .set("state", to: JobState.queued.rawValue).set("attempts", to: 0).set("run_after", to: time)
                    .set("locked_by", to: SQLLiteral.null).set("locked_at", to: SQLLiteral.null)
                    .set("error", to: SQLLiteral.null).set("outcome", to: SQLLiteral.null).set("finished_at", to: SQLLiteral.null)
                    .where("sha256", .equal, digest).where("state", .equal, JobState.failed.rawValue).run()
                guard let job = try await CheckJobRecord.query(on: db).filter(\.$sha256 == digest).first() else {
                    throw StoreError.notFound("检查任务 \(digest)")
                }
                let jobID = try job.requireID()
                guard seen.insert(jobID).inserted else { continue }
                let item = CheckBatchItemRecord()
                item.batchID = try batch.requireID()
                item.jobID = jobID
                item.fileName = file.name
                try await item.create(on: db)
            }
            try await appendAudit(AuditEntry(actor: actor, action: "create-check-batch", objectKind: "check-batch",
                                             objectID: try batch.requireID().uuidString, region: UUID(uuidString: actor.scope.id), reason: "\(name)：\(files.count) 个文件"), on: db)
            return try Self.batch(batch)
        }
    }

    /// Claims the oldest queued job whose retry time has come, for `worker`. On PostgreSQL several
    /// workers claim at once without waiting for each other (`FOR UPDATE SKIP LOCKED`); SQLite has
    /// one writer, so the claim is atomic anyway.
    public func claimJob(worker: String) async throws -> ClaimedJob? {
        let sql = try sql(database)
        let time = now()
        let skipLocked = isPostgres(database) ? " FOR UPDATE SKIP LOCKED" : ""
        let rows = try await sql.raw("""
            UPDATE check_jobs SET state = 'running', locked_by = \(bind: worker), locked_at = \(bind: time), attempts = attempts + 1
            WHERE id = (SELECT id FROM check_jobs WHERE state = 'queued' AND run_after <= \(bind: time)
                        ORDER BY created_at, id LIMIT 1\(unsafeRaw: skipLocked))
            AND state = 'queued'
            RETURNING id, sha256, file_name, attempts
            """).all()
        guard let row = rows.first else { return nil }
        return ClaimedJob(id: try row.decode(column: "id", as: UUID.self), sha256: try row.decode(column: "sha256", as: String.self),
                          fileName: try row.decode(column: "file_name", as: String.self), attempt: try row.decode(column: "attempts", as: Int.self))
    }

    /// Puts back the jobs whose worker has held them longer than `lease` (it died or hangs): queued
    /// again at once, or failed when that was their last attempt. Returns how many.
    @discardableResult
    public func reapStaleJobs(lease: TimeInterval) async throws -> Int {
        let cutoff = Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(clock().addingTimeInterval(-lease))
        let time = now()
        let rows = try await sql(database).raw("""
            UPDATE check_jobs SET
              state = CASE WHEN attempts >= max_attempts THEN 'failed' ELSE 'queued' END,
              error = CASE WHEN attempts >= max_attempts THEN '检查进程多次中断，已放弃该文件' ELSE error END,
              locked_by = NULL, locked_at = NULL, run_after = \(bind: time)
            WHERE state = 'running' AND locked_at < \(bind: cutoff)
            RETURNING id
            """).all()
        return rows.count
    }

    /// Records a claimed job's outcome and findings in one transaction, if `worker` still holds it;
    /// returns false (and stores nothing) when its lock was reaped and the job went to another.
    public func completeJob(_ id: UUID, worker: String, outcome: CheckOutcome) async throws -> Bool {
        try await write { db in
            let errors = outcome.findings.filter { $0.severity == "error" }.count
            let updated = try await sql(db).update(CheckJobRecord.schema)
                .set("state", to: JobState.done.rawValue).set("outcome", to: outcome.outcome).set("error", to: outcome.error)
                .set("profile", to: outcome.profile).set("error_findings", to: errors).set("finished_at", to: now())
                .set("assessment", to: outcome.assessment)
                .set("locked_by", to: SQLLiteral.null).set("locked_at", to: SQLLiteral.null)
                .where("id", .equal, id).where("state", .equal, JobState.running.rawValue).where("locked_by", .equal, worker)
                .returning("id").all()
            guard !updated.isEmpty else { return false }
            for (position, finding) in outcome.findings.enumerated() {
                let record = CheckFindingRecord()
                record.jobID = id
                record.position = position
                record.rule = finding.rule
                record.severity = finding.severity
                record.message = finding.message
                record.page = finding.page
                record.tableTitle = finding.table
                record.code = finding.code
                record.column = finding.column
                record.found = finding.found
                record.expected = finding.expected
                try await record.create(on: db)
            }
            return true
        }
    }

    /// Gives a claimed job back after a failure of the worker's own (not of the file): retried after
    /// `2^attempt × backoff` seconds, or failed after its last attempt.
    public func failJob(_ id: UUID, worker: String, error: String, backoff: TimeInterval = 5) async throws {
        guard let job = try await CheckJobRecord.find(id, on: database) else { throw StoreError.notFound("检查任务 \(id)") }
        let last = job.attempts >= job.maxAttempts
        let retry = Date.ISO8601FormatStyle(includingFractionalSeconds: true)
            .format(clock().addingTimeInterval(min(backoff * pow(2, Double(job.attempts)), 600)))
        try await sql(database).update(CheckJobRecord.schema)
            .set("state", to: last ? JobState.failed.rawValue : JobState.queued.rawValue).set("error", to: error)
            .set("run_after", to: retry).set("locked_by", to: SQLLiteral.null).set("locked_at", to: SQLLiteral.null)
            .where("id", .equal, id).where("locked_by", .equal, worker).run()
    }

    /// A batch with each file's job, and the count per state.
    public func batchProgress(_ id: UUID) async throws -> BatchProgress {
        guard let batch = try await CheckBatchRecord.find(id, on: database) else { throw StoreError.notFound("批量检查 \(id)") }
        let items = try await CheckBatchItemRecord.query(on: database).filter(\.$batchID == id).all()
        let jobs = try await CheckJobRecord.query(on: database).filter(\.$id ~~ items.map(\.jobID)).all()
        let byID = Dictionary(uniqueKeysWithValues: try jobs.map { (try $0.requireID(), $0) })
        let files = try items.compactMap { item in try byID[item.jobID].map { BatchProgress.BatchFile(name: item.fileName, job: try Self.job($0)) } }
            .sorted { $0.name < $1.name }
        var byState: [String: Int] = [:]
        for state in JobState.allCases { byState[state.rawValue] = files.filter { $0.job.state == state }.count }
        return BatchProgress(batch: try Self.batch(batch), total: files.count, byState: byState, files: files)
    }

    /// The findings of a job, in order.
    public func findings(ofJob id: UUID) async throws -> [CheckFinding] {
        try await CheckFindingRecord.query(on: database).filter(\.$jobID == id).sort(\.$position).all().map {
            CheckFinding(rule: $0.rule, severity: $0.severity, message: $0.message, page: $0.page, table: $0.tableTitle, code: $0.code,
                         column: $0.column, found: $0.found, expected: $0.expected)
        }
    }

    /// A job by id.
    public func job(_ id: UUID) async throws -> CheckJob {
        guard let record = try await CheckJobRecord.find(id, on: database) else { throw StoreError.notFound("检查任务 \(id)") }
        return try Self.job(record)
    }

    static func job(_ record: CheckJobRecord) throws -> CheckJob {
        guard let state = JobState(rawValue: record.state) else { throw StoreError.invalid("检查任务状态“\(record.state)”无效") }
        return CheckJob(id: try record.requireID(), sha256: record.sha256, fileName: record.fileName, state: state,
                 attempts: record.attempts, outcome: record.outcome, error: record.error, profile: record.profile,
                 errorFindings: record.errorFindings, finishedAt: record.finishedAt, assessment: record.assessment)
    }

    static func batch(_ record: CheckBatchRecord) throws -> CheckBatch {
        CheckBatch(id: try record.requireID(), name: record.name, createdBy: record.createdBy, regionID: record.regionID, createdAt: record.createdAt)
    }
}

extension Store {
    /// The region's batches, newest first, at most `limit`.
    public func batches(inRegion regionID: String, limit: Int = 20) async throws -> [CheckBatch] {
        try await CheckBatchRecord.query(on: database).filter(\.$regionID == regionID).sort(\.$createdAt, .descending).limit(limit).all().map(Self.batch)
    }

    /// How many error findings each rule reported over the files of a batch, most first.
    public func errorCountsByRule(inBatch batchID: UUID) async throws -> [(rule: String, count: Int)] {
        try await sql(database).raw("""
            SELECT f.rule, COUNT(*) AS n FROM check_findings f JOIN check_batch_items i ON i.job_id = f.job_id
            WHERE i.batch_id = \(bind: batchID) AND f.severity = 'error' GROUP BY f.rule ORDER BY n DESC, f.rule
            """).all().map { (try $0.decode(column: "rule", as: String.self), try $0.decode(column: "n", as: Int.self)) }
    }
}
