import Foundation
import Testing
import GongkaiXLSX

@Suite("Writing then reading a workbook")
struct RoundTripTests {
    @Test func readingBackKeepsSheetOrderCellsFormatsAndMerges() throws {
        let workbook = try XLSXReader.read(data: SampleWorkbook.data())

        #expect(workbook.sheets.map(\.name) == ["收入预算", "说明"])
        let budget = try #require(workbook.sheet(named: "收入预算"))
        #expect(budget.cell(row: 1, column: 1)?.value == .text(SampleWorkbook.title))
        #expect(budget.mergedRanges == [XLSXRange(firstRow: 1, firstColumn: 1, lastRow: 1, lastColumn: 4)])
        #expect(budget.cell(row: 3, column: 2) == XLSXCell(row: 3, column: 2, value: .number("1234.50"),
                                                           numberFormat: SampleWorkbook.amountFormat))
        #expect(budget.cell(row: 4, column: 2)?.value == .number("-0.25"))
        #expect(budget.cell(row: 4, column: 3) == XLSXCell(row: 4, column: 3, value: .number("1.5E-3")))
        #expect(budget.cell(row: 3, column: 1)?.numberFormat == nil)
        #expect(budget.cell(row: 2, column: 4)?.value.displayText == "是否公开")
    }

    @Test func blankStyledCellsAreNotReadBackAsValues() throws {
        let budget = try #require(try XLSXReader.read(data: SampleWorkbook.data()).sheets.first)
        #expect(budget.cell(row: 1, column: 2) == nil)
        #expect(budget.cells.map(\.reference) == ["A1", "A2", "B2", "D2", "A3", "B3", "A4", "B4", "C4"])
        #expect(budget.maxRow == 4)
        #expect(budget.maxColumn == 4)
    }

    @Test func textKeepsSpacesLineBreaksMarkupCharactersAndControlCharacters() throws {
        let notes = try #require(try XLSXReader.read(data: SampleWorkbook.data()).sheet(named: "说明"))
        #expect(notes.cell(row: 1, column: 1)?.value == .text(SampleWorkbook.notes))
        #expect(notes.cell(row: 2, column: 1)?.value == .text(SampleWorkbook.specialCharacters))
        #expect(notes.cell(row: 3, column: 2)?.value == .text(SampleWorkbook.title))
    }

    @Test func writingTheSameContentTwiceGivesTheSameBytes() throws {
        #expect(try SampleWorkbook.data() == SampleWorkbook.data())
    }
}
