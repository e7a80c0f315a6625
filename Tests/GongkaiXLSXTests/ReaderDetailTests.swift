import Foundation
import Testing
import GongkaiXLSX

@Suite("How the reader interprets SpreadsheetML")
struct ReaderDetailTests {
    private func onlySheet(_ data: Data) throws -> XLSXSheet {
        try #require(try XLSXReader.read(data: data).sheets.first)
    }

    @Test func cellsAndRowsWithoutReferencesFollowThePreviousOnes() throws {
        let sheet = try onlySheet(RawWorkbook.oneSheet(rows: """
            <row><c><v>1</v></c><c t="inlineStr"><is><t>二</t></is></c><c r="E1"><v>5</v></c><c><v>6</v></c></row>\
            <row><c><v>3</v></c></row><row r="7"><c><v>7</v></c></row><row><c><v>8</v></c></row>
            """))
        #expect(sheet.cells.map(\.reference) == ["A1", "B1", "E1", "F1", "A2", "A7", "A8"])
        #expect(sheet.cell(row: 1, column: 2)?.value == .text("二"))
    }

    @Test func numbersKeepTheirLexicalFormExactly() throws {
        let sheet = try onlySheet(RawWorkbook.oneSheet(rows: """
            <row r="1"><c r="A1"><v>190.97999999999999</v></c><c r="B1" t="n"><v>1.5E-3</v></c><c r="C1"><v>-0</v></c></row>
            """))
        #expect(sheet.cells.map(\.value) == [.number("190.97999999999999"), .number("1.5E-3"), .number("-0")])
    }

