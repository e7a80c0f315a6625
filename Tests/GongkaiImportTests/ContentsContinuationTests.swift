import Foundation
import GongkaiCore
@testable import GongkaiImport
import Testing

/// A list of the tables (目录) whose last entries are performance-goal forms, with the narrative on the
/// next page: the entries are contents, the narrative stays narrative.
@Suite struct ContentsContinuationTests {
    private static func word(_ text: String, page: Int, _ x0: Double, _ y0: Double) -> PDFWord {
        PDFWord(page: page, x0: x0, y0: y0, x1: x0 + 12 * Double(text.count), y1: y0 + 12, text: text)
    }

    /// Page 1: the end of a contents list (two ordinary tables, then two goal forms). Page 2: the
    /// first section of the narrative.
    static let words: [PDFWord] = [
        word("十、政府采购预算明细表", page: 1, 122, 81),
        word("十一、财政拨款政府购买服务明细表", page: 1, 122, 109),
        word("十二、项目支出绩效目标表", page: 1, 122, 137),
        word("十三、部门整体支出绩效目标表", page: 1, 122, 165),
        word("一、部门情况说明", page: 2, 122, 139),
        word("（一）本部门职责情况", page: 2, 122, 166),
        word("示例局属于公益性事业单位，职责是制定地方示例事业发展规划。", page: 2, 122, 193),
    ]

    @Test func goalFormsListedWithoutRowsDoNotSwallowTheNextPage() throws {
        let pages = [1: PDFPageSize(width: 595, height: 842), 2: PDFPageSize(width: 595, height: 842)]
        let disclosure = try DisclosureImporter().read(pdfWords: PDFWordLayer(words: Self.words, pages: pages), path: "list.pdf")
        #expect(disclosure.narrative.contains { $0.text.contains("示例局属于公益性事业单位") })
        #expect(!disclosure.tables.contains { table in table.notes.contains { $0.text.contains("示例局") } })
        #expect(disclosure.tables.allSatisfy { $0.pages.allSatisfy { $0 == 1 } })
    }
}
