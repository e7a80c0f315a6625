import Foundation
import GongkaiCore
import GongkaiImport
import GongkaiRules
import Testing

/// A table read with confidence is judged cell by cell; a table the reader could not place is
/// reported once and its values are not turned into the publisher's errors.
@Suite struct TableConfidenceTests {
    private func diagnostics(_ text: String) throws -> [Diagnostic] {
        let disclosure = try DisclosureImporter().read(text: text, path: "t.md")
        return Checker().check(disclosure, profile: try Profile.named("chongqing-unit-budget"), catalog: try Catalog.bundled(year: 2024))
    }

    private func table(_ rows: [String]) -> String {
        """
        ## 示例单位2024年一般公共预算财政拨款支出预算表
        单位：万元
        科目编码\t科目名称\t合计\t基本支出\t项目支出
        \(rows.joined(separator: "\n"))
        """
    }

    /// A project's goals table with these indicator rows.
    private func goalsTable(_ indicators: [String]) -> String {
        """
        ## 2024年一般性项目绩效目标表（一级项目）
        单位：万元
        专项资金名称\t示例信息化项目\t业务主管部门\t示例部门
        当年预算\t18.76
        绩效指标\t指标\t指标权重\t计量单位\t指标性质\t指标值
        \(indicators.joined(separator: "\n"))
        """
    }

    @Test func oneBrokenSumInAnOtherwiseConsistentTableIsThePublishersError() throws {
        let found = try diagnostics(table([
            "合计\t\t36.00\t36.00\t",
            "208\t社会保障和就业支出\t36.00\t36.00\t",
            "20805\t行政事业单位养老支出\t36.00\t36.00\t",
            "2080505\t机关事业单位基本养老保险缴费支出\t20.00\t20.00\t",
            "2080506\t机关事业单位职业年金缴费支出\t10.00\t10.00\t",
        ]))
        #expect(found.of("table-unreadable").isEmpty)
        // One finding for the row, naming both columns its missing part breaks.
        #expect(found.of("hierarchy-sum").map(\.code) == ["20805"])
        #expect(found.of("hierarchy-sum").first?.column == "合计、基本支出")
    }

    @Test func aTableWhoseSumsFailEverywhereIsUnreadableNotWrong() throws {
        // Every amount shifted one row down: what a reader that misplaced the rows would produce.
        let found = try diagnostics(table([
            "合计\t\t\t\t",
            "208\t社会保障和就业支出\t30.00\t30.00\t",
            "20805\t行政事业单位养老支出\t50.00\t50.00\t",
            "2080505\t机关事业单位基本养老保险缴费支出\t30.00\t30.00\t",
            "2080506\t机关事业单位职业年金缴费支出\t7.00\t7.00\t",
        ]))
        let unreadable = found.of("table-unreadable")
        #expect(unreadable.count == 1)
        #expect(unreadable.first?.found?.contains("行合计") == true)
        #expect(found.filter { $0.severity == .error && ["hierarchy-sum", "column-total", "row-sum"].contains($0.rule) }.isEmpty)
    }

    @Test func labelsOfTwoColumnsReadAsOneAreUnreadable() throws {
        let found = try diagnostics("""
        ## 示例大学2023年收支决算总表
        单位：万元
        项目\t决算数
        一、财政拨款收入一、一般公共服务支出\t243.00
        二、上级补助收入二、外交支出\t109.50
        三、事业收入三、国防支出\t136.00
        四、经营收入四、公共安全支出\t425.00
        合计\t200.00
        """)
        #expect(found.of("table-unreadable").first?.found?.contains("4 行的名称是两栏项目连在一起") == true)
        #expect(found.of("column-total").isEmpty)
    }

    @Test func namesWithAmountsGluedInAreUnreadable() throws {
        let found = try diagnostics(table([
            "合计\t\t30.00\t30.00\t",
            "208\t社会保障和就业支出30.00\t30.00\t30.00\t",
            "20805\t行政事业单位养老支出30.00\t30.00\t30.00\t",
            "2080505\t机关事业单位基本养老保险缴费支出30.00\t30.00\t30.00\t",
        ]))
        #expect(found.of("table-unreadable").first?.found?.contains("3 行的名称中混有金额") == true)
        #expect(found.of("code-name-mismatch").isEmpty)
    }

