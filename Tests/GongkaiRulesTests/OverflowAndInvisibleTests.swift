import Foundation
import GongkaiCore
import GongkaiImport
import GongkaiRules
import GongkaiTestSupport
import Testing

/// Sums beyond the range of exact money are errors, never "rounding"; invisible characters are
/// reported while the real findings of the document stay what they are.
@Suite struct OverflowAndInvisibleTests {
    private func diagnostics(_ text: String, path: String = "t.md") throws -> [Diagnostic] {
        let disclosure = try DisclosureImporter().read(text: text, path: path)
        let profile = try Profile.named("chongqing-unit-budget")
        return Checker().check(disclosure, profile: profile, catalog: try Catalog.bundled(year: 2024))
    }

    @Test func aSumBeyondInt64IsAnErrorNotARoundingNote() throws {
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
        #expect(huge.contains { $0.rule == "hierarchy-sum" && $0.severity == .error && $0.expected?.hasPrefix("超出可计算的范围") == true })
        #expect(!huge.contains { $0.rule == "rounding-note" && $0.code == "20805" })
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
