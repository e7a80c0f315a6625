import Foundation
import Testing
import GongkaiXLSX

/// The real templates in the shared corpus (`/work/shared/corpus` beside the package). When the
/// corpus is not there, these tests are reported as skipped rather than passed.
@Suite("Reading the real Shanghai templates")
struct CorpusReaderTests {
    static let corpus = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/corpus").standardizedFileURL
    static let unitTemplate = corpus.appendingPathComponent("D07-sh-unit-budget-template.xlsx")
    static let departmentTemplate = corpus.appendingPathComponent("D08-sh-dept-budget-template.xlsx")

    @Test(.enabled(if: FileManager.default.fileExists(atPath: unitTemplate.path), "corpus absent"))
    func unitTemplateHasSixteenSheetsStartingWithTheCover() throws {
        let workbook = try XLSXReader.read(contentsOf: Self.unitTemplate)
        #expect(workbook.sheets.count == 16)
        #expect(workbook.sheets.first?.name == "封面")
        #expect(workbook.sheets[12].name == "单位国有资本经营预算拨款表 ")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: unitTemplate.path), "corpus absent"))
    func unitIncomeSheetHasItsTitleMergesAndNumericCodes() throws {
        let sheet = try #require(try XLSXReader.read(contentsOf: Self.unitTemplate).sheet(named: "单位收入总表"))
        #expect(sheet.cell(row: 2, column: 1)?.value == .text("2026年预算单位收入预算总表"))
        #expect(sheet.mergedRanges.contains(XLSXRange(reference: "A2:I2")!))
        #expect(sheet.cell(row: 9, column: 1)?.value == .number("205"))
        #expect(sheet.cell(row: 10, column: 2)?.value == .text("02"))
        #expect(sheet.cell(row: 10, column: 2)?.numberFormat == "@")
        #expect(sheet.cell(row: 7, column: 8)?.value == .text("事业单位\n经营收入"))
        #expect(sheet.cell(row: 7, column: 6)?.numberFormat == "#,##0_ ")
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: unitTemplate.path), "corpus absent"))
    func richTextSharedStringsAreConcatenatedWithSpacesKept() throws {
        let sheet = try #require(try XLSXReader.read(contentsOf: Self.unitTemplate).sheet(named: "目录"))
        let texts = sheet.cells.map(\.value.displayText)
        #expect(texts.contains("    1. 2026年预算单位财务收支预算总表"))
    }

    @Test(.enabled(if: FileManager.default.fileExists(atPath: departmentTemplate.path), "corpus absent"))
    func departmentTemplateHasSeventeenSheets() throws {
        let workbook = try XLSXReader.read(contentsOf: Self.departmentTemplate)
        #expect(workbook.sheets.count == 17)
        #expect(workbook.sheets.first?.name == "封面")
        #expect(workbook.sheets.last?.name == "项目经费情况说明")
        #expect(workbook.sheets.allSatisfy { !$0.cells.isEmpty })
    }
}
