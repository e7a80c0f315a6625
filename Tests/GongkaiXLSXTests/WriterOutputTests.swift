import Foundation
import Testing
@testable import GongkaiXLSX

@Suite("What the writer puts into the package")
struct WriterOutputTests {
    private func part(_ name: String) throws -> String {
        var package = try ZipPackage(data: SampleWorkbook.data(), limits: .default)
        let data = try #require(try package.data(of: name))
        return String(decoding: data, as: UTF8.self)
    }

    @Test func worksheetElementsFollowTheSchemaOrder() throws {
        let sheet = try part("xl/worksheets/sheet1.xml")
        let order = ["<sheetPr", "<dimension", "<sheetViews", "<sheetFormatPr", "<cols", "<sheetData", "<mergeCells",
                     "<dataValidations", "<pageMargins", "<pageSetup"]
        let positions = try order.map { try #require(sheet.range(of: $0)?.lowerBound, "\($0) missing") }
        #expect(positions == positions.sorted())
        #expect(sheet.contains("<dimension ref=\"A1:D4\"/>"))
        #expect(sheet.contains("<pane xSplit=\"1\" ySplit=\"2\" topLeftCell=\"B3\" activePane=\"bottomRight\" state=\"frozen\"/>"))
        #expect(sheet.contains("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"))
        #expect(sheet.contains("<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"))
        // The sheet without print settings has none.
        #expect(!(try part("xl/worksheets/sheet2.xml")).contains("<pageSetup"))
        #expect(sheet.contains("<formula1>&quot;是,否,说&quot;&quot;明&quot;&quot;&quot;</formula1>"))
    }

    @Test func stylesStartWithTheMandatoryFillsAndNormalStyle() throws {
        let styles = try part("xl/styles.xml")
        #expect(styles.contains("<fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"))
        #expect(styles.contains("<numFmt numFmtId=\"164\" formatCode=\"#,##0.00\"/>"))
        #expect(styles.contains("<cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/>"))
        #expect(styles.contains("<name val=\"宋体\"/><family val=\"2\"/><charset val=\"134\"/></font>"))
        #expect(!styles.contains("Calibri"))
    }

    @Test func repeatedRowsAreTheSheetsPrintTitles() throws {
        let workbook = try part("xl/workbook.xml")
        #expect(workbook.contains("</sheets><definedNames><definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'收入预算'!$1:$2</definedName></definedNames></workbook>"))
    }

    @Test func sharedStringsPreserveSpacesAndEscapeMarkupAndControlCharacters() throws {
        let strings = try part("xl/sharedStrings.xml")
        #expect(strings.contains("<t xml:space=\"preserve\">  第一行\n第二行\t制表 </t>"))
        #expect(strings.contains("A&amp;B &lt;c&gt; &quot;引号&quot; _x005F_x0041_ 控制_x0001_字符 回车_x000D_\n换行"))
        #expect(strings.contains("count=\"9\" uniqueCount=\"8\""))
    }
}
