import Foundation
import Testing
import GongkaiXLSX
import GongkaiTestSupport

@Suite("Damaged and hostile input throws instead of crashing")
struct BadInputTests {
    private func readingError(_ data: Data, limits: XLSXLimits = .default) -> XLSXError? {
        do {
            _ = try XLSXReader.read(data: data, limits: limits)
            return nil
        } catch {
            return error as? XLSXError
        }
    }

    @Test func emptyDataIsNotAnArchive() {
        let error = readingError(Data())
        #expect(error?.kind == .notAZipArchive)
        #expect(error?.message.contains("空") == true)
    }

    @Test func randomBytesAreNotAnArchive() {
        var generator = SplitMix64(seed: 7)
        let bytes = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        #expect(readingError(bytes)?.kind == .notAZipArchive)
    }

    @Test func legacyExcelFilesAreNamedAsSuch() {
        let compoundFile = Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + Array(repeating: 0, count: 512))
        let error = readingError(compoundFile)
        #expect(error?.kind == .notAZipArchive)
        #expect(error?.message.contains(".xls") == true)
    }

    @Test func anArchiveWithoutWorkbookIsMissingThatPart() throws {
        let error = readingError(try RawWorkbook.zip([("hello.txt", "你好")]))
        #expect(error?.kind == .missingPart)
        #expect(error?.part == "xl/workbook.xml")
        #expect(error?.message.hasPrefix("工作簿缺少 xl/workbook.xml") == true)
    }

    @Test func aWorkbookListingNoSheetsHasNoWorksheets() throws {
        let data = try RawWorkbook.zip([
            ("xl/workbook.xml", RawWorkbook.workbook(sheets: [])),
            ("xl/_rels/workbook.xml.rels", RawWorkbook.relationships([])),
        ])
        #expect(readingError(data)?.kind == .noWorksheets)
    }

    @Test func aWorkbookOfOnlyChartSheetsHasNoWorksheets() throws {
        let data = try RawWorkbook.zip([
            ("xl/workbook.xml", RawWorkbook.workbook(sheets: [("图表", "rId1")])),
            ("xl/_rels/workbook.xml.rels", RawWorkbook.relationships([("rId1", "chartsheet", "chartsheets/sheet1.xml")])),
        ])
        #expect(readingError(data)?.kind == .noWorksheets)
    }

    @Test func theFirstHalfOfAnArchiveIsNotAnArchive() throws {
        let whole = try SampleWorkbook.data()
        #expect(readingError(whole.prefix(whole.count / 2))?.kind == .notAZipArchive)
    }

    @Test func aSheetThatIsNotWellFormedNamesPartSheetAndLine() throws {
        let data = try RawWorkbook.oneSheet(name: "收入", rows: "\n<row r=\"1\">\n<c r=\"A1\"><v>1</v></row>")
        let error = try #require(readingError(data))
        #expect(error.kind == .malformedXML)
        #expect(error.part == "xl/worksheets/sheet1.xml")
        #expect(error.sheet == "收入")
        #expect(error.line == 3)
        #expect(error.message.contains("工作表「收入」"))
    }

    @Test func documentTypeDeclarationsAreRefused() throws {
        let data = try RawWorkbook.zip([
            ("xl/workbook.xml", "<!DOCTYPE x [<!ENTITY a \"aaaa\">]><workbook/>"),
        ])
        #expect(readingError(data)?.kind == .malformedXML)
    }

    @Test(arguments: ["", "<a>", "abc", "\u{FEFF}", "<ab>", "  "])
    func emptyTinyOrUnfinishedPartsAreMalformed(sheetXML: String) throws {
        #expect(readingError(try RawWorkbook.oneSheet(sheetBytes: Data(sheetXML.utf8)))?.kind == .malformedXML)
    }

    @Test func aFourByteRootElementIsAnEmptySheet() throws {
        let workbook = try XLSXReader.read(data: RawWorkbook.oneSheet(sheetBytes: Data("<a/>".utf8)))
        #expect(workbook.sheets.first?.cells.isEmpty == true)
    }

    @Test func invalidUTF8IsMalformed() throws {
        var data = Data("<worksheet><sheetData>".utf8)
        data.append(contentsOf: [0xC3, 0x28, 0xFF])
        data.append(Data("</sheetData></worksheet>".utf8))
        let archive = try RawWorkbook.oneSheet(sheetBytes: data)
        #expect(readingError(archive)?.kind == .malformedXML)
    }

    @Test func anEntryDeclaringAHugeSizeExceedsTheLimitBeforeExtraction() throws {
        let archive = try SampleWorkbook.data()
        let patched = try #require(ArchivePatching.setting(.uncompressedSize, of: "xl/worksheets/sheet1.xml",
                                                           to: 0xFFFF_FFF0, in: archive))
        let error = readingError(patched)
        #expect(error?.kind == .limitExceeded)
        #expect(error?.part == "xl/worksheets/sheet1.xml")
    }

    @Test func aSmallByteLimitIsHonoured() throws {
        let limits = XLSXLimits(maxUncompressedBytes: 2_000, maxCells: 100)
        #expect(readingError(try SampleWorkbook.data(), limits: limits)?.kind == .limitExceeded)
    }

    @Test func theCellLimitCountsAcrossSheets() throws {
        let limits = XLSXLimits(maxUncompressedBytes: 1 << 20, maxCells: 10)
        let error = readingError(try SampleWorkbook.data(), limits: limits)
        #expect(error?.kind == .limitExceeded)
        #expect(error?.sheet == "说明")
    }

    @Test func anEntryLongerThanDeclaredIsDamaged() throws {
        let archive = try SampleWorkbook.data()
        let patched = try #require(ArchivePatching.setting(.uncompressedSize, of: "xl/workbook.xml", to: 10, in: archive))
        #expect(readingError(patched)?.kind == .notAZipArchive)
    }

    @Test func aChecksumMismatchIsDamaged() throws {
        let archive = try SampleWorkbook.data()
        let patched = try #require(ArchivePatching.setting(.crc32, of: "xl/styles.xml", to: 0x1234_5678, in: archive))
        let error = readingError(patched)
        #expect(error?.kind == .notAZipArchive)
        #expect(error?.part == "xl/styles.xml")
    }

    @Test func aMissingFileIsReportedWithItsPath() {
        do {
            _ = try XLSXReader.read(contentsOf: URL(fileURLWithPath: "/nonexistent/表.xlsx"))
            Issue.record("reading a missing file succeeded")
        } catch let error as XLSXError {
            #expect(error.message.contains("/nonexistent/表.xlsx"))
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }
}

