import Foundation
import Testing
import GongkaiXLSX

@Suite("What the writer refuses")
struct WriterValidationTests {
    private func writing(_ sheets: [XLSXSheetBuilder]) -> XLSXError? {
        var writer = XLSXWriter()
        sheets.forEach { writer.add($0) }
        do {
            _ = try writer.data()
            return nil
        } catch {
            return error as? XLSXError
        }
    }

    private func sheet(_ name: String = "表", _ change: (inout XLSXSheetBuilder) -> Void = { _ in }) -> XLSXSheetBuilder {
        var sheet = XLSXSheetBuilder(name: name)
        change(&sheet)
        return sheet
    }

    @Test(arguments: ["", "收入/支出", "a[1]", "问题?", "第一:第二", "星*", "反\\斜", "'引号'",
                      String(repeating: "长", count: 32), "换\n行"])
    func sheetNamesExcelRefusesAreRejected(name: String) {
        let error = writing([sheet(name)])
        #expect(error?.kind == .invalidSheetName)
        #expect(error?.message.contains("工作表名称") == true)
    }

    @Test func sheetNamesMustDifferIgnoringCase() {
        #expect(writing([sheet("Summary"), sheet("summary")])?.kind == .invalidSheetName)
    }

    @Test func thirtyOneCharacterNamesAreAccepted() {
        #expect(writing([sheet(String(repeating: "长", count: 31))]) == nil)
    }

    @Test func aWorkbookNeedsAtLeastOneSheet() {
        #expect(writing([])?.kind == .writeFailed)
    }

    @Test func listValidationsLongerThan255CharactersAreRejectedWhenWriting() {
        let options = (1...60).map { "选项\($0)" }
        let error = writing([sheet { $0.addListValidation(XLSXRange(reference: "A1:A5")!, options: options) }])
        #expect(error?.kind == .writeFailed)
        #expect(error?.sheet == "表")
    }

    @Test func listOptionsWithCommasAreRejected() {
        let error = writing([sheet { $0.addListValidation(XLSXRange(reference: "A1")!, options: ["甲,乙"]) }])
        #expect(error?.kind == .writeFailed)
    }

    @Test(arguments: ["1,000", "abc", "", "0x10", "1e", "--1", "inf", "1E999"])
    func numbersThatAreNotPlainDecimalsAreRejected(lexical: String) {
        #expect(writing([sheet { $0.set(row: 1, column: 1, .number(lexical)) }])?.kind == .writeFailed)
    }

    @Test func overlappingMergesAreRejected() {
        let error = writing([sheet {
            $0.merge(XLSXRange(reference: "A1:C1")!)
            $0.merge(XLSXRange(reference: "B1:B3")!)
        }])
        #expect(error?.kind == .writeFailed)
    }

    @Test func cellsOutsideTheSheetAreRejected() {
        #expect(writing([sheet { $0.set(row: 0, column: 1, .text("x")) }])?.kind == .writeFailed)
        #expect(writing([sheet { $0.set(row: 1, column: 16_385, .text("x")) }])?.kind == .writeFailed)
    }

    @Test func invalidStyleValuesAreRejected() {
        #expect(writing([sheet { $0.set(row: 1, column: 1, .text("x"), style: XLSXStyle(fillColor: "red")) }])?.kind
            == .writeFailed)
        #expect(writing([sheet { $0.set(row: 1, column: 1, .text("x"), style: XLSXStyle(fontSize: 0)) }])?.kind
            == .writeFailed)
    }

    @Test func textLongerThanACellCanHoldIsRejected() {
        let text = String(repeating: "字", count: 32_768)
        #expect(writing([sheet { $0.set(row: 1, column: 1, .text(text)) }])?.kind == .writeFailed)
    }
}
