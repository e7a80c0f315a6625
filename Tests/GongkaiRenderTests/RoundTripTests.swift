import Foundation
import GongkaiCore
import GongkaiImport
import GongkaiRender
import GongkaiReport
import GongkaiRules
import Testing
import GongkaiTestSupport

/// Budget → render (PDF, XLSX) → `gongkai check`: no error, and every code row read back from the
/// published file holds exactly the amounts the budget gives, rounded to the table's unit.
@Suite struct RoundTripTests {
    static let examples: [(name: String, path: String, profile: String)] = [
        ("laoganbu", TestFiles.laoganbu, "chongqing-unit-budget"), ("eldercare", TestFiles.eldercare, "shanghai-unit-budget"),
        ("final accounts", TestFiles.finalAccounts, "shanghai-department-final-accounts"),
    ]

    private func roundTrip(_ example: (name: String, path: String, profile: String), format: RenderFormat) throws {
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let runner = RenderRunner(options: RenderOptions(profile: example.profile, formats: [format], outputDirectory: folder.path))
        let outcome = try runner.render(path: example.path)
        #expect(outcome.errors.isEmpty)
        let file = try #require(outcome.written.first)
        let report = try CheckRunner(options: CheckOptions(profile: example.profile)).run(paths: [file])
        let document = try #require(report.documents.first)
        #expect(document.status == .checked)
        #expect(document.diagnostics.filter { $0.severity == .error }.map(\.message) == [])
        let disclosure = try #require(document.disclosure)
        #expect(disclosure.metadata.unitName == outcome.document.unitName)
        #expect(disclosure.tables.count == outcome.document.tables.count)
        for table in outcome.document.tables {
            let expected = CodeRows.rendered(table)
            guard !expected.isEmpty else { continue }
            let read = try #require(disclosure.tables.first { $0.kind == table.kind && $0.title.contains(table.title) }, "\(table.title)")
            #expect(CodeRows.nonZero(CodeRows.read(read)) == CodeRows.nonZero(expected), "\(format) \(table.title)")
        }
    }

    @Test(arguments: examples)
    func workbookReadsBackExactly(example: (name: String, path: String, profile: String)) throws {
        try roundTrip(example, format: .xlsx)
    }

    @Test(.enabled(if: TestFiles.hasChromium && TestFiles.hasPdftotext && TestFiles.hasPDFReader, "needs chromium, pdftotext and mutool (.ci/run installs both); skipped when absent"),
          arguments: examples)
    func pdfReadsBackExactly(example: (name: String, path: String, profile: String)) throws {
        try roundTrip(example, format: .pdf)
    }
}
