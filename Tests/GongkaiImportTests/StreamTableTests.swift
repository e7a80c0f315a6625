import Foundation
import GongkaiCore
@testable import GongkaiImport
import Testing

/// Tables read from text alignment (no drawn grid): a total's label centred across the code and name
/// columns, rows with only their name filled among full rows, and a name that wraps in a column whose
/// heading has no known meaning.
@Suite struct StreamTableTests {
    private static func word(_ text: String, _ x0: Double, _ y0: Double, width: Double? = nil) -> PDFWord {
        PDFWord(page: 1, x0: x0, y0: y0, x1: x0 + (width ?? 10 * Double(text.count)), y1: y0 + 10, text: text)
    }

    /// A word set in a smaller face (6.8 pt a character): the one-cell lines of the expenditure side,
    /// which then sit near the page's centre.
    private static func narrow(_ text: String, _ x0: Double, _ y0: Double) -> PDFWord {
        word(text, x0, y0, width: 6.8 * Double(text.count))
    }

    private func read(_ words: [PDFWord]) throws -> Disclosure {
        try DisclosureImporter().read(pdfWords: PDFWordLayer(words: words, pages: [1: PDFPageSize(width: 842, height: 595)]), path: "t.pdf")
    }

    /// 政府性基金预算支出表 with one coded row whose amounts sit under 合计 and 项目支出.
    @Test func aCentredTotalLabelPlacesNoColumn() throws {
        let disclosure = try read([
            Self.word("政府性基金预算支出表", 333, 97), Self.word("金额单位：万元", 712, 120),
            Self.word("科目编码", 94, 162), Self.word("科目名称", 243, 162), Self.word("合计", 420, 162),
            Self.word("基本支出", 547, 162), Self.word("项目支出", 685, 162),
            Self.word("2120803", 62, 182, width: 32), Self.word("城市建设支出", 168, 182),
            Self.word("4,683.73", 458, 182, width: 40), Self.word("4,683.73", 735, 182, width: 40),
            Self.word("合计", 249, 198), Self.word("4,683.73", 458, 198, width: 40), Self.word("4,683.73", 735, 198, width: 40),
        ])
        let table = try #require(disclosure.tables.first { $0.kind == .governmentFundExpenditure })
        let row = try #require(table.rows.first { $0.code?.digits == "2120803" })
        #expect(row.values[ColumnKey(.total)]?.text == "4,683.73")
        #expect(row.values[ColumnKey(.project)]?.text == "4,683.73")
        #expect(row.values[ColumnKey(.basic)] == nil)
    }

    /// 收支总表's expenditure side goes on below its last amount: 十二 and 十三 have no amount, 十四 has one,
    /// 十五 and 十六 again none — lines that, alone and near the centre, would read as headings.
    @Test func rowsWithOnlyANameStayInTheTable() throws {
        let disclosure = try read([
            Self.word("收支总表", 380, 93), Self.word("金额单位：万元", 698, 110),
            Self.word("项目", 174, 143), Self.word("预算数", 326, 143), Self.word("项目", 476, 143), Self.word("预算数", 654, 143),
            Self.word("一、一般公共预算拨款收入", 89, 158), Self.word("70,264.19", 347, 158, width: 42),
            Self.word("一、一般公共服务支出", 392, 158), Self.word("5,116.37", 708, 158, width: 38),
            Self.narrow("十二、农林水支出", 392, 170),
            Self.narrow("十三、交通运输支出", 392, 182),
            Self.word("十四、资源勘探工业信息等支出", 392, 194), Self.word("36.39", 717, 194, width: 29),
            Self.narrow("十五、商业服务业等支出", 392, 206),
            Self.narrow("十六、金融支出", 392, 218),
            Self.narrow("十七、援助其他地区支出", 392, 230),
            Self.narrow("十八、自然资源海洋气象等支出", 392, 242),
            Self.narrow("十九、住房保障支出", 392, 254),
            Self.narrow("二十、粮油物资储备支出", 392, 266),
            Self.word("本年收入合计", 165, 278), Self.word("70,264.19", 347, 278, width: 42),
            Self.word("本年支出合计", 466, 278), Self.word("5,152.76", 708, 278, width: 38),
        ])
        #expect(!disclosure.narrative.contains { $0.text.contains("商业服务业等支出") || $0.text.contains("粮油物资储备支出") })
        let table = try #require(disclosure.tables.first { $0.kind == .incomeExpenditureSummary })
        #expect(table.rows.contains { $0.name.contains("十六、金融支出") })
        #expect(table.rows.contains { $0.name.contains("二十、粮油物资储备支出") })
    }

    /// 支出总表 by three classifications: the 部门经济分类 name wraps onto a line of its own.
    @Test func aNameWrappedInAColumnOfNoKnownMeaningJoinsItsRow() throws {
        let disclosure = try read([
            Self.word("支出总表", 390, 97), Self.word("金额单位：万元", 750, 120),
            Self.word("支出功能分类科目", 90, 160), Self.word("政府支出经济分类科目", 212, 160), Self.word("部门支出经济分类科目", 344, 160),
            Self.word("合计", 486, 160), Self.word("基本支出", 547, 160), Self.word("项目支出", 619, 160),
            Self.word("2240101-行政运行", 66, 200, width: 73), Self.word("50101-工资奖金津补贴", 198, 200, width: 90),
            Self.word("30101-基本工资", 329, 200, width: 64), Self.word("1,650.60", 490, 200, width: 40), Self.word("1,650.60", 561, 200, width: 40),
            Self.word("2240101-行政运行", 66, 216, width: 73), Self.word("50102-社会保障缴费", 198, 216, width: 81),
            Self.word("30108-机关事业单位基本养老保", 329, 216, width: 127), Self.word("768.17", 498, 216, width: 32), Self.word("768.17", 569, 216, width: 32),
            Self.word("险缴费", 329, 226, width: 27),
            Self.word("2240101-行政运行", 66, 236, width: 73), Self.word("50102-社会保障缴费", 198, 236, width: 81),
            Self.word("30109-职业年金缴费", 329, 236, width: 82), Self.word("384.08", 498, 236, width: 32), Self.word("384.08", 569, 236, width: 32),
        ])
        let table = try #require(disclosure.tables.first { $0.kind == .expenditureSummary })
        #expect(!table.rows.contains { $0.name == "险缴费" || ($0.values.isEmpty && $0.name.contains("险缴费")) })
        #expect(table.rows.filter { !$0.values.isEmpty }.count == 3)
    }
}
