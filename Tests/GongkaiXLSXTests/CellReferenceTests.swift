import Testing
import GongkaiXLSX

@Suite("A1-style references and ranges")
struct CellReferenceTests {
    @Test(arguments: [(1, "A"), (26, "Z"), (27, "AA"), (52, "AZ"), (702, "ZZ"), (703, "AAA"), (16_384, "XFD"), (0, "")])
    func columnNumbersBecomeLetters(column: Int, name: String) {
        #expect(XLSXCellReference.columnName(column) == name)
    }

    @Test func referencesParseWithOrWithoutDollarSigns() {
        #expect(XLSXCellReference.parse("B10").map { [$0.row, $0.column] } == [10, 2])
        #expect(XLSXCellReference.parse("$B$10").map { [$0.row, $0.column] } == [10, 2])
        #expect(XLSXCellReference.parse("xfd1048576").map { [$0.row, $0.column] } == [1_048_576, 16_384])
    }

    @Test(arguments: ["", "A", "10", "A0", "XFE1", "A1048577", "1A", "A1B", "$", "A$", "AAAA1", "A 1", "Ａ1", "A99999999999999999999"])
    func textThatIsNotAReferenceGivesNil(text: String) {
        #expect(XLSXCellReference.parse(text) == nil)
    }

    @Test func rangesParseNormalizeAndPrint() throws {
        let range = try #require(XLSXRange(reference: "E3:A1"))
        #expect(range == XLSXRange(firstRow: 1, firstColumn: 1, lastRow: 3, lastColumn: 5))
        #expect(range.reference == "A1:E3")
        #expect(XLSXRange(reference: "B2")?.reference == "B2")
        #expect(range.contains(row: 2, column: 5))
        #expect(!range.contains(row: 4, column: 1))
        #expect(XLSXCell(row: 10, column: 28, value: .text("")).reference == "AB10")
    }

    @Test(arguments: ["A1:", ":A1", "A1:B2:C3", "A:A", "1:1", ""])
    func textThatIsNotARangeGivesNil(text: String) {
        #expect(XLSXRange(reference: text) == nil)
    }
}
