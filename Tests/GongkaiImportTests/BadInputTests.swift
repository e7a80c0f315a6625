import Foundation
import GongkaiCore
import GongkaiImport
import Testing
import GongkaiTestSupport

/// Every unreadable input gives a clear error with the file named — never a crash, a hang or an empty success.
@Suite struct BadInputTests {
    private let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    private func readingError(_ path: String, options: ImportOptions = ImportOptions()) -> GongkaiError? {
        do {
            _ = try DisclosureImporter(options: options).read(path: path)
            return nil
        } catch {
            return error as? GongkaiError
        }
    }

    @Test func emptyFile() throws {
        let path = try TestFiles.temporaryDirectory().appendingPathComponent("empty.pdf").path
        _ = FileManager.default.createFile(atPath: path, contents: Data())
        let error = try #require(readingError(path))
        #expect(error.code == .emptyFile)
        #expect(error.path == path)
    }

    @Test func missingFile() throws {
        #expect(readingError("/nonexistent/预算.pdf")?.code == .fileNotFound)
    }

    @Test func randomBytes() throws {
        var generator = SplitMix64(seed: 42)
        let path = try TestFiles.temporaryDirectory().appendingPathComponent("random.txt").path
        _ = FileManager.default.createFile(atPath: path, contents: Data((0..<65_536).map { _ in UInt8.random(in: 0...255, using: &generator) }))
        #expect(readingError(path)?.code == .undecodableText)
    }

    @Test func textWithoutAnyDisclosureIsReported() throws {
        #expect(throws: GongkaiError.self) { try DisclosureImporter().read(text: "hello world\nsecond line\n", path: "notes.txt") }
    }

    @Test(.enabled(if: TestFiles.hasPDFReader, "mutool (mupdf-tools) is not installed"))
    func truncatedPDF() throws {
        let error = try #require(readingError(fixtures.appendingPathComponent("truncated.pdf").path))
        #expect(error.code == .pdfDamaged)
        #expect(error.message.contains("损坏"))
    }

    @Test(.enabled(if: TestFiles.hasPDFReader, "mutool (mupdf-tools) is not installed"))
    func encryptedPDF() throws {
        let error = try #require(readingError(fixtures.appendingPathComponent("encrypted.pdf").path))
        #expect(error.code == .pdfEncrypted)
        #expect(error.message.contains("密码"))
    }

    @Test(.enabled(if: TestFiles.hasPDFReader, "mutool (mupdf-tools) is not installed"))
    func onePagePDFIsReadWithItsPageNumbers() throws {
        let disclosure = try DisclosureImporter().read(path: fixtures.appendingPathComponent("one-page.pdf").path)
        #expect(disclosure.metadata.year == 2024)
        #expect(disclosure.narrative.first?.location?.page == 1)
    }

    @Test func workbookWithoutSheets() throws {
        let error = try #require(readingError(fixtures.appendingPathComponent("no-sheets.xlsx").path))
        #expect(error.code == .spreadsheetInvalid)
        #expect(error.message.contains("工作表"))
    }

    @Test func fileOverTheSizeLimitIsRefusedWithoutReadingIt() throws {
        let path = try TestFiles.temporaryDirectory().appendingPathComponent("huge.pdf").path
        _ = FileManager.default.createFile(atPath: path, contents: Data("%PDF-1.7\n".utf8))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 200 * 1_048_576)
        try handle.close()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let error = try #require(readingError(path))
        #expect(error.code == .fileTooLarge)
        #expect(error.message.contains("200 MB"))
    }

    @Test func oldOfficeBinaryIsNamedAsSuch() throws {
        let path = try TestFiles.temporaryDirectory().appendingPathComponent("old.xls").path
        _ = FileManager.default.createFile(atPath: path, contents: Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]))
        #expect(readingError(path)?.code == .unsupportedFormat)
    }
}
