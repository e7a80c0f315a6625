import Foundation
import GongkaiStore
import GongkaiWorkflow
import Testing

private let bureau = Actor(id: "bureau", role: .bureauReviewer, scope: Scope(kind: .region, id: "region-1"))

private func files(_ names: [String]) -> [CheckFile] {
    names.map { CheckFile(name: $0, data: Data("内容：\($0)".utf8)) }
}

private let outcome = CheckOutcome(outcome: "checked", profile: "generic", findings: [
    CheckFinding(rule: "column-total", severity: "error", message: "合计不等于各项之和", page: 3),
    CheckFinding(rule: "year-mixup", severity: "warning", message: "年度不一致"),
])

@Suite struct CheckJobTests {
    @Test(arguments: Backend.available)
    func theSameFileIsOneJobAcrossBatches(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let first = try await store.createBatch(name: "一", files: files(["a.pdf", "b.pdf", "a-copy.pdf"].map { $0 == "a-copy.pdf" ? "a.pdf" : $0 }), by: bureau)
            let second = try await store.createBatch(name: "二", files: files(["b.pdf", "c.pdf"]), by: bureau)
            #expect(try await store.batchProgress(first.id).total == 2)
            let progress = try await store.batchProgress(second.id)
            #expect(progress.total == 2 && progress.byState["queued"] == 2)
            var claimed: [ClaimedJob] = []
            while let job = try await store.claimJob(worker: "w") { claimed.append(job) }
            #expect(claimed.count == 3)
        }
    }

    @Test(arguments: Backend.available)
    func aCompletedJobStoresItsFindingsOnceAndOnlyForTheWorkerHoldingIt(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            let batch = try await store.createBatch(name: "一", files: files(["a.pdf"]), by: bureau)
            let job = try #require(try await store.claimJob(worker: "w1"))
            #expect(job.attempt == 1)
            #expect(try await store.completeJob(job.id, worker: "w2", outcome: outcome) == false)
            #expect(try await store.completeJob(job.id, worker: "w1", outcome: outcome))
            #expect(try await store.completeJob(job.id, worker: "w1", outcome: outcome) == false)
            #expect(try await store.findings(ofJob: job.id) == outcome.findings)
            let done = try await store.batchProgress(batch.id).files[0].job
            #expect(done.state == .done && done.errorFindings == 1 && done.profile == "generic")
        }
    }

    @Test(arguments: Backend.available)
    func aStaleJobIsTakenBackAndItsLateWorkerCannotCompleteIt(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            _ = try await store.createBatch(name: "一", files: files(["a.pdf"]), by: bureau)
            let job = try #require(try await store.claimJob(worker: "dead"))
            #expect(try await store.reapStaleJobs(lease: 3600) == 0)
            #expect(try await store.reapStaleJobs(lease: -1) == 1)
            let again = try #require(try await store.claimJob(worker: "alive"))
            #expect(again.id == job.id && again.attempt == 2)
            #expect(try await store.completeJob(job.id, worker: "dead", outcome: outcome) == false)
            #expect(try await store.completeJob(job.id, worker: "alive", outcome: outcome))
            #expect(try await store.findings(ofJob: job.id).count == outcome.findings.count)
        }
    }

    @Test(arguments: Backend.available)
    func aFailingJobWaitsBeforeItsRetryAndIsGivenUpAfterItsLastAttempt(_ backend: Backend) async throws {
        try await withStore(backend) { store, _ in
            _ = try await store.createBatch(name: "一", files: files(["a.pdf"]), by: bureau)
            let job = try #require(try await store.claimJob(worker: "w"))
            try await store.failJob(job.id, worker: "w", error: "数据库断开")
            #expect(try await store.job(job.id).state == .queued)
            #expect(try await store.claimJob(worker: "w") == nil, "retried only after its back-off")
        }
        try await withStore(backend) { store, _ in
            _ = try await store.createBatch(name: "一", files: files(["a.pdf"]), by: bureau)
            var attempts: [Int] = []
            var id: UUID?
            // A back-off in the past makes each retry due at once.
            while let claimed = try await store.claimJob(worker: "w") {
                attempts.append(claimed.attempt)
                id = claimed.id
                try await store.failJob(claimed.id, worker: "w", error: "第 \(claimed.attempt) 次失败", backoff: -100)
            }
            #expect(attempts == Array(1...Store.maxJobAttempts))
            let given = try await store.job(try #require(id))
            #expect(given.state == .failed && given.error == "第 \(Store.maxJobAttempts) 次失败")
            // Uploaded again, the file that was given up is checked again from its first attempt.
            _ = try await store.createBatch(name: "二", files: files(["a.pdf"]), by: bureau)
            let requeued = try await store.job(given.id)
            #expect(requeued.state == .queued && requeued.attempts == 0 && requeued.error == nil)
            #expect(try await store.claimJob(worker: "w")?.attempt == 1)
        }
    }

    @Test(.enabled(if: Backend.postgresURL != nil, "GONGKAI_TEST_POSTGRES_URL is not set"))
    func workersClaimingAtOnceOnPostgreSQLNeverShareAJob() async throws {
        try await withStore(.postgres) { store, _ in
            _ = try await store.createBatch(name: "多", files: files((1...40).map { "\($0).pdf" }), by: bureau)
            let claims = try await withThrowingTaskGroup(of: [UUID].self) { group in
                for worker in 0..<4 {
                    group.addTask {
                        var mine: [UUID] = []
                        while let job = try await store.claimJob(worker: "w\(worker)") { mine.append(job.id) }
                        return mine
                    }
                }
                return try await group.reduce(into: [[UUID]]()) { $0.append($1) }
            }
            let all = claims.flatMap { $0 }
            #expect(all.count == 40 && Set(all).count == 40)
        }
    }
}
