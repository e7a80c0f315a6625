import Foundation
import GongkaiCore
import GongkaiImport
@testable import GongkaiReport
import GongkaiRules
import GongkaiXLSX
import Testing
import GongkaiTestSupport


@Suite struct CheckRunnerTests {
    @Test func exitCodesSayWhetherErrorsOrUnreadableFilesWereFound() throws {
        let runner = CheckRunner()
        #expect(try runner.run(paths: [TestFiles.example("shanghai-unit-budget-2025.xlsx")]).exitCode == 0)
        #expect(try runner.run(paths: [TestFiles.example("chongqing-unit-budget-2024.md")]).exitCode == 1)
        #expect(try runner.run(paths: [TestFiles.example("chongqing-unit-budget-2024.md"), "/nonexistent.pdf"]).exitCode == 2)
    }

    @Test func minimumSeverityFiltersFindings() throws {
        let all = try CheckRunner().run(paths: [TestFiles.example("chongqing-unit-budget-2024.md")]).documents[0].diagnostics
        let errors = try CheckRunner(options: CheckOptions(minimumSeverity: .error)).run(paths: [TestFiles.example("chongqing-unit-budget-2024.md")])
            .documents[0].diagnostics
        #expect(errors.count < all.count)
        #expect(errors.allSatisfy { $0.severity == .error })
    }

    @Test func profileOverrideIsUsed() throws {
        let report = try CheckRunner(options: CheckOptions(profile: "generic")).run(paths: [TestFiles.example("chongqing-unit-budget-2024.md")])
        #expect(report.documents[0].profile?.id == "generic")
        #expect(throws: GongkaiError.self) { try CheckRunner(options: CheckOptions(profile: "nowhere")).run(paths: []) }
    }

    @Test func catalogOverrideReplacesTheBundledNames() throws {
        let directory = try TestFiles.temporaryDirectory()
        let csv = directory.appendingPathComponent("catalog.csv")
        try "code,name\n205,教育支出\n20508,进修及培训\n2050803,老年教育\n".write(to: csv, atomically: true, encoding: .utf8)
        let report = try CheckRunner(options: CheckOptions(catalogPath: csv.path)).run(paths: [TestFiles.example("chongqing-unit-budget-2024.md")])
        let mismatches = report.documents[0].diagnostics.filter { $0.rule == "code-name-mismatch" && $0.code == "2050803" }
        #expect(!mismatches.isEmpty)
        #expect(mismatches.allSatisfy { $0.expected == "老年教育" })
    }

    /// A folder of 1,000 files, good and bad: each gets its own line, the run continues to the end.
    @Test func folderOfAThousandFilesIsWalkedAndEveryFileReported() throws {
        let directory = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let example = try Data(contentsOf: URL(fileURLWithPath: TestFiles.example("chongqing-unit-budget-2024.md")))
        var generator = SplitMix64(seed: 1)
        for index in 0..<1_000 {
            let url = directory.appendingPathComponent(String(format: "%04d", index) + (index % 3 == 2 ? ".pdf" : ".txt"))
            switch index % 10 {
            case 0: try example.write(to: url)
            case 1: try Data().write(to: url)
            default: try Data((0..<256).map { _ in UInt8(truncatingIfNeeded: generator.next()) }).write(to: url)
            }
        }
        let report = try CheckRunner().run(paths: [directory.path])
        #expect(report.documents.count == 1_000)
        // The example's text under a .pdf name is refused as "not a PDF" (33 of the 100 copies).
        #expect(report.documents.filter { $0.status == .checked }.count == 67)
        #expect(report.documents.filter { $0.error?.message.hasPrefix("扩展名为 .pdf，但内容不是 PDF") == true }.count >= 33)
        #expect(report.documents.filter { $0.error?.code == .emptyFile }.count == 100)
        #expect(report.documents.allSatisfy { $0.status == .checked || $0.error != nil })
        #expect(report.exitCode == 2)
    }
}

