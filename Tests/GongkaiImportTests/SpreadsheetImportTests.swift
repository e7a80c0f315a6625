import Foundation
import GongkaiCore
import GongkaiImport
import Testing
import GongkaiTestSupport

@Suite struct SpreadsheetImportTests {
    @Test func exampleWorkbookHasEveryTableOfTheUnitTemplate() throws {
        let disclosure = try DisclosureImporter().read(path: TestFiles.example("shanghai-unit-budget-2025.xlsx"))
        #expect(disclosure.metadata.unitName == "上海市普陀区示例社区养老服务中心")
        #expect(disclosure.metadata.level == .unit)
        #expect(Set(disclosure.tables.compactMap(\.kind)).count == 9)
        let income = try #require(disclosure.table(.incomeSummary))
        let row = try #require(income.rows.first { $0.code?.digits == "2081002" })
        #expect(row.value(.institutionRevenue)?.amount == Amount(fen: 60_000_000))
        #expect(row.location.sheet == "单位收入总表")
        #expect(row.location.cell == "A14")
        let explanation = try #require(disclosure.narrative.first { $0.text.contains("老年福利") })
        #expect(explanation.location?.sheet == "单位编制说明")
    }

    @Test(.enabled(if: TestFiles.hasCorpus, "needs ../shared/corpus; skipped when it is absent"),
          arguments: ["D07", "D08"])
    func shanghaiTemplatesAreRecognisedSheetBySheet(prefix: String) throws {
        let path = try #require(TestFiles.corpus(prefix + "-"))
        let disclosure = try DisclosureImporter().read(path: path)
        let kinds = Set(disclosure.tables.compactMap(\.kind))
        #expect(kinds.count == 9, "\(prefix) read \(kinds.map(\.rawValue).sorted())")
        #expect(disclosure.contents.compactMap(\.tableKind).count == 9)
        #expect(disclosure.table(.incomeSummary)?.rows.contains { $0.code?.digits == "2050205" } == true)
    }
}
