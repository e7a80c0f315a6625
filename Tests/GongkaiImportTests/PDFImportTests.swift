import Foundation
import GongkaiCore
import GongkaiImport
import Testing
import GongkaiTestSupport

/// Reads the real Shanghai PDFs of the shared corpus (present in CI).
@Suite(.enabled(if: TestFiles.hasCorpus && TestFiles.hasPDFReader, "needs ../shared/corpus and mutool; skipped when either is absent"))
struct PDFImportTests {
    static let documents = ["D01", "D02", "D03", "D04", "D05", "D06"]

    private func read(_ prefix: String) throws -> Disclosure {
        let path = try #require(TestFiles.corpus(prefix + "-"), "corpus file \(prefix) missing")
        return try DisclosureImporter().read(path: path)
    }

    @Test(arguments: documents)
    func everyTableInTheDocumentsOwnContentsIsRecognised(prefix: String) throws {
        let disclosure = try read(prefix)
        let listed = disclosure.contents.compactMap(\.tableKind)
        #expect(listed.count >= 9, "the contents of \(prefix) list \(listed.count) tables")
        let found = Set(disclosure.tables.compactMap(\.kind))
        for kind in listed {
            #expect(found.contains(kind), "\(prefix): the contents list \(kind.rawValue) but no such table was read")
        }
    }

    @Test func justiceBureauIncomeSummaryHasAllItsCodeRows() throws {
        let table = try #require(try read("D03").table(.incomeSummary))
        #expect(table.moneyUnit == .yuan)
        #expect(table.rows.compactMap(\.code?.digits) == [
            "204", "20406", "2040601", "2040604", "2040605", "2040607", "2040613", "2040699", "208", "20805", "2080501",
            "2080505", "2080506", "2080599", "210", "21011", "2101101", "221", "22102", "2210201", "2210203",
        ])
        #expect(table.totalRow()?.value(.total)?.text == "96282213.44")
        #expect(table.rows.first { $0.code?.digits == "2040601" }?.value(.fiscalAppropriation)?.amount == Amount(fen: 1_672_672_544))
    }

    @Test func generalBudgetTableContinuesAcrossThePageBreak() throws {
        let table = try #require(try read("D03").table(.generalBudgetExpenditure))
        #expect(table.pages == [15, 16])
        #expect(table.rows.compactMap(\.code?.digits).count == 21)
        #expect(table.rows.first { $0.code?.digits == "210" }?.location.page == 16)
    }

    @Test func basicExpenditureTableSplitsPersonnelAndPublicCosts() throws {
        let table = try #require(try read("D03").table(.generalBudgetBasicExpenditure))
        let total = try #require(table.totalRow())
        #expect(total.value(.total)?.text == "25741666.44")
        #expect(total.value(.personnel)?.text == "23563342.00")
        #expect(total.value(.publicCosts)?.text == "2178324.44")
        #expect(table.rows.compactMap(\.code?.digits).contains("31002"))
    }

    @Test func threePublicCostsTableReadsEveryColumn() throws {
        let row = try #require(try read("D03").table(.threePublicCosts)?.rows.first(where: \.hasData))
        #expect(row.value(.total)?.text == "10.81")
        #expect(row.value(.reception)?.text == "0.83")
        #expect(row.value(.vehicleTotal)?.text == "9.98")
        #expect(row.value(.vehicleOperation)?.text == "9.98")
        #expect(row.value(.operatingCosts)?.text == "217.83")
    }

    @Test func welfareHomeBrokenCodeCellIsKeptAsPublished() throws {
        let table = try #require(try read("D01").table(.expenditureSummary))
        let broken = try #require(table.rows.first { $0.name == "事业单位医疗" })
        #expect(broken.code == nil)
        #expect(broken.rawCode == "7 11 02")
        #expect(broken.location.page == 9)
    }

    @Test func summaryTableSeparatesIncomeAndExpenditureSides() throws {
        let table = try #require(try read("D01").table(.incomeExpenditureSummary))
        #expect(table.totalRow(on: .income)?.value(.total)?.text == "12,121,164")
        #expect(table.totalRow(on: .expenditure)?.value(.personnel)?.text == "7,380,214")
        #expect(table.rows(on: .expenditure).contains { $0.name == "三、医疗卫生与计划生育支出" })
    }

    @Test(arguments: ["D04", "D05"])
    func commerceCommissionDocumentsReadWithoutError(prefix: String) throws {
        let disclosure = try read(prefix)
        #expect(disclosure.tables.count == 9)
        #expect(disclosure.metadata.unitName == "上海市普陀区商务委员会")
        #expect(disclosure.metadata.level == (prefix == "D04" ? .department : .unit))
    }

    @Test func codeLevelHeadingsDrawnIntoTheTotalRowAreHeadings() throws {
        // D09's grid puts 类 款 项 in the row of 合计: they head the split code, and 合计 is the total row.
        let disclosure = try DisclosureImporter().read(path: try #require(TestFiles.corpus("D09-")))
        let income = try #require(disclosure.table(.incomeSummary))
        #expect(income.columns.prefix(3).map { $0.headerPath.last } == ["类", "款", "项"])
        #expect(income.totalRow()?.values[ColumnKey(.total)]?.text == "2,946.25")
        #expect(income.rows.first { $0.code?.digits == "2010601" }?.name == "行政运行")
        // Its 支出决算表 splits the money as the header says: 基本支出 and 项目支出, not shifted a column.
        let spending = try #require(disclosure.table(.expenditureSummary))
        #expect(spending.totalRow()?.values[ColumnKey(.basic)]?.text == "2,336.91")
        #expect(spending.totalRow()?.values[ColumnKey(.project)]?.text == "603.14")
    }

    @Test func finalAccountsTemplateReadsBothHalvesOfTheBasicTable() throws {
        let disclosure = try read("D06")
        #expect(disclosure.metadata.kind == .finalAccounts)
        let basic = try #require(disclosure.table(.generalBudgetBasicExpenditure))
        let left = basic.rows(on: .single).compactMap(\.code?.digits)
        let right = basic.rows(on: .right).compactMap(\.code?.digits)
        #expect(left.prefix(3) == ["301", "30101", "30102"])
        #expect(right.prefix(3) == ["302", "30201", "30202"])
        #expect(right.contains("31099"))
        let functional = try #require(disclosure.table(.generalBudgetExpenditure))
        #expect(functional.rows.compactMap(\.code?.digits) == ["205", "20502", "2050205", "207", "20799"])
        #expect(functional.rows.first { $0.code?.digits == "20799" }?.name == "其他文化旅游体育与传媒支出")
    }

    @Test func performanceGoalsOfTheStreetOfficeAreRead() throws {
        let goals = try read("D02").tables(.projectPerformanceGoals).flatMap(\.performanceGoals)
        #expect(goals.count == 5)
        let first = try #require(goals.first)
        #expect(first.projectName == "新建万里街道社区公共服务中心")
        #expect(first.indicators.first?.comparison == "≥")
        #expect(first.indicators.first?.unit == "平方米")
    }
}
