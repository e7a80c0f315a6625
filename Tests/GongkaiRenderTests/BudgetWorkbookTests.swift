import Foundation
import GongkaiCore
import GongkaiImport
import GongkaiRules
import GongkaiXLSX
import Testing
import GongkaiTestSupport

/// The budget workbook: the template, a filled workbook read back unchanged, and every kind of
/// mistake reported with its sheet, row and column.
@Suite struct BudgetWorkbookTests {
    @Test(arguments: [TestFiles.laoganbu, TestFiles.eldercare, TestFiles.finalAccounts])
    func aBudgetWrittenToTheWorkbookReadsBackUnchanged(path: String) throws {
        let budget = try BudgetJSONReader.read(contentsOf: path)
        let data = try BudgetWorkbookWriter.workbook(budget, profile: try Profile.named("generic"), catalog: try Catalog.bundled(year: budget.year))
        #expect(try BudgetWorkbookReader.read(data, path: "budget.xlsx").budget == budget)
    }

    @Test func theTemplateHasEverySheetWithListsAndReadsAsAnEmptyBudgetOnceNamed() throws {
        let data = try BudgetWorkbookWriter.workbook(profile: try Profile.named("chongqing-unit-budget"), catalog: try Catalog.bundled(year: 2024))
        let workbook = try XLSXReader.read(data: data)
        // The profile's level, region and phase are filled in; the rest is left to the unit.
        let unit = try #require(workbook.sheets.first { $0.name == "单位信息" })
        let filled = Dictionary(uniqueKeysWithValues: unit.cells.filter { $0.column == 2 }.map { ($0.row, $0.value.displayText) })
        #expect(filled[4] == "单位" && filled[8] == "重庆市" && filled[11] == "预算" && filled[2] == nil)
        // 科目代码 lists the catalog's 功能分类 项 and 经济分类 款 the code columns offer.
        let codes = try #require(workbook.sheets.first { $0.name == "科目代码" })
        #expect(codes.cells.contains { $0.column == 1 && $0.value.displayText == "2013201" })
        #expect(codes.cells.contains { $0.column == 4 && $0.value.displayText == "30101" })
        // The weight convention comes from the profile: 预算执行率 10 beside 90 for the other indicators.
        #expect(workbook.sheets.first?.cells.contains { $0.value.displayText.contains("预算执行率权重为 10，其余指标合计 90") } == true)
        #expect(workbook.sheets.map(\.name) == ["填报说明", "单位信息", "职能与机构", "收入", "支出明细", "上年对比", "科目说明", "三公与运行经费",
                                                "采购与资产", "项目", "绩效指标", "年末结转", "绩效管理", "科目代码"])
        // Each list sheet shows an example row under its header, marked 示例：.
        let lines = try #require(workbook.sheets.first { $0.name == "支出明细" })
        #expect(lines.cells.first { $0.row == 2 && $0.column == 1 }?.value.displayText == "示例：2013201")
        let error = try #require(throws: GongkaiError.self) { try BudgetWorkbookReader.read(data, path: "template.xlsx") }
        #expect(error.message.contains("未填写“单位名称”"))
        #expect(error.location?.sheet == "单位信息")
        #expect(error.location?.cell == "B2")
    }

    /// A workbook with the 单位信息, 收入 and 支出明细 sheets, the last with `row` as its one data row.
    private func workbook(expenditureRow row: [XLSXOutputValue], header: [String]? = nil, omitting: String? = nil) throws -> Data {
        var writer = XLSXWriter()
        var unit = XLSXSheetBuilder(name: "单位信息")
        for (index, value) in ["项目", "内容"].enumerated() { unit.set(row: 1, column: index + 1, .text(value)) }
        unit.set(row: 2, column: 1, .text("单位名称"))
        unit.set(row: 2, column: 2, .text("示例单位"))
        unit.set(row: 3, column: 1, .text("预算年度"))
        unit.set(row: 3, column: 2, .number("2025"))
        writer.add(unit)
        if omitting != "收入" {
            var income = XLSXSheetBuilder(name: "收入")
            for (index, value) in ["收入来源", "金额（元）", "结转资金来源"].enumerated() { income.set(row: 1, column: index + 1, .text(value)) }
            writer.add(income)
        }
        var lines = XLSXSheetBuilder(name: "支出明细")
        let titles = header ?? ["功能分类科目编码", "经济分类科目编码", "支出类型", "资金来源", "金额（元）", "项目编号"]
        for (index, value) in titles.enumerated() { lines.set(row: 1, column: index + 1, .text(value)) }
        for (index, value) in row.enumerated() { lines.set(row: 2, column: index + 1, value) }
        writer.add(lines)
        return try writer.data()
    }

    private let goodRow: [XLSXOutputValue] = [.text("2013201"), .text("30101"), .text("人员经费"), .text("一般公共预算"), .number("100.5")]

    @Test func theTemplatesExampleRowIsNoData() throws {
        let example: [XLSXOutputValue] = [.text("示例：2013201"), .text("30101"), .text("人员经费"), .text("一般公共预算"), .text("346700.00")]
        #expect(try BudgetWorkbookReader.read(try workbook(expenditureRow: example), path: "b.xlsx").budget.expenditure.isEmpty)
        #expect(try BudgetWorkbookReader.read(try workbook(expenditureRow: goodRow), path: "b.xlsx").budget.expenditure.count == 1)
    }

    @Test func aMinimalWorkbookReads() throws {
        let input = try BudgetWorkbookReader.read(try workbook(expenditureRow: goodRow), path: "b.xlsx")
        #expect(input.budget.expenditure.first?.amount == Amount(fen: 10_050))
        #expect(input.sources["expenditure[0].amount"]?.cell == "E2")
    }

    @Test(arguments: [
        (4, XLSXOutputValue.text("一百元"), "E2", "不是金额"),
        (4, .number("100.005"), "E2", "超过两位小数"),
        (0, .text("2O13201"), "A2", "不是功能分类科目编码"),
        (1, .text("工资"), "B2", "不是经济分类科目编码"),
        (2, .text("工资"), "C2", "不是可选值"),
        (3, .text("彩票收入"), "D2", "不是可选值"),
    ])
    func badCellsAreReportedWithTheirCell(column: Int, value: XLSXOutputValue, cell: String, message: String) throws {
        var row = goodRow
        row[column] = value
        let error = try #require(throws: GongkaiError.self) { try BudgetWorkbookReader.read(try workbook(expenditureRow: row), path: "b.xlsx") }
        #expect(error.location?.sheet == "支出明细")
        #expect(error.location?.cell == cell)
        #expect(error.message.contains("第 2 行"))
        #expect(error.message.contains(message))
        #expect(error.description.contains("b.xlsx 工作表“支出明细”\(cell)"))
    }

    @Test func wrongHeaderIsReported() throws {
        let data = try workbook(expenditureRow: goodRow, header: ["科目", "经济分类科目编码", "支出类型", "资金来源", "金额（元）", "项目编号"])
        let error = try #require(throws: GongkaiError.self) { try BudgetWorkbookReader.read(data, path: "b.xlsx") }
        #expect(error.message.contains("应为表头“功能分类科目编码”"))
        #expect(error.location?.cell == "A1")
    }

    @Test func missingSheetIsReported() throws {
        let error = try #require(throws: GongkaiError.self) {
            try BudgetWorkbookReader.read(try workbook(expenditureRow: goodRow, omitting: "收入"), path: "b.xlsx")
        }
        #expect(error.message.contains("缺少工作表“收入”"))
    }

    @Test func bytesThatAreNoWorkbookAreReported() throws {
        let error = try #require(throws: GongkaiError.self) { try BudgetWorkbookReader.read(Data("PK\u{3}\u{4}garbage".utf8), path: "b.xlsx") }
        #expect(error.code == .budgetInvalid)
        #expect(error.message.contains("不是有效的 XLSX 工作簿"))
    }

    @Test func findingsOnAWorkbookBudgetPointIntoTheWorkbook() throws {
        var row = goodRow
        row[4] = .number("-3")
        let input = try BudgetWorkbookReader.read(try workbook(expenditureRow: row), path: "b.xlsx")
        let context = BudgetCheckContext(budget: input.budget, profile: try Profile.named("generic"), catalog: try Catalog.bundled(year: 2025),
                                         path: "b.xlsx", sources: input.sources)
        let finding = try #require(BudgetChecker().check(context).first { $0.rule == "budget-negative-amount" })
        #expect(finding.location == SourceLocation(file: "b.xlsx", sheet: "支出明细", cell: "E2", field: "expenditure[0].amount"))
        #expect(finding.location?.placeDescription == "工作表“支出明细”E2字段 expenditure[0].amount")
    }
}

