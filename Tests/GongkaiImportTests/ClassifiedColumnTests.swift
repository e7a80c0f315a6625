import GongkaiCore
@testable import GongkaiImport
import Testing

/// Label columns whose headings name a classification scheme, each cell a code with its name: one such
/// column names the row by its code ("[206]科学技术支出"); several file the row under each of them at once
/// (支出功能分类 × 政府支出经济分类 × 部门支出经济分类).
@Suite struct ClassifiedColumnTests {
    private static let document = """
    # 示例区审计局2026年部门预算

    ## 支出总表
    单位：万元
    支出功能分类科目\t政府支出经济分类科目\t部门支出经济分类科目\t合计\t基本支出\t项目支出
    2010801-行政运行\t50101-工资奖金津补贴\t30101-基本工资\t120.50\t120.50\t
    2010801-行政运行\t50201-办公经费\t3021101-差旅费\t8.00\t8.00\t
    2010806-信息化建设\t50205-委托业务费\t30226-劳务费\t40.00\t\t40.00
    合计\t\t\t168.50\t128.50\t40.00

    ## 一般公共预算支出情况表（按功能分类科目）
    单位：万元
    功能科目名称\t小计\t基本支出\t项目支出
    合计\t168.50\t128.50\t40.00
    [201]一般公共服务支出\t168.50\t128.50\t40.00
    [20108]审计事务\t168.50\t128.50\t40.00
    [2010801]行政运行\t128.50\t128.50\t0.00
    [2010806]信息化建设\t40.00\t0.00\t40.00

    ## 一般公共预算基本支出情况表（按经济分类科目）
    单位：万元
    部门预算支出经济科目\t预算
    合计\t128.50
    [301]工资福利支出\t120.50
    [30101]基本工资\t120.50
    [302]商品和服务支出\t8.00
    [30211]差旅费\t8.00
    """

    private func read() throws -> Disclosure { try DisclosureImporter().read(text: Self.document, path: "classified.md") }

    @Test func aRowFiledUnderThreeSchemesKeepsEachCodeAndNoSingleOne() throws {
        let table = try #require(try read().table(.expenditureSummary))
        let first = try #require(table.rows.first)
        #expect(first.code == nil)
        #expect(first.classifications.map(\.scheme) == [.functional, .economicGovernment, .economicDepartment])
        #expect(first.classifications.map { $0.code?.digits } == ["2010801", "50101", "30101"])
        #expect(first.classifications.map(\.name) == ["行政运行", "工资奖金津补贴", "基本工资"])
        #expect(first.codes.map(\.digits) == ["2010801", "50101", "30101"])
        #expect(first.value(.total)?.text == "120.50")
        // 3021101 is a region's own sub-item, no code of the national catalog: kept as printed, not as a code.
        let travel = try #require(table.rows.dropFirst().first?.classifications.last)
        #expect(travel.code == nil && travel.rawCode == "3021101" && travel.name == "差旅费")
        #expect(table.totalRow()?.value(.project)?.text == "40.00")
        #expect(table.totalRow()?.classifications.isEmpty == true)
    }

    @Test func aCodeInBracketsBeforeItsNameIsTheRowsCode() throws {
        let table = try #require(try read().table(.generalBudgetExpenditure))
        #expect(table.rows.compactMap(\.code?.digits) == ["201", "20108", "2010801", "2010806"])
        #expect(table.rows.first { $0.code?.digits == "20108" }?.name == "审计事务")
        #expect(table.rows.allSatisfy { $0.classifications.isEmpty })
    }

    @Test func aLoneBudgetColumnIsTheTablesAmount() throws {
        let table = try #require(try read().table(.generalBudgetBasicExpenditure))
        #expect(table.rows.first { $0.code?.digits == "30101" }?.value(.total)?.text == "120.50")
        #expect(table.totalRow()?.value(.total)?.text == "128.50")
    }

    @Test(arguments: [
        ("30207邮电费", "30207", "邮电费"), ("[206]科学技术支出", "206", "科学技术支出"), ("【301】工资福利支出", "301", "工资福利支出"),
        ("2010801-行政运行", "2010801", "行政运行"), ("30213－维修（护）费", "30213", "维修（护）费"),
    ])
    func aCodeBeforeItsNameIsSplitOff(text: String, code: String, name: String) {
        let split = LineReading.gluedCode(text)
        #expect(split?.code == code && split?.name == name)
    }

    @Test(arguments: ["2023年预算", "[206科学技术支出", "20-行政运行", "2024-2025年", "[2060]科技", "100人"])
    func textThatOnlyBeginsWithDigitsHasNoCode(text: String) {
        #expect(LineReading.gluedCode(text) == nil)
    }
}
