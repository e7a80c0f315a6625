import Foundation
import GongkaiCore
import GongkaiImport
import GongkaiRender
import GongkaiReport
import GongkaiRules
import Testing
import GongkaiTestSupport

/// A department's budget is the sum of its units' budgets, and renders into a clean department package.
@Suite struct ConsolidationTests {
    private func units() throws -> [(path: String, budget: Budget)] {
        try [TestFiles.bureau, TestFiles.eldercare].map { ($0, try BudgetJSONReader.read(contentsOf: $0)) }
    }

    @Test func everyDepartmentFigureIsTheSumOfTheUnits() throws {
        let units = try units()
        let department = try BudgetConsolidation.consolidate(units)
        let budgets = units.map(\.budget)
        #expect(department.unit.name == "上海市普陀区示例民政局")
        #expect(department.unit.level == .department)
        #expect(department.totalIncome == Amount.sum(budgets.map(\.totalIncome)))
        #expect(department.expenditureSums.total == Amount.sum(budgets.map(\.expenditureSums.total)))
        for source in IncomeSource.allCases {
            #expect(department.income(from: source) == Amount.sum(budgets.map { $0.income(from: source) }))
        }
        let departmentRows = ExpenditureBreakdown.byFunction(department.expenditure)
        for row in departmentRows.rows {
            let unitSum = Amount.sum(budgets.map { ExpenditureBreakdown.byFunction($0.expenditure).row(row.code)?.sums.total ?? .zero })
            #expect(row.sums.total == unitSum, "\(row.code)")
        }
        #expect(department.threePublicCosts.total == Amount.sum(budgets.map(\.threePublicCosts.total)))
        #expect(department.comparison.fiscalAppropriation == Amount.sum(budgets.compactMap(\.comparison.fiscalAppropriation)))
        #expect(department.unit.staffCount == 104)
        #expect(department.projects.map(\.id) == ["CA2025-01", "P2025-01"])
        // Lines of the same code, kind and fund merge: the pension lines of both units are one line each.
        #expect(department.expenditure.filter { $0.function.digits == "2080505" }.count == 1)
    }

    @Test func theDepartmentPackageChecksClean() throws {
        let department = try BudgetConsolidation.consolidate(try units())
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let options = RenderOptions(profile: "shanghai-department-budget", formats: [.xlsx], outputDirectory: folder.path)
        let outcome = try RenderRunner(options: options).render(department, path: "department")
        #expect(outcome.errors.map(\.message) == [])
        #expect((outcome.budgetDiagnostics + outcome.outputDiagnostics).filter { $0.severity > .info }.map(\.message) == [])
        #expect(outcome.document.tables.first?.title == "2025年部门财务收支预算总表")
        #expect(outcome.document.sections.contains { $0.heading == "（六）项目经费情况说明" })
        let report = try CheckRunner(options: CheckOptions(profile: "shanghai-department-budget")).run(paths: outcome.written)
        #expect(report.documents.first?.diagnostics.filter { $0.severity == .error }.map(\.message) == [])
    }

    @Test func unitsOfAnotherYearAreRefused() throws {
        var units = try units()
        units[1].budget.year = 2024
        let error = try #require(throws: GongkaiError.self) { try BudgetConsolidation.consolidate(units) }
        #expect(error.path == TestFiles.eldercare)
        #expect(error.message.contains("2024年预算"))
    }

    @Test func aProjectIdUsedByTwoUnitsIsRefused() throws {
        var units = try units()
        units[1].budget.projects[0].id = "CA2025-01"
        let error = try #require(throws: GongkaiError.self) { try BudgetConsolidation.consolidate(units) }
        #expect(error.message.contains("CA2025-01"))
    }
}
