import Foundation
import GongkaiCore
import GongkaiImport
import GongkaiRules
import GongkaiTestSupport
import Testing

/// Amounts beyond the range of exact money are never "rounding": a table full of them is not read as
/// amounts at all; invisible characters are reported while the real findings of the document stay what they are.
@Suite struct OverflowAndInvisibleTests {
    private func diagnostics(_ text: String, path: String = "t.md") throws -> [Diagnostic] {
        let disclosure = try DisclosureImporter().read(text: text, path: path)
        let profile = try Profile.named("chongqing-unit-budget")
        return Checker().check(disclosure, profile: profile, catalog: try Catalog.bundled(year: 2024))
    }

    @Test func amountsBeyondTheRangeAreNotReadNotRounded() throws {
        let table = { (a: String, b: String, total: String) in
            """
            ## 示例单位2024年一般公共预算支出表
            单位：万元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            208\t社会保障和就业支出\t\(total)\t\(total)\t
            20805\t行政事业单位养老支出\t\(total)\t\(total)\t
            2080505\t机关事业单位基本养老保险缴费支出\t\(a)\t\(a)\t
            2080506\t机关事业单位职业年金缴费支出\t\(b)\t\(b)\t
            """
        }
        let huge = try diagnostics(table("5000000000000.00", "5000000000000.00", "92233720368547.75"))
        // Four cells past 100万亿元 cannot be amounts: the table is said to be unreadable once, its sums are not judged.
        #expect(huge.contains { $0.rule == "table-unreadable" && $0.found?.contains("4 个金额单元格") == true })
        #expect(!huge.contains { ["rounding-note", "hierarchy-sum", "invalid-amount"].contains($0.rule) })
        let control = try diagnostics(table("4000000000000.00", "4000000000000.00", "9000000000000.00"))
        #expect(control.contains { $0.rule == "hierarchy-sum" && $0.code == "20805" && $0.expected == "8000000000000.00" })
    }

    @Test func zeroWidthSpacesChangeNoFindingButTheirOwn() throws {
        let clean = try String(contentsOfFile: TestFiles.example("chongqing-unit-budget-2024.md"), encoding: .utf8)
        let before = try diagnostics(clean).filter { $0.severity == .error }.map(\.rule).sorted()
        let after = try diagnostics(clean.replacingOccurrences(of: ".", with: "\u{200B}.")).filter { $0.severity == .error }.map(\.rule).sorted()
        #expect(after == before)
        #expect(try diagnostics(clean.replacingOccurrences(of: ".", with: "\u{200B}.")).contains { $0.rule == "invisible-characters" })
        #expect(try !diagnostics(clean).contains { $0.rule == "invisible-characters" })
    }
}
