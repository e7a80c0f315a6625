import Foundation
import GongkaiCore
import GongkaiImport
@testable import GongkaiPortal
import GongkaiReport
import GongkaiStore
import GongkaiTestSupport
import Testing

@Suite struct PublicationIndexerTests {
    static let eldercare = TestFiles.examples.appendingPathComponent("shanghai-civil-affairs-2025/eldercare-centre.json").path
    static let finalAccounts = TestFiles.examples.appendingPathComponent("shanghai-civil-affairs-2024-final-accounts.json").path

    func index(_ path: String) throws -> (Budget, PublicationIndex) {
        let budget = try BudgetJSONReader.read(contentsOf: path)
        let rendered = try RenderRunner.document(for: budget)
        return (budget, PublicationIndexer.index(budget, document: rendered.document, catalog: rendered.catalog))
    }

    @Test func theFiguresAreTheBudgetsOwnSums() throws {
        let (budget, index) = try index(Self.eldercare)
        func figure(_ measure: String, _ basis: FigureBasis = .stated) -> Amount? {
            index.figures.first { $0.measure == measure && $0.basis == basis }?.amount
        }
        // 3,258,400 of general budget and 600,000 of 事业收入, all spent.
        #expect(figure(Measures.expenditure) == Amount(fen: 385_840_000))
        #expect(figure(Measures.basic)! + figure(Measures.project)! == figure(Measures.expenditure))
        #expect(figure(Measures.project) == Amount(fen: 90_000_000))
        #expect(figure(Measures.threePublicCosts) == Amount(fen: 500_000))
        #expect(figure(Measures.threePublicCosts + ".reception") == Amount(fen: 500_000))
        // 208 社会保障和就业支出 = 2080505 + 2080506 + 2081002.
        #expect(figure("function:208") == Amount(fen: (312_000 + 156_000 + 420_000 + 180_000 + 760_000 + 60_000 + 40_000 + 120_000 + 280_000 + 40_000 + 300_000 + 600_000) * 100))
        #expect(index.figures.first { $0.measure == "function:208" }?.label == "社会保障和就业支出")
        // A public institution with no 机关运行经费 has no such figure, rather than a zero.
        #expect(budget.operatingCosts == nil && figure(Measures.operatingCosts) == nil)
        // A budget states no 预算数 beside its own.
        #expect(!index.figures.contains { $0.basis == .budgeted })
    }

    @Test func finalAccountsCarryTheBudgetTheyCompareWith() throws {
        let (budget, index) = try index(Self.finalAccounts)
        let budgeted = index.figures.filter { $0.basis == .budgeted }
        #expect(!budgeted.isEmpty)
        if let general = budget.comparison.budgetedGeneralBudget {
            #expect(budgeted.contains { $0.measure == Measures.generalBudget && $0.amount == general })
        }
        for figure in budgeted where Measures.isFunction(figure.measure) {
            let code = String(figure.measure.dropFirst("function:".count))
            let sum = Amount.sum(budget.comparison.budgetedByFunction.filter { $0.key.hasPrefix(code) }.map(\.value))
            #expect(figure.amount == sum, "\(figure.measure)")
        }
    }

    @Test func textsPointAtTheTableOrSectionThatShowsThem() throws {
        let (_, index) = try index(Self.eldercare)
        let subject = try #require(index.texts.first { $0.kind == .subject && $0.text == "2081002 老年福利" })
        #expect(subject.anchor.hasPrefix("table-"))
        #expect(index.texts.contains { $0.kind == .subject && $0.text == "208 社会保障和就业支出" })
        #expect(index.texts.contains { $0.kind == .project && $0.text == "长者照护之家运营补贴" })
        let sentences = index.texts.filter { $0.kind == .sentence }
        #expect(sentences.contains { $0.text.contains("三公") && $0.anchor.hasPrefix("section-") })
        // Sentences end at their mark and are never empty.
        #expect(sentences.allSatisfy { $0.text.count > 1 && !$0.text.dropLast().contains("。") })
    }

