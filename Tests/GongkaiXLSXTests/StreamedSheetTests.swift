import Foundation
@testable import GongkaiXLSX
import Testing

/// A worksheet is parsed while it is inflated, in chunks of 64 KB that cut through characters and
/// markup anywhere: what is read must not depend on where the cuts fall, and the checks on the raw
/// bytes (no DTD, valid UTF-8) must hold across them.
@Suite struct StreamedSheetTests {
    /// A sheet of `rows` rows of Chinese text and a number, a few MB once inflated.
    private func sheet(rows: Int, inserting extra: String = "", at row: Int = -1) -> Data {
        var xml = "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
        for index in 1...rows {
            if index == row { xml += extra }
            xml += "<row r=\"\(index)\"><c r=\"A\(index)\" t=\"inlineStr\"><is><t>一般公共服务支出第\(index)项</t></is></c><c r=\"B\(index)\"><v>\(index).25</v></c></row>"
        }
        return Data((xml + "</sheetData></worksheet>").utf8)
    }

    @Test func everyCellOfAStreamedSheetIsReadWhereverTheChunksAreCut() throws {
        let workbook = try XLSXReader.read(data: RawWorkbook.oneSheet(sheetBytes: sheet(rows: 30_000)))
        let cells = try #require(workbook.sheets.first?.cells)
        #expect(cells.count == 60_000)
        let texts = cells.compactMap { cell -> String? in if case let .text(text) = cell.value { text } else { nil } }
        #expect(texts.count == 30_000)
        #expect(texts.allSatisfy { $0.hasPrefix("一般公共服务支出第") && $0.hasSuffix("项") })
        #expect(texts.last == "一般公共服务支出第30000项")
    }

    @Test func aDocumentTypeDeepInAStreamedSheetIsRefused() throws {
        let data = try RawWorkbook.oneSheet(sheetBytes: sheet(rows: 20_000, inserting: "<!DOCTYPE x>", at: 15_000))
        #expect(throws: XLSXError.self) { try XLSXReader.read(data: data) }
        do {
            _ = try XLSXReader.read(data: data)
        } catch let error as XLSXError {
            #expect(error.kind == .malformedXML)
            #expect(error.message.contains("DOCTYPE"))
        }
    }

    @Test func invalidUTF8DeepInAStreamedSheetIsRefused() throws {
        var bytes = sheet(rows: 20_000)
        bytes.insert(contentsOf: [0xE4, 0xB8], at: bytes.count - 100)  // a three-byte sequence cut short
        do {
            _ = try XLSXReader.read(data: RawWorkbook.oneSheet(sheetBytes: bytes))
            Issue.record("read a sheet with invalid UTF-8")
        } catch let error as XLSXError {
            #expect(error.kind == .malformedXML)
            #expect(error.message.contains("UTF-8"))
        }
    }

    @Test func aCellLimitStopsAStreamedSheetWithTheSheetNamed() throws {
        do {
            _ = try XLSXReader.read(data: RawWorkbook.oneSheet(sheetBytes: sheet(rows: 30_000)), limits: XLSXLimits(maxCells: 1_000))
            Issue.record("read past the cell limit")
        } catch let error as XLSXError {
            #expect(error.kind == .limitExceeded)
            #expect(error.sheet == "S")
        }
    }
}
