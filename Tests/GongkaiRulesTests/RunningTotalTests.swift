import Foundation
import GongkaiCore
import GongkaiImport
import GongkaiRules
import Testing

/// A summary's totals add up as they run: 本年收入合计 the year's rows, 总计 that total plus the
/// carry-over below it, whose own numbered parts (一、… again) are its parts, not more income.
@Suite struct RunningTotalTests {
    private func columnTotals(grandTotal: String) throws -> [Diagnostic] {
        let text = """
            ## 2024年度财政拨款收入支出决算总表
            单位：万元
            收入\t\t支出\t
            项目\t决算数\t项目\t决算数
            一、一般公共预算财政拨款\t100.00\t一、一般公共服务支出\t100.00
            二、政府性基金预算财政拨款\t0.00\t\t
            本年收入合计\t100.00\t本年支出合计\t100.00
            年初财政拨款结转和结余\t10.00\t年末财政拨款结转和结余\t10.00
            一、一般公共预算财政拨款\t10.00\t\t
            二、政府性基金预算财政拨款\t0.00\t\t
            总计\t\(grandTotal)\t总计\t110.00
            """
        let disclosure = try DisclosureImporter().read(text: text, path: "t.md")
        let found = Checker().check(disclosure, profile: try Profile.named("generic"), catalog: try Catalog.bundled(year: 2024))
        return found.filter { $0.rule == "column-total" }
    }

    @Test func totalsIncludeThePreviousTotalAndNotTheCarryOversParts() throws {
        #expect(try columnTotals(grandTotal: "110.00").isEmpty)
    }

    @Test func aGrandTotalThatDoesNotAddUpIsFound() throws {
        let found = try columnTotals(grandTotal: "120.00")
        #expect(found.map(\.found) == ["120.00"])
        #expect(found.first?.expected == "110.00")
    }
}
