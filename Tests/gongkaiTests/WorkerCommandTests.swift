import Foundation
import GongkaiStore
import GongkaiTestSupport
import GongkaiWorkflow
import SQLKit
import Testing

/// `gongkai worker` killed with SIGKILL in the middle of a job: the job is taken back and retried,
/// nothing is stored twice, and the other files of the queue are checked as usual.
@Suite struct WorkerCommandTests {
    private let bureau = Actor(id: "bureau", role: .bureauReviewer, scope: Scope(kind: .region, id: "test-region"))

    @Test(.enabled(if: TestFiles.hasPDFReader, "mutool is not installed"))
    func aWorkerKilledMidJobLeavesTheJobToBeRetriedAndNothingStoredTwice() async throws {
        let folder = try TestFiles.temporaryDirectory()
        let url = "sqlite:" + folder.appendingPathComponent("gongkai.sqlite").path
        let opened = try OpenedDatabase(try DatabaseLocation(url: url))
        try await opened.migrate()
        let store = Store(database: opened.database)
        // The slow file is queued first, so the first worker takes it; MuPDF works on it for a minute or more.
        let slow = try await store.createBatch(name: "慢", files: [CheckFile(name: "slow.pdf", data: SlowPDF.fanOut(depth: 22))], by: bureau)
        let example = try Data(contentsOf: URL(fileURLWithPath: TestFiles.example("chongqing-unit-budget-2024.md")))
        let usual = try await store.createBatch(name: "常规", files: [CheckFile(name: "单位预算.md", data: example)], by: bureau)
        let slowJob = try #require(try await store.batchProgress(slow.id).files.first).job.id
        let usualJob = try #require(try await store.batchProgress(usual.id).files.first).job.id

        let first = GongkaiProcess(["worker", "--database-url", url, "--timeout", "600"])
        try first.start()
        var waited = 0
        while try await store.job(slowJob).state != .running, waited < 300 {
            try await Task.sleep(nanoseconds: 100_000_000)
            waited += 1
        }
        #expect(try await store.job(slowJob).state == .running)
        try await Task.sleep(nanoseconds: 300_000_000)
        let helpers = TestFiles.run("/usr/bin/env", ["pgrep", "-P", String(first.process.processIdentifier)]).output
            .split(separator: "\n").compactMap { Int32($0) }
        kill(first.process.processIdentifier, SIGKILL)
        first.process.waitUntilExit()
        for helper in helpers { kill(helper, SIGKILL) }
        #expect(try await store.job(slowJob).state == .running, "the killed worker's job is still locked by it")

        // A second worker takes the stale job back, retries it (now with a short time limit) and checks the rest.
        let second = try GongkaiProcess.run(["worker", "--database-url", url, "--until-idle", "--timeout", "2", "--lease", "0.5"])
        #expect(second.status == 0, "\(second.errors)")
        let retried = try await store.job(slowJob)
        #expect(retried.state == .done && retried.attempts == 2 && retried.outcome == "unreadable")
        let checked = try await store.job(usualJob)
        #expect(checked.state == .done && checked.attempts == 1 && checked.outcome == "checked")

        let direct = try GongkaiProcess.run(["check", TestFiles.example("chongqing-unit-budget-2024.md"), "--format", "json"])
        let report = try JSONSerialization.jsonObject(with: Data(direct.output.utf8)) as? [String: Any]
        let expected = ((report?["documents"] as? [[String: Any]])?.first?["diagnostics"] as? [Any])?.count
        let stored = try await store.findings(ofJob: usualJob)
        #expect(stored.count == expected)
        #expect(try await store.findings(ofJob: slowJob).isEmpty)
        let rows = try await (opened.database as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM check_findings").first()
        #expect(try rows?.decode(column: "n", as: Int.self) == expected)
        await opened.close()
    }
}