    @Test func aColumnOfAmountsUnderAnUnknownHeadingIsDataNotName() throws {
        let disclosure = try DisclosureImporter().read(text: """
            ## 示例单位2024年一般公共预算财政拨款支出预算表
            单位：万元
            科目编码\t科目名称\t政府采购中预留给中小企业的份额\t合计\t基本支出\t项目支出
            208\t社会保障和就业支出\t1.50\t30.00\t30.00\t
            20805\t行政事业单位养老支出\t1.50\t30.00\t30.00\t
            2080505\t机关事业单位基本养老保险缴费支出\t1,201.50\t30.00\t30.00\t
            """, path: "t.md")
        let table = try #require(disclosure.tables.first)
        #expect(table.rows.map(\.name) == ["社会保障和就业支出", "行政事业单位养老支出", "机关事业单位基本养老保险缴费支出"])
        #expect(table.reading == TableReading(amountColumns: 4, unlabelledAmountColumns: 1))
    }

    @Test func tenBrokenIndicatorRowsInALongGoalsTableAreTheReadersNotThePublishers() throws {
        func goals(broken: Int) -> String {
            let good = (1...150).map { "\t示例指标\($0)\t5\t%\t≥\t\($0 % 90 + 10)" }
            let bad = (0..<broken).map { _ in "\t\t5\t%\t≥\t95" }
            return goalsTable(good.prefix(75) + bad + good.dropFirst(75))
        }
        // Two broken rows among 150 are the publisher's; ten are a table not read.
        let few = try diagnostics(goals(broken: 2))
        #expect(few.filter { $0.rule == "perf-malformed-row" }.count == 2)
        #expect(!few.contains { $0.rule == "table-unreadable" })
        let many = try diagnostics(goals(broken: 10))
        #expect(!many.contains { $0.rule == "perf-malformed-row" })
        #expect(many.contains { $0.rule == "table-unreadable" })
    }

    @Test func indicatorsWithoutComparisonOrValueByTheDozenAreNamesSplitByTheReader() throws {
        // Each line of a wrapped indicator name read as an indicator of its own: no 指标性质, no 指标值.
        func goals(bare: Int) -> String {
            let whole = (1...30).map { "\t示例指标\($0)\t2\t%\t≥\t\($0 + 60)" }
            let split = (0..<bare).map { "\t名称的第\($0)行\t\t\t\t" }
            return goalsTable(whole.prefix(15) + split + whole.dropFirst(15))
        }
        // Three values left out among 33 are the publisher's to fill in; twelve of 42 are a table not read.
        let few = try diagnostics(goals(bare: 3))
        #expect(few.contains { $0.rule == "perf-indicator-incomplete" })
        #expect(!few.contains { $0.rule == "table-unreadable" })
        let many = try diagnostics(goals(bare: 12))
        #expect(!many.contains { $0.rule == "perf-indicator-incomplete" })
        #expect(many.contains { $0.rule == "table-unreadable" && $0.message.contains("既无指标性质也无指标值") })
    }

    @Test func anIndicatorRowWithTwoComparisonsIsTwoRowsReadAsOne() throws {
        let text = """
        ## 2024年一般性项目绩效目标表（一级项目）
        单位：万元
        专项资金名称\t示例信息化项目\t业务主管部门\t示例部门
        当年预算\t18.76
        绩效指标\t指标\t指标权重\t计量单位\t指标性质\t指标值
        \t站点网络通畅率\t50\t%\t≥\t99
        \t培训人次新建站点数量\t105\t人次个\t≥≥\t30010
        """
        let found = try diagnostics(text)
        #expect(found.contains { $0.rule == "table-unreadable" && $0.message.contains("连成了一行") })
        #expect(!found.contains { $0.rule == "perf-weights-sum" })
    }
}
