import Foundation
import GongkaiCore
import GongkaiImport
import GongkaiTestSupport
import Testing

/// Reads disclosures of other regions from `../shared/corpus/national` (present in CI): numbered
/// titles, 总体情况表 wording, numbers drawn in two pieces, two-line titles, names indented by level.
@Suite(.enabled(if: TestFiles.hasCorpus && TestFiles.hasPDFReader, "needs ../shared/corpus and mutool; skipped when either is absent"))
struct NationalReadingTests {
    private func read(_ name: String) throws -> Disclosure {
        let path = TestFiles.corpus.appendingPathComponent("national/\(name)").path
        try #require(FileManager.default.fileExists(atPath: path), "corpus file national/\(name) missing")
        return try DisclosureImporter().read(path: path)
    }

    @Test func chongqingSituationTablesAreTheStandardTables() throws {
        let disclosure = try read("cq-commerce-2026-dept-budget.pdf")
        let kinds = Set(disclosure.tables.compactMap(\.kind))
        let expected: [TableKind] = [.incomeExpenditureSummary, .incomeSummary, .expenditureSummary, .fiscalSummary, .generalBudgetExpenditure,
                                     .generalBudgetBasicExpenditure, .governmentFundExpenditure, .threePublicCosts]
        for kind in expected { #expect(kinds.contains(kind), "\(kind.rawValue) not read") }
        // "118,267" and ".14" are drawn as two words that touch: one amount.
        let spending = try #require(disclosure.table(.expenditureSummary))
        #expect(spending.totalRow()?.value(.project)?.text == "118,267.14")
    }

    @Test func aTargetWrappedAboveAndBelowItsIndicatorIsOneValue() throws {
        // Beijing's goals tables wrap a long 指标值 around the indicator's own line: “较上一年下降或≤” above,
        // “14.5/10万” below.
        let disclosure = try read("bj-health-2026-dept-budget-tables.pdf")
        let goals = disclosure.tables(.projectPerformanceGoals).flatMap(\.performanceGoals)
        let indicator = goals.flatMap(\.indicators).first { $0.name.contains("孕产妇死亡率") && $0.target?.hasPrefix("较上一年下降或≤") == true }
        #expect(indicator?.target == "较上一年下降或≤14.5/10万")
        #expect(!goals.flatMap(\.malformedRows).contains { $0.cells == ["14.5/10万"] })
    }

    @Test func beijingTitlesAfterTheTableNumberAreRead() throws {
        let disclosure = try read("bj-audit-2026-dept-budget-tables.pdf")
        #expect(disclosure.tables.prefix(4).map(\.title) == ["收支总表", "收入总表", "支出总表", "财政拨款收支总表"])
        #expect(disclosure.tables.prefix(4).map(\.kind) == [.incomeExpenditureSummary, .incomeSummary, .expenditureSummary, .fiscalSummary])
    }

    @Test func beijingSpendingRowsAreFiledUnderThreeClassifications() throws {
        // 预算03表 prints "2010801-行政运行 | 50101-工资奖金津补贴 | 30101-基本工资" on each row; 预算06表 the two
        // economic classifications.
        let disclosure = try read("bj-audit-2026-dept-budget-tables.pdf")
        let spending = try #require(disclosure.table(.expenditureSummary))
        let rent = try #require(spending.rows.first { $0.classifications.map { $0.code?.digits } == ["2010806", "50201", "30214"] })
        #expect(rent.classifications.last?.name == "租赁费")
        #expect(rent.value(.project)?.text == "2,180.712320")
        #expect(spending.rows.filter { !$0.codes.isEmpty }.count == 64)
        let basic = try #require(disclosure.table(.generalBudgetBasicExpenditure))
        let other = try #require(basic.rows.first { $0.classifications.map { $0.code?.digits } == ["50299", "30299"] })
        #expect(other.value(.publicCosts)?.text == "497.315080")
    }

    @Test(arguments: [
        // The year on a line of its own over the name ("2026年" / "广州市生态环境局部门预算").
        ("gz-ecoenv-2026-dept-budget.pdf", "广州市生态环境局"),
        // The title wrapped mid-word ("2026 年深圳市公安局（本级）部门预" / "算").
        ("sz-police-benji-2026-dept-budget.pdf", "深圳市公安局（本级）"),
        // "北京市医疗保障局部门 2026 年度部门预算": the level word is not part of the name.
        ("bj-medins-2026-dept-budget.pdf", "北京市医疗保障局"),
        // "单位名称：广州市规划和自然资源局 单位：万元" over the tables.
        ("gz-planning-nr-2026-dept-budget.pdf", "广州市规划和自然资源局"),
    ])
    func theCoverNamesTheUnit(file: String, unit: String) throws {
        let metadata = try read(file).metadata
        #expect(metadata.unitName == unit)
        #expect(metadata.year == 2026)
    }

    @Test func aLabelInItsOwnCellNamesTheUnitInTheNext() throws {
        // A goals table alone: "部门名称 | 广州市政务服务和数据管理局" is its only statement of whose it is.
        let metadata = try read("gz-data-bureau-zwfwhbmztysjxm-2026-dept-budget-perf-targets.pdf").metadata
        #expect(metadata.unitName == "广州市政务服务和数据管理局")
        #expect(metadata.level == .department)
    }

    @Test func guangzhouCodesInBracketsAreRead() throws {
        let disclosure = try read("gz-data-bureau-2026-dept-budget.pdf")
        let spending = try #require(disclosure.table(.generalBudgetExpenditure))
        #expect(spending.rows.first { $0.code?.digits == "2060501" }?.value(.basic)?.text == "3,984.59")
        #expect(spending.rows.filter { $0.code != nil }.count == 22)
        let basic = try #require(disclosure.table(.generalBudgetBasicExpenditure))
        #expect(basic.rows.first { $0.code?.digits == "301" }?.value(.total)?.text == "11,105.39")
    }

    @Test func spacedOutHeadingsNameTheSidesOfTheSummary() throws {
        // Beijing prints the summary's headings 项　目, 收　入, 支　出 with a space between the characters.
        let summary = try #require(try read("bj-audit-2026-dept-budget-tables.pdf").table(.incomeExpenditureSummary))
        #expect(summary.rows.contains { $0.side == .income && $0.name == "一、一般公共预算拨款收入" })
        #expect(summary.rows.contains { $0.side == .expenditure && $0.name == "一、一般公共服务支出" })
    }

    @Test func aTableWhoseTitleIsRepeatedOnEachPageIsOneTable() throws {
        let disclosure = try read("sz-audit-2026-dept-budget.pdf")
        let spending = disclosure.tables(.expenditureSummary).filter { $0.title == "支出总表" }
        #expect(spending.count == 1)
        #expect(spending.first?.pages == [21, 22, 23])
        // Its codes now run on from page to page, each 项 under its 款.
        #expect(spending.first?.rows.contains { $0.code?.digits == "2210201" } == true)
    }

    @Test func aTitleOverItsDatedTitleIsOneTable() throws {
        let disclosure = try read("fz-ecoenv-cs-2026-unit-budget.pdf")
        let basic = try #require(disclosure.table(.generalBudgetBasicExpenditure))
        #expect(basic.title == "九、一般公共预算基本支出经济分类情况表")
        #expect(basic.rows.contains { $0.code?.digits == "30101" })
        #expect(!disclosure.tables.contains { $0.title.hasPrefix("2026年度一般公共预算") })
    }

    @Test func indentedNamesGiveTheLevels() throws {
        let disclosure = try read("hz-police-2026-dept-budget.pdf")
        let spending = try #require(disclosure.table(.expenditureSummary))
        let levels = Dictionary(spending.rows.prefix(12).map { ($0.name, $0.indentLevel) }, uniquingKeysWith: { first, _ in first })
        #expect(levels["公共安全支出"] == 0)
        #expect(levels["公安"] == 1)
        #expect(levels["行政运行"] == 2)
    }

    @Test func aDrawnGridKeepsAWrappedUnitNameWithItsAmounts() throws {
        // Guangzhou wraps long unit names in their cell, the amounts centred beside both lines; the
        // units head the items indented under them.
        let basic = try #require(try read("gz-ndrc-2026-dept-budget.pdf").tables.first { $0.title == "部门预算基本支出预算表" })
        let unit = try #require(basic.rows.first { $0.name == "广州市政府投资项目研究评审中心" })
        #expect(unit.values[ColumnKey(.total)]?.text == "663.43")
        #expect(unit.indentLevel == 0)
        #expect(basic.rows.first { $0.name == "工资福利支出" }?.indentLevel == 1)
        #expect(!basic.rows.contains { $0.name == "评审中心" })
    }

    @Test func aBasicTablePrintedAsThreeListsKeepsItsPublicCostsTogether() throws {
        // The central 决算 template: 人员经费 (301, 303) in one pair of columns, 公用经费 in two (302; 307, 310).
        let basic = try #require(try read("cn-petition-gj-2024-dept-final.pdf").table(.generalBudgetBasicExpenditure))
        let publicCosts = basic.rows(on: .right)
        #expect(publicCosts.contains { $0.code?.digits == "30201" })
        #expect(publicCosts.contains { $0.code?.digits == "31002" })
        #expect(!basic.rows.contains { $0.side == .farRight })
        // Its closing total, a label across one list's columns and the amount in the other's, is one row.
        let total = try #require(publicCosts.last)
        #expect(total.role == .total && total.name == "公用经费合计")
        #expect(total.values[ColumnKey(.publicCosts)]?.text == "2,266.65")
        #expect(basic.rows(on: .single).first { $0.code?.digits == "30101" }?.values[ColumnKey(.personnel)]?.text == "1,857.40")
    }

    @Test func aRunningHeadDoesNotJoinTheRowAfterAPageBreak() throws {
        // Wuxi prints the unit and document name atop every page; a table continued there keeps its next row.
        let disclosure = try read("wx-education-benji-2026-unit-budget.pdf")
        let spending = try #require(disclosure.tables.first { $0.title == "财政拨款支出表（功能科目）" })
        #expect(spending.rows.contains { $0.code?.digits == "20599" && $0.name == "其他教育支出" })
        #expect(!disclosure.tables.flatMap(\.rows).contains { $0.name.contains("单位预算公开") })
    }

    @Test func headingsDrawnOverSeveralRowsNestTheColumns() throws {
        // Shenzhen's 收入总表: 本年收入 › 财政拨款 › 一般公共预算拨款, beside 收入总计 and 上年结余、结转 drawn
        // down the whole header; a heading that reads like a total is still a heading.
        let income = try #require(try read("sz-petition-2026-dept-budget.pdf").table(.incomeSummary))
        #expect(income.columns.contains { $0.headerPath == ["本年收入", "财政拨款", "一般公共预算拨款"] && $0.key == ColumnKey(.generalBudget) })
        #expect(income.columns.contains { $0.headerPath == ["收入总计"] && $0.key == ColumnKey(.total) })
        #expect(income.columns.contains { $0.headerPath == ["上年结余、结转"] && $0.key == ColumnKey(.carryoverIn) })
        let unit = try #require(income.rows.first)
        #expect(unit.name == "深圳市信访局")
        #expect(unit.values[ColumnKey(.carryoverIn)]?.text == "7.34")
    }

    @Test func thisYearsIncomeAndTheCarryOverByFundAreTheirOwnColumns() throws {
        // Beijing's 收入总表: 合计, 本年收入 › 小计 and its funds, 上年结转结余 › 小计 and its funds.
        let income = try #require(try read("bj-audit-2026-dept-budget-tables.pdf").table(.incomeSummary))
        let row = try #require(income.rows.first)
        #expect(row.values[ColumnKey(.total)]?.text == "32,852.053832")
        #expect(row.values[ColumnKey(.yearIncome)]?.text == "32,380.090089")
        #expect(row.values[ColumnKey(.generalBudget)]?.text == "32,365.090089")
        #expect(row.values[ColumnKey(.carryoverIn)]?.text == "471.963743")
        #expect(row.name.isEmpty)
    }

    @Test func aDepartmentCodeHeadsItsUnitsNotAClassification() throws {
        // Suzhou lists the department (024) over its units (024001): codes of their own, not 科目.
        let income = try #require(try read("suzhou-audit-2026-dept-budget.pdf").table(.incomeSummary))
        let named = income.rows.filter { $0.name == "苏州市审计局" }
        #expect(named.map(\.role) == [.group, .detail])
        #expect(named.allSatisfy { $0.code == nil && $0.rawCode == nil })
    }

    @Test func aNumberedTitleNeedNotNameMoney() throws {
        // 预算11表 财政拨款政府购买服务明细表 starts a table of its own after 政府采购预算明细表.
        let disclosure = try read("bj-audit-2026-dept-budget-tables.pdf")
        #expect(disclosure.tables.contains { $0.title == "财政拨款政府购买服务明细表" })
        let procurement = try #require(disclosure.tables.first { $0.title == "政府采购预算明细表" })
        #expect(procurement.pages == [10])
        // Printed against its title (预算11表财政拨款政府购买服务明细表) the number still makes it a table,
        // and a file of tables has no narrative.
        let other = try read("bj-data-bureau-2026-dept-budget-tables.pdf")
        #expect(other.tables.contains { $0.title == "财政拨款政府购买服务明细表" })
        #expect(other.narrative.isEmpty)
    }

    @Test func anIndicatorsNameIsPlacedByItsDrawnHeading() throws {
        // Chongqing's 部门整体绩效目标表: names left-aligned in a wide 指标名称 cell, short ones far from
        // the heading's text; the drawn heading's cell places them.
        let disclosure = try read("cq-commerce-2026-dept-budget.pdf")
        let indicators = disclosure.tables.filter { $0.kind == .projectPerformanceGoals }.flatMap(\.performanceGoals).flatMap(\.indicators)
        #expect(indicators.contains { $0.name == "重要商品储备数量" && $0.unit == "吨" })
        #expect(disclosure.tables.flatMap(\.performanceGoals).allSatisfy { $0.malformedRows.isEmpty })
    }
}
