import Foundation
import GongkaiCore
@testable import GongkaiImport
import GongkaiTestSupport
import Testing

/// Disclosures published as web pages: paragraphs, headings and tables read from the HTML.
@Suite struct HTMLImportTests {
    /// A department's page as content systems write them: a server-page directive, scripts and
    /// styles, a comment, paragraphs split by <br>, entities, and a table with merged cells.
    static let page = """
        <%@ page language="java" contentType="text/html; charset=UTF-8"%>
        <!DOCTYPE html>
        <html><head><title>示例局2025年部门预算情况说明</title>
        <script>var a = "<p>不是正文</p>";</script><style>p { color: red; }</style></head>
        <body><!-- 导航 <p>也不是正文</p> -->
        <h2>示例局2025年部门预算情况说明</h2>
        <p>一、部门基本情况<br>&nbsp;&nbsp;示例局负责全市示例工作。<br>二、收支预算情况说明<br>2025年收入预算120.50万元，比上年增加3.2%，a &lt; b。</p>
        <h3>2025年部门收支总表</h3>
        <p>单位：万元</p>
        <table>
        <tr><th colspan="2">收入</th><th colspan="2">支出</th></tr>
        <tr><td>项目</td><td>预算数</td><td>项目</td><td>预算数</td></tr>
        <tr><td rowspan="2">一般公共预算拨款收入</td><td rowspan="2">120.50</td><td>一般公共服务支出</td><td>100.00</td></tr>
        <tr><td>社会保障和就业支出</td><td>20.50</td></tr>
        <tr><td>收入合计</td><td>120.50</td><td>支出合计</td><td>120.50</td></tr>
        </table>
        </body></html>
        """

    @Test func thePageBecomesLinesOfTextAndTabSeparatedRows() {
        #expect(HTMLText.looksLikeHTML(Self.page))
        let lines = HTMLText.text(fromHTML: Self.page).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.contains("示例局2025年部门预算情况说明"))
        #expect(lines.contains("## 示例局2025年部门预算情况说明"))
        #expect(lines.contains("示例局负责全市示例工作。"))
        #expect(lines.contains("2025年收入预算120.50万元，比上年增加3.2%，a < b。"))
        #expect(!lines.contains { $0.contains("不是正文") || $0.contains("color") || $0.contains("page language") })
        // Merged cells keep the columns in place: colspan adds cells, rowspan leaves the rows below empty.
        #expect(lines.contains("收入\t\t支出\t"))
        #expect(lines.contains("一般公共预算拨款收入\t120.50\t一般公共服务支出\t100.00"))
        #expect(lines.contains("\t\t社会保障和就业支出\t20.50"))
    }

    @Test func aWebPageDisclosureIsReadLikeItsTextForm() throws {
        let disclosure = try DisclosureImporter().read(text: HTMLText.text(fromHTML: Self.page), path: "page.html")
        let summary = try #require(disclosure.table(.incomeExpenditureSummary))
        #expect(summary.rows.contains { $0.side == .expenditure && $0.name == "社会保障和就业支出" && $0.values[ColumnKey(.total)]?.text == "20.50" })
        #expect(disclosure.narrative.contains { $0.text.contains("收入预算120.50万元") })
    }

    @Test func aFileThatIsAWebPageIsReadAsOne() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-\(UUID().uuidString).html")
        try Self.page.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let disclosure = try DisclosureImporter().read(path: file.path)
        #expect(disclosure.table(.incomeExpenditureSummary) != nil)
        #expect(!disclosure.narrative.contains { $0.text.contains("<br") || $0.text.contains("<p") || $0.text.contains("&nbsp;") })
    }

    @Test func textWithATagInItIsNotAPage() {
        #expect(!HTMLText.looksLikeHTML("## 说明\n加粗用 <b>这样</b> 写。\n"))
    }

    @Test func mutatedPagesNeverCrashTheReader() {
        // Tags cut, doubled and unclosed; entities broken; spans of any size: a disclosure or a refusal.
        let original = Array(Self.page.unicodeScalars)
        let alphabet = Array("<>/&;#x=\"' tdrhbpcolspanrowspan<!---->%万元合计\n\t0123456789".unicodeScalars)
        let run = FuzzRun("HTML reader", defaultSeconds: 5)
        var generator = SplitMix64(seed: run.seed)
        var inputs = 0
        while run.hasTime {
            let scalars = ScalarMutation.mutated(original, alphabet: alphabet, maximumEdits: 12, maximumRun: 300, using: &generator)
            let raw = String(String.UnicodeScalarView(scalars))
            let text = HTMLText.text(fromHTML: raw)
            // A script's text never reaches the page's text — unless the word stands in text after an
            // escaped "<" (a mutation can put "script" right after "&lt;"), which is text indeed.
            let outsideTags = raw.replacingOccurrences(of: "</script", with: "").replacingOccurrences(of: "<script", with: "")
            if !outsideTags.contains("script") { #expect(!text.contains("<script"), "seed \(run.seed)") }
            _ = try? DisclosureImporter().read(text: text, path: "fuzz.html")
            inputs += 1
        }
        #expect(inputs > 100, "seed \(run.seed)")
    }
}