    @Test func sentencesSplitAtTheirClosingMarks() {
        #expect(PublicationIndexer.sentences(of: "收入预算385.84万元。其中：财政拨款325.84万元；事业收入60万元。无") ==
            ["收入预算385.84万元。", "其中：财政拨款325.84万元；", "事业收入60万元。"])
    }
}

@Suite struct PortalFormatTests {
    @Test func changesAreRoundedHalfUpFromExactAmounts() {
        #expect(PortalFormat.change(from: Amount(fen: 2_000), to: Amount(fen: 2_247)) == "+12.4%")   // 12.35
        #expect(PortalFormat.change(from: Amount(fen: 2_000), to: Amount(fen: 1_753)) == "-12.4%")   // -12.35
        #expect(PortalFormat.change(from: Amount(fen: 3_000), to: Amount(fen: 3_000)) == "0.0%")
        #expect(PortalFormat.change(from: .zero, to: Amount(fen: 100)) == nil)
        #expect(PortalFormat.change(from: Amount(fen: -100), to: Amount(fen: 100)) == nil)
        #expect(PortalFormat.change(from: Amount(fen: 100_000), to: Amount(fen: 99_996)) == "0.0%")   // -0.004%
        #expect(PortalFormat.percentOf(Amount(fen: 98_765), Amount(fen: 100_000)) == "98.77%")
        #expect(PortalFormat.percentOf(Amount(fen: 1), Amount(fen: 3)) == "33.33%")
        #expect(PortalFormat.wan(Amount(fen: 371_514_700_00)) == "37,151.47")
    }

    @Test func versionChangesListOnlyWhatDiffers() {
        let before = [IndexedFigure(measure: "expenditure", label: "支出合计", amount: Amount(fen: 100)),
                      IndexedFigure(measure: "sangong", label: "“三公”经费", amount: Amount(fen: 5)),
                      IndexedFigure(measure: "operating-costs", label: "机关运行经费", amount: Amount(fen: 7))]
        let after = [IndexedFigure(measure: "expenditure", label: "支出合计", amount: Amount(fen: 120)),
                     IndexedFigure(measure: "sangong", label: "“三公”经费", amount: Amount(fen: 5))]
        #expect(VersionChange.between(before, after) == [VersionChange(label: "支出合计", before: Amount(fen: 100), after: Amount(fen: 120)),
                                                         VersionChange(label: "机关运行经费", before: Amount(fen: 7), after: nil)])
    }

    @Test func aChartHasATitleAndOneBarPerValue() {
        let chart = BarChart(title: "历年支出", categories: ["2024年", "2025年"],
                             series: [BarChart.Series(name: "基本支出", values: [Amount(fen: 100_000_00), Amount(fen: 120_000_00)]),
                                      BarChart.Series(name: "项目支出", values: [nil, Amount(fen: 30_000_00)])])
        let svg = chart.svg(id: "c")
        #expect(svg.contains("role=\"img\"") && svg.contains("<title id=\"c-title\">历年支出</title>"))
        // Three bars and two legend keys.
        #expect(svg.components(separatedBy: "<rect").count - 1 == 5)
        #expect(svg.contains("2025年 基本支出：12.00 万元"))
    }
}

@Suite struct BarChartScaleTests {
    @Test func theAxisHasFourRoundSteps() {
        // 0.50 万元 (500,000 fen) → steps of 0.20 万元 up to 0.80.
        #expect(BarChart.niceCeiling((500_000 + 3) / 4) * 4 == 800_000)
        #expect(BarChart.niceCeiling(250) == 250 && BarChart.niceCeiling(251) == 500 && BarChart.niceCeiling(1) == 10)
        #expect(BarChart.niceCeiling(1_000_000) == 1_000_000 && BarChart.niceCeiling(1_000_001) == 2_000_000)
    }
}