/// The template's drop-downs as a spreadsheet program sees them.
@Suite struct BudgetTemplateListTests {
    @Test(.enabled(if: TestFiles.hasOpenpyxl, "python3 with openpyxl is not installed; skipped"))
    func theCodeColumnsOfferTheCatalogsCodesAndWarnAboutOthers() throws {
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("template.xlsx")
        try BudgetWorkbookWriter.workbook(profile: try Profile.named("shanghai-unit-budget"), catalog: try Catalog.bundled(year: 2025)).write(to: file)
        let script = """
        import openpyxl, sys
        wb = openpyxl.load_workbook(sys.argv[1])
        for name in ['支出明细', '科目说明']:
            for v in wb[name].data_validations.dataValidation:
                print(name, v.sqref, v.formula1, v.errorStyle)
        codes = wb['科目代码']
        print('rows', codes.max_row, codes['A2'].value, codes['D2'].value)
        print('typed', wb['支出明细']['A5'].number_format, wb['支出明细']['B1000'].number_format, wb['支出明细']['C5'].number_format)
        """
        let result = TestFiles.run("/usr/bin/env", ["python3", "-c", script, file.path])
        #expect(result.status == 0)
        let rows = try #require(result.output.split(separator: "\n").first { $0.hasPrefix("rows ") }?.split(separator: " "))
        let last = try #require(Int(rows[1]))
        // Every listed 功能分类 code is offered, and a code outside the list is warned about, not refused.
        #expect(result.output.contains("支出明细 A2:A1000 '科目代码'!$A$2:$A$\(last) warning"))
        #expect(result.output.contains("支出明细 B2:B1000 '科目代码'!$D$2:$D$"))
        #expect(result.output.contains("科目说明 A2:A1000 '科目代码'!$A$2:$A$\(last) warning"))
        // A list of fixed words refuses anything else.
        #expect(result.output.contains("支出明细 C2:C1000 \"人员经费,公用经费,项目支出\" None"))
        #expect(rows[2].hasPrefix("2") && rows[3].hasPrefix("3"))
        // A code typed into the template stays text, as the listed codes are, so the list accepts it.
        #expect(result.output.contains("typed @ @ General"))
    }
}
