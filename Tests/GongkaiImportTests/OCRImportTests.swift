import Foundation
import GongkaiCore
import GongkaiImport
import GongkaiTestSupport
import Testing

/// A scan: a corpus table page drawn to a picture and wrapped in a PDF without a text layer. Refused
/// as such by default; read by OCR when asked, its table found with its code rows and every value
/// marked as recognised.
@Suite(.enabled(if: TestFiles.hasCorpus && TestFiles.hasPDFReader && TestFiles.hasOCR,
                "needs ../shared/corpus, mutool and tesseract with chi_sim; skipped when any is absent"))
struct OCRImportTests {
    /// D01's 支出预算总表 (page 9) as a 300 dpi grey picture in a PDF of its own.
    private func scan(in folder: URL) throws -> String {
        let source = try #require(TestFiles.corpus("D01-"))
        let picture = folder.appendingPathComponent("page.png").path
        let pdf = folder.appendingPathComponent("scan.pdf").path
        #expect(TestFiles.run("/usr/bin/env", ["mutool", "draw", "-q", "-r", "300", "-c", "gray", "-o", picture, source, "9"]).status == 0)
        #expect(TestFiles.run("/usr/bin/env", ["mutool", "convert", "-o", pdf, picture]).status == 0)
        return pdf
    }

    @Test func aScanIsRefusedWithoutOCRAndReadWithIt() throws {
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let pdf = try scan(in: folder)
        let refusal = try #require(throws: GongkaiError.self) { try DisclosureImporter().read(path: pdf) }
        #expect(refusal.code == .pdfWithoutText)
        #expect(refusal.message.contains("--ocr"))

        let disclosure = try DisclosureImporter(options: ImportOptions(ocr: true)).read(path: pdf)
        #expect(disclosure.metadata.readByOCR)
        let table = try #require(disclosure.tables.first { $0.kind == .expenditureSummary })
        let codes = Set(table.rows.compactMap { $0.code?.digits })
        #expect(codes.isSuperset(of: ["208", "20805", "210", "221", "22102"]), "\(codes.sorted())")
        #expect(table.rows.contains { row in row.values.values.contains { $0.text == "11,281,624" } })
    }
}
