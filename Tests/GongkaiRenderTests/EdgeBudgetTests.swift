import Foundation
import GongkaiCore
import GongkaiImport
import GongkaiRender
import GongkaiReport
import GongkaiRules
import GongkaiTestSupport
import Testing

/// Ordinary budgets at the edges of what the layouts show — no “三公” and no 机关运行经费, money carried
/// over from last year, no projects, many projects, 事业收入 only, a very long name — render, and the
/// budget rules and the package's own check find no error in them.
@Suite struct EdgeBudgetTests {
    /// A variation of an example budget, with the profile it renders under.
    struct Edge: CustomTestStringConvertible, Sendable {
        let name: String
        let example: String
        let profile: String
        let change: @Sendable (inout Budget) -> Void
        var testDescription: String { name }
    }

    static let edges: [Edge] = [
        Edge(name: "上海公益一类：无“三公”、无机关运行经费", example: TestFiles.eldercare, profile: "shanghai-unit-budget") { budget in
            budget.threePublicCosts.reception = CostItem(amount: .zero, priorYear: .zero, reason: "无公务接待计划")
            budget.operatingCosts = nil
        },
        Edge(name: "重庆：上年结转的一般公共预算资金", example: TestFiles.laoganbu, profile: "chongqing-unit-budget") { budget in
            budget.income.append(IncomeLine(source: .carryoverIn, amount: yuan(100_000), fund: .generalBudget))
            budget.expenditure.append(line("2013201", "30101", .personnel, yuan(100_000)))
        },
        Edge(name: "上海：上年结转", example: TestFiles.eldercare, profile: "shanghai-unit-budget") { budget in
            budget.income.append(IncomeLine(source: .carryoverIn, amount: yuan(50_000), fund: .generalBudget))
            budget.expenditure.append(line("2081002", "30201", .publicCosts, yuan(50_000)))
        },
        Edge(name: "上海：无项目", example: TestFiles.eldercare, profile: "shanghai-unit-budget") { budget in
            let projectSpending = budget.expenditure.filter { $0.kind == .project }
            budget.expenditure.removeAll { $0.kind == .project }
            budget.projects = []
            for line in projectSpending {
                guard let index = budget.income.firstIndex(where: { $0.source == line.fund }) else { continue }
                budget.income[index].amount = budget.income[index].amount - line.amount
            }
            budget.income.removeAll { $0.amount.isZero && $0.source != .generalBudget }
        },
        Edge(name: "重庆：二十个项目", example: TestFiles.laoganbu, profile: "chongqing-unit-budget") { budget in
            guard let template = budget.projects.first else { return }
            budget.projects = (1...20).map { number in
                var project = template
                project.id = "P\(number)"
                project.name = "示例专项工作第\(number)项经费"
                return project
            }
        },
        Edge(name: "重庆：事业收入安排的项目", example: TestFiles.laoganbu, profile: "chongqing-unit-budget") { budget in
            addInstitutionRevenueProject(&budget)
        },
        Edge(name: "上海：名称很长的单位", example: TestFiles.eldercare, profile: "shanghai-unit-budget") { budget in
            budget.unit.name = "上海市普陀区示例街道社区长者综合照护与日间照料及助餐助浴服务管理中心"
        },
    ]

    private static func yuan(_ value: Int64) -> Amount { Amount(fen: value * 100) }

    /// 事业收入 of 80,000 元 spent on a project of the unit's own.
    static func addInstitutionRevenueProject(_ budget: inout Budget) {
        budget.income.append(IncomeLine(source: .institutionRevenue, amount: yuan(80_000)))
        var line = line("2013201", "30201", .project, yuan(80_000))
        line.fund = .institutionRevenue
        line.project = budget.projects.first?.id
        budget.expenditure.append(line)
    }

    @Test func whereNotAllMoneyIsAppropriatedTheChangesOfBasicAndProjectSpendingNameTheirScope() throws {
        var budget = try BudgetJSONReader.read(contentsOf: TestFiles.laoganbu)
        Self.addInstitutionRevenueProject(&budget)
        let document = DisclosureRenderer(profile: try RenderProfile.named("chongqing-unit-budget"), catalog: try Catalog.bundled(year: budget.year)).render(budget)
        let text = document.sections.flatMap(\.paragraphs).map(\.text).joined(separator: "\n")
        // Last year's figures are 一般公共预算 ones; the whole budget's 项目支出 rose by the 8.00万元 of
        // 事业收入 too, which the sentence must not claim as the 一般公共预算 change.
        #expect(text.contains("主要是一般公共预算基本支出预算增加68.54万元，一般公共预算项目支出预算持平"))
        #expect(text.contains("项目支出0万元，与2022年持平"))
    }

    private static func line(_ function: String, _ economic: String, _ kind: SpendingKind, _ amount: Amount) -> ExpenditureLine {
        ExpenditureLine(function: FunctionCode(function)!, economic: EconomicCode(economic)!, kind: kind, amount: amount)
    }

    @Test(arguments: edges)
    func rendersWithNoError(_ edge: Edge) throws {
        var budget = try BudgetJSONReader.read(contentsOf: edge.example)
        edge.change(&budget)
        let profile = try Profile.named(edge.profile)
        let catalog = try Catalog.bundled(year: budget.year)
        let rules = BudgetChecker().check(BudgetCheckContext(budget: budget, profile: profile, catalog: catalog, path: edge.name))
        #expect(rules.filter { $0.severity == .error }.map(\.message) == [])
        let document = DisclosureRenderer(profile: try RenderProfile.named(edge.profile), catalog: catalog).render(budget)
        let findings = try RenderRunner.check(document, profile: profile, catalog: catalog, path: edge.name)
        #expect(findings.filter { $0.severity == .error }.map(\.message) == [])
    }

    @Test func aThreePublicCostsTableWithNothingInItSaysWhy() throws {
        var budget = try BudgetJSONReader.read(contentsOf: TestFiles.eldercare)
        Self.edges[0].change(&budget)
        let document = DisclosureRenderer(profile: try RenderProfile.named("shanghai-unit-budget"), catalog: try Catalog.bundled(year: budget.year))
            .render(budget)
        let table = try #require(document.tables.first { $0.kind == .threePublicCosts })
        #expect(table.note == "本单位2025年无“三公”经费和机关运行经费预算，故此表无数据。")
    }
}