    @Test func everyCellTypeBecomesItsValue() throws {
        let sheet = try onlySheet(RawWorkbook.oneSheet(rows: """
            <row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c><c r="C1" t="e"><v>#DIV/0!</v></c>\
            <c r="D1" t="str"><f>A1&amp;"x"</f><v>TRUEx</v></c><c r="E1" t="d"><v>2026-01-31</v></c>\
            <c r="F1" t="s"><v>0</v></c><c r="G1"><f>1+1</f></c><c r="H1" s="0"/></row>
            """, sharedStrings: ["<t>共享</t>"]))
        #expect(sheet.cells.map(\.value) == [.bool(true), .bool(false), .error("#DIV/0!"), .text("TRUEx"),
                                             .text("2026-01-31"), .text("共享")])
        #expect(sheet.cells.map(\.value.displayText) == ["TRUE", "FALSE", "#DIV/0!", "TRUEx", "2026-01-31", "共享"])
    }

    @Test func richTextRunsAreJoinedAndPhoneticGuidesLeftOut() throws {
        let sheet = try onlySheet(RawWorkbook.oneSheet(rows: "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c></row>",
                                                       sharedStrings: [
            "<t>第零</t>",
            "<r><t>上海</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\"> 市\n</t></r><rPh sb=\"0\" eb=\"1\"><t>シャン</t></rPh>",
        ]))
        #expect(sheet.cell(row: 1, column: 1)?.value == .text("上海 市\n"))
    }

    @Test func escapedCharactersInSharedStringsAreDecoded() throws {
        let sheet = try onlySheet(RawWorkbook.oneSheet(rows: "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>",
                                                       sharedStrings: ["<t>甲_x000D__x000a_乙_x005F_x0041_ &amp; &#20320;</t>"]))
        #expect(sheet.cell(row: 1, column: 1)?.value == .text("甲\r\n乙_x0041_ & 你"))
    }

    @Test func styleIndexesResolveToBuiltinAndCustomFormatCodes() throws {
        let styles = """
            <numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="3" formatCode="#,##0.000"/></numFmts>\
            <cellStyleXfs count="1"><xf numFmtId="2"/></cellStyleXfs>\
            <cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="4"/><xf numFmtId="164"/><xf numFmtId="3"/><xf numFmtId="49"/></cellXfs>
            """
        let sheet = try onlySheet(RawWorkbook.oneSheet(rows: """
            <row r="1"><c r="A1" s="0"><v>1</v></c><c r="B1" s="1"><v>1</v></c><c r="C1" s="2"><v>1</v></c>\
            <c r="D1" s="3"><v>1</v></c><c r="E1" s="4"><v>1</v></c><c r="F1" s="99"><v>1</v></c><c r="G1"><v>1</v></c></row>
            """, styles: styles))
        #expect(sheet.cells.map(\.numberFormat) == [nil, "#,##0.00", "0.0%", "#,##0.000", "@", nil, nil])
    }

    @Test func mergedRangesAreRead() throws {
        let sheet = try onlySheet(RawWorkbook.oneSheet(
            rows: "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>",
            extraSheetXML: "<mergeCells count=\"2\"><mergeCell ref=\"A1:E1\"/><mergeCell ref=\"$B$2:$C$4\"/></mergeCells>"))
        #expect(sheet.mergedRanges == [XLSXRange(reference: "A1:E1")!, XLSXRange(reference: "B2:C4")!])
    }

    @Test func laterDuplicatesWinAndCellsComeOutSorted() throws {
        let sheet = try onlySheet(RawWorkbook.oneSheet(rows: """
            <row r="2"><c r="B2"><v>1</v></c></row><row r="1"><c r="C1"><v>2</v></c><c r="A1"><v>3</v></c></row>\
            <row r="2"><c r="B2"><v>4</v></c></row>
            """))
        #expect(sheet.cells.map(\.reference) == ["A1", "C1", "B2"])
        #expect(sheet.cell(row: 2, column: 2)?.value == .number("4"))
    }

    @Test func prefixedElementsAbsoluteTargetsAndChartSheetsAreHandled() throws {
        let main = RawWorkbook.mainNamespace
        let data = try RawWorkbook.zip([
            ("_rels/.rels", RawWorkbook.relationships([("rId1", "officeDocument", "/xl/workbook.xml")])),
            ("xl/workbook.xml", """
                <x:workbook xmlns:x="\(main)" xmlns:rel="\(RawWorkbook.relationshipNamespace)"><x:sheets>\
                <x:sheet name="图" sheetId="1" rel:id="rId9"/><x:sheet name="数据" sheetId="2" rel:id="rId2"/>\
                </x:sheets></x:workbook>
                """),
            ("xl/_rels/workbook.xml.rels", RawWorkbook.relationships([
                ("rId9", "chartsheet", "chartsheets/sheet1.xml"),
                ("rId2", "worksheet", "/xl/worksheets/data.xml"),
            ])),
            ("xl/worksheets/data.xml", """
                <x:worksheet xmlns:x="\(main)"><x:sheetData><x:row r="3"><x:c r="B3" t="inlineStr">\
                <x:is><x:t>前缀</x:t></x:is></x:c></x:row></x:sheetData></x:worksheet>
                """),
        ])
        let workbook = try XLSXReader.read(data: data)
        #expect(workbook.sheets.map(\.name) == ["数据"])
        #expect(workbook.sheets.first?.cell(row: 3, column: 2)?.value == .text("前缀"))
    }

    @Test func invalidValuesNameTheCell() throws {
        let cases = [
            "<row r=\"1\"><c r=\"A1\"><v>1,5</v></c></row>",
            "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>3</v></c></row>",
            "<row r=\"1\"><c r=\"A1\" t=\"b\"><v>yes</v></c></row>",
            "<row r=\"1\"><c r=\"A1\" t=\"x\"><v>1</v></c></row>",
            "<row r=\"1\"><c r=\"A0\"><v>1</v></c></row>",
            "<row r=\"0\"><c><v>1</v></c></row>",
        ]
        for rows in cases {
            do {
                _ = try XLSXReader.read(data: RawWorkbook.oneSheet(rows: rows))
                Issue.record("read without error: \(rows)")
            } catch let error as XLSXError {
                #expect(error.kind == .malformedXML)
                #expect(error.line == 1)
                #expect(error.sheet == "Sheet1")
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }
}
