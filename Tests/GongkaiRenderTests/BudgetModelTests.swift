import Foundation
import GongkaiCore
import GongkaiImport
import Testing
import GongkaiTestSupport

/// The budget data format: JSON reads and writes losslessly, sums are exact, errors name the field.
@Suite struct BudgetModelTests {
    @Test func exampleBudgetsSurviveAJSONRoundTrip() throws {
        for path in [TestFiles.laoganbu, TestFiles.eldercare, TestFiles.finalAccounts, TestFiles.bureau] {
            let budget = try BudgetJSONReader.read(contentsOf: path)
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            let again = try BudgetJSONReader.read(try encoder.encode(budget), path: path)
            #expect(again == budget)
        }
    }

    @Test func seedBudgetTotalsAreTheSeedsFigures() throws {
        let budget = try BudgetJSONReader.read(contentsOf: TestFiles.laoganbu)
        let sums = budget.expenditureSums
        #expect(sums.total == Amount(fen: 190_979_800))
        #expect(sums.personnel.formatted(in: .wan, decimals: 2) == "154.87")
        #expect(sums.publicCosts.formatted(in: .wan, decimals: 2) == "36.11")
        #expect(budget.totalIncome == sums.total)
        let byFunction = ExpenditureBreakdown.byFunction(budget.expenditure)
        #expect(byFunction.row("20805")?.sums.total.formatted(in: .wan, decimals: 2) == "23.77")
        #expect(byFunction.row("2080505")?.sums.total.formatted(in: .wan, decimals: 2) == "15.84")
        #expect(byFunction.classRows.map(\.code) == ["201", "208", "210", "221"])
    }

    @Test func amountsAreDecimalStringsAndNeverFloats() throws {
        let json = #"{"unit": {"name": "示例"}, "year": 2025, "income": [{"source": "generalBudget", "amount": "0.10"}], "expenditure": []}"#
        let budget = try BudgetJSONReader.read(Data(json.utf8), path: "budget.json")
        #expect(budget.income[0].amount == Amount(fen: 10))
        let encoded = String(decoding: try JSONEncoder().encode(budget), as: UTF8.self)
        #expect(encoded.contains(#""amount":"0.10""#))
    }

    @Test(arguments: [
        (#"{"unit": {"name": "示例"}, "year": 2025, "expenditure": [{"function": "20132", "economic": "3010", "kind": "personnel", "amount": "1"}]}"#,
         "expenditure[0].economic"),
        (#"{"unit": {"name": "示例"}, "year": 2025, "income": [{"source": "generalBudget", "amount": "1.234"}]}"#, "income[0].amount"),
        (#"{"unit": {"name": "示例"}, "year": 2025, "income": [{"source": "lottery", "amount": "1"}]}"#, "income[0].source"),
        (#"{"unit": {}, "year": 2025}"#, "unit.name"),
        (#"{"unit": {"name": "示例"}, "year": "二〇二五"}"#, "year"),
        (#"{"formatVersion": 9, "unit": {"name": "示例"}, "year": 2025}"#, "formatVersion"),
    ])
    func malformedJSONNamesTheField(json: String, field: String) throws {
        let error = try #require(throws: GongkaiError.self) { try BudgetJSONReader.read(Data(json.utf8), path: "budget.json") }
        #expect(error.code == .budgetInvalid)
        #expect(error.message.contains(field))
        #expect(error.path == "budget.json")
    }

    @Test func notJSONAtAllIsAClearError() throws {
        let error = try #require(throws: GongkaiError.self) { try BudgetJSONReader.read(Data("unit: 示例".utf8), path: "budget.json") }
        #expect(error.message.contains("JSON 格式错误（第 1 行第 1 列）"))
    }
}
