import Foundation
import GongkaiCore
import GongkaiImport
import GongkaiReport
import GongkaiTestSupport
import Testing

/// `check --timeout`: a document that takes longer than its limit is reported as unreadable
/// (`timed-out`, naming the limit) and the batch goes on with the next file.
@Suite struct TimeoutTests {
    @Test func aDocumentPastItsTimeLimitIsUnreadableAndTheBatchGoesOn() throws {
        let example = TestFiles.example("chongqing-unit-budget-2024.md")
        var reports: [DocumentReport] = []
        let tight = CheckRunner(options: CheckOptions(timeout: 0.000_001))
        let summary = try tight.run(paths: [example, example]) { reports.append($0) }
        #expect(summary.documents == 2)
        #expect(reports.count == 2)
        for report in reports {
            #expect(report.status == .unreadable)
            #expect(report.error?.code == .timedOut)
            #expect(report.error?.message.contains("--timeout") == true)
        }
        let ample = try CheckRunner(options: CheckOptions(timeout: 600)).run(paths: [example])
        #expect(ample.documents.first?.status == .checked)
    }

    @Test(.enabled(if: TestFiles.hasPDFReader, "needs mutool"))
    func aPDFExtractorStillRunningAtTheDeadlineIsStopped() throws {
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = folder.appendingPathComponent("fan.pdf")
        try SlowPDF.fanOut(depth: 18).write(to: pdf)
        let start = Date()
        // No word limit that MuPDF could reach first: only the deadline stops it.
        let unlimited = ImportOptions(limits: ReadingLimits(words: Int.max, lines: Int.max, paragraphCharacters: Int.max, cells: Int.max))
        let report = try CheckRunner(options: CheckOptions(importOptions: unlimited, timeout: 1)).run(paths: [pdf.path]).documents[0]
        #expect(Date().timeIntervalSince(start) < 20)
        #expect(report.error?.code == .timedOut)
    }
}
