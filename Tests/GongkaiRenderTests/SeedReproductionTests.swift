import Foundation
import GongkaiCore
import GongkaiImport
import GongkaiRender
import Testing
import GongkaiTestSupport

/// The seed unit's budget kept as data renders back into the seed's tables, number for number, and
/// fixes what the seed got wrong (missing 部门收入总表, unexplained empty tables, 基本支出 68.54).
@Suite(.enabled(if: TestFiles.hasCorpus, "needs ../shared/corpus (the seed disclosure); skipped when it is absent"))
struct SeedReproductionTests {
    static let seed = Result { try DisclosureImporter().read(path: TestFiles.corpus("seed-")!) }

    private func rendered() throws -> Disclosure {
        let example = try RenderedExample.laoganbu.get()
        return try DisclosureImporter().read(text: TextWriter.text(example.document), path: "rendered.md")
    }

    @Test(arguments: [TableKind.generalBudgetExpenditure, .generalBudgetBasicExpenditure, .expenditureSummary])
    func codeTablesMatchTheSeedRowForRow(kind: TableKind) throws {
        let seedTable = try #require(try Self.seed.get().table(kind))
        let ours = try #require(try rendered().table(kind))
        let expected = CodeRows.read(seedTable)
        #expect(!expected.isEmpty)
        #expect(CodeRows.read(ours) == expected)
        #expect(ours.totalRow()?.values.mapValues(\.amount) == seedTable.totalRow()?.values.mapValues(\.amount))
    }

    @Test(arguments: [TableKind.fiscalSummary, .incomeExpenditureSummary])
    func summaryTablesHoldTheSeedsNumbers(kind: TableKind) throws {
        let seedTable = try #require(try Self.seed.get().table(kind))
        let ours = try #require(try rendered().table(kind))
        func numbers(_ table: DisclosureTable) -> [String: [Amount]] {
            Dictionary(grouping: table.rows.filter { $0.hasData }, by: { ChineseText.removingSpaces($0.name) })
                .mapValues { rows in rows.flatMap { $0.values.values.map(\.amount) }.filter { !$0.isZero }.sorted() }
        }
        let seedNumbers = numbers(seedTable)
        #expect(!seedNumbers.isEmpty)
        for (name, amounts) in seedNumbers {
            #expect(numbers(ours)[name] == amounts, "row \(name)")
        }
    }

    @Test func seedProjectsKeepTheirBudgetsAndIndicators() throws {
        let seedGoals = try Self.seed.get().tables(.projectPerformanceGoals).flatMap(\.performanceGoals).filter { $0.projectName != nil }
        let ourGoals = try rendered().tables(.projectPerformanceGoals).flatMap(\.performanceGoals).filter { $0.projectName != nil }
        #expect(seedGoals.count == 7)
        #expect(ourGoals.map(\.projectName) == seedGoals.map(\.projectName))
        #expect(ourGoals.map { $0.budget?.amount } == seedGoals.map { $0.budget?.amount })
        for (ours, theirs) in zip(ourGoals, seedGoals) {
            #expect(ours.indicators.map(\.name) == theirs.indicators.map(\.name))
            #expect(ours.indicators.map(\.weight) == theirs.indicators.map(\.weight))
            #expect(ours.malformedRows.isEmpty)
        }
    }

    @Test func theMissingIncomeSummaryIsAddedAndAgreesWithTheExpenditureTable() throws {
        #expect(try Self.seed.get().table(.incomeSummary) == nil)
        let ours = try rendered()
        let income = try #require(ours.table(.incomeSummary))
        let expenditure = try #require(ours.table(.expenditureSummary))
        #expect(CodeRows.read(income).mapValues { $0.first } == CodeRows.read(expenditure).mapValues { $0.first })
    }

    @Test func narrativeStatesTheBasicExpenditureFromTheTables() throws {
        let text = try RenderedExample.laoganbu.get().document.sections.flatMap(\.paragraphs).map(\.text).joined()
        #expect(text.contains("其中：基本支出190.98万元，比2022年增加68.54万元"))
        #expect(!text.contains("基本支出68.54万元"))
        #expect(text.contains("政府采购工程预算0万元"))
        #expect(text.contains("机关运行经费36.11万元，比2022年减少6.72万元"))
    }

    @Test func emptyTablesCarryTheirExplanation() throws {
        let document = try RenderedExample.laoganbu.get().document
        let notes = Dictionary(grouping: document.tables, by: \.kind).mapValues { $0.compactMap(\.note) }
        #expect(notes[.threePublicCosts]?.first?.contains("无“三公”经费预算") == true)
        #expect(notes[.governmentFundExpenditure]?.first?.contains("无政府性基金预算") == true)
        #expect(notes[.projectPerformanceGoals]?.first?.contains("无项目支出") == true)
    }
}
