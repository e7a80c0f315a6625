import Foundation
import GongkaiCore
@testable import GongkaiImport
import Testing
import GongkaiTestSupport

@Suite struct TextImportTests {
    private func example() throws -> Disclosure {
        try DisclosureImporter().read(path: TestFiles.example("chongqing-unit-budget-2024.md"))
    }

    @Test func readsMetadataFromTheTitleAndNarrative() throws {
        let metadata = try example().metadata
        #expect(metadata.unitName == "示例县老年大学")
        #expect(metadata.year == 2024)
        #expect(metadata.kind == .budget)
        #expect(metadata.level == .unit)
        #expect(metadata.parentDepartment == "示例县委老干部局")
    }

    @Test func recognisesEveryTableKindOfTheExample() throws {
        let kinds = try example().tables.map(\.kind)
        #expect(kinds == [.fiscalSummary, .generalBudgetExpenditure, .generalBudgetBasicExpenditure, .threePublicCosts,
                          .governmentFundExpenditure, .incomeExpenditureSummary, .incomeSummary, .expenditureSummary,
                          .projectPerformanceGoals])
    }

    @Test func readsCodesNamesAndAmountsOfAFunctionalTable() throws {
        let table = try #require(try example().table(.generalBudgetExpenditure))
        #expect(table.moneyUnit == .wan)
        #expect(table.rows.compactMap(\.code?.digits) == ["205", "20508", "2050803", "208", "20805", "2080505", "2080506", "210",
                                                           "21011", "2101102", "2101199", "221", "22102", "2210201"])
        let row = try #require(table.rows.first { $0.code?.digits == "2050803" })
        #expect(row.value(.total)?.amount == Amount(fen: 168_520_000))
        #expect(row.value(.basic)?.text == "128.52")
        #expect(row.value(.project)?.text == "40.00")
        #expect(row.location.line == 68)
        #expect(table.totalRow()?.value(.total)?.text == "236.84")
    }

    @Test func splitsTwoSidedSummaryTablesIntoIncomeAndExpenditure() throws {
        let table = try #require(try example().table(.fiscalSummary))
        #expect(table.rows(on: .income).map(\.name).contains("一般公共预算资金"))
        let classes = table.rows(on: .expenditure).filter { $0.role == .detail }.map(\.name)
        #expect(classes.prefix(4) == ["教育支出", "社会保障和就业支出", "卫生健康支出", "住房保障支出"])
        #expect(table.rows.first { $0.name == "一、本年收入" }?.role == .group)
        #expect(table.totalRow(on: .expenditure)?.value(.generalBudget)?.text == "236.84")
    }

    @Test func readsThePerformanceGoalWithItsExecutionRateWeight() throws {
        let goal = try #require(try example().table(.projectPerformanceGoals)?.performanceGoals.first)
        #expect(goal.projectName == "老年教育教学经费")
        #expect(goal.executionRateWeight == 10)
        #expect(goal.indicators.count == 5)
        #expect(goal.indicators.last?.unit == nil)
        #expect(goal.budget?.text == "40.00")
    }

    @Test func findsAmountsPercentagesAndYearsInTheNarrative() throws {
        let paragraph = try #require(try example().narrative.first { $0.text.hasPrefix("（一）收入预算") })
        #expect(paragraph.section == .overview)
        let amounts = paragraph.mentions.compactMap { mention -> String? in
            if case let .amount(figure) = mention.kind { return figure.textWithUnit } else { return nil }
        }
        #expect(amounts.prefix(3) == ["236.84万元", "221.30万元", "15.54万元"])
        #expect(paragraph.mentions.contains { $0.kind == .percentage(Percentage(scaled: 751, decimals: 2)) })
        #expect(paragraph.mentions.contains { $0.kind == .year(2023) })
    }

    @Test func joinsAParagraphBrokenByABlankLineMidSentence() throws {
        let text = "## 二、单位收支总体情况\n收入较 2022 年 122.44 万元增加\n\n68.54 万元，主要是拨款增加。\n"
        let disclosure = try DisclosureImporter().read(text: text, path: "broken.md")
        #expect(disclosure.narrative.last?.text == "收入较2022年122.44万元增加68.54万元，主要是拨款增加。")
    }

    @Test func readsTheExcerptHeaderAsMetadata() throws {
        let text = "source: http://example.invalid\nkind: final-accounts\nyear: 2024\nunit: 示例街道办事处\n---\n一、部门基本情况\n2024年度收入总计7548.19万元。\n"
        let disclosure = try DisclosureImporter().read(text: text, path: "excerpt.txt")
        #expect(disclosure.metadata.kind == .finalAccounts)
        #expect(disclosure.metadata.year == 2024)
        #expect(disclosure.metadata.unitName == "示例街道办事处")
    }
}
