import Foundation
import GongkaiCore
import GongkaiXLSX

/// Writes the budget workbook: an instructions sheet, one data sheet per kind of data and a 科目代码
/// sheet listing the catalog's codes, with drop-down lists for every coded column (the 功能分类 and
/// 经济分类 columns offer the catalog's codes). Empty, it is the template finance staff fill in
/// (`gongkai template`), its region and phase filled in from the profile and an example row (marked
/// 示例：, which the reader passes over) under each list sheet's header; given a budget, it holds
/// that budget, which reads back unchanged.
public enum BudgetWorkbookWriter {
    private typealias Schema = BudgetWorkbookSchema
    fileprivate static let header = XLSXStyle(bold: true, wrapText: true, horizontal: .center, verticalCenter: true, border: true, fillColor: "FFDDEBF7")
    private static let label = XLSXStyle(bold: true, border: true, fillColor: "FFF2F2F2")
    private static let cell = XLSXStyle(wrapText: true, border: true)
    private static let money = XLSXStyle(horizontal: .right, numberFormat: "#,##0.00", border: true)
    fileprivate static let listRows = 2...1000
    fileprivate static let codeText = XLSXStyle(wrapText: true, numberFormat: "@", border: true)
    private static let example = XLSXStyle(wrapText: true, numberFormat: "@", border: true, fillColor: "FFEDEDED")

    /// The workbook, empty or holding `budget`; the instructions sheet names `profile` and its weight
    /// convention, and the code lists are `catalog`'s.
    public static func workbook(_ budget: Budget? = nil, profile: Profile, catalog: Catalog) throws -> Data {
        var writer = XLSXWriter(fontName: profile.render?.print.workbookFont ?? "宋体")
        let codes = CodeLists(catalog)
        writer.add(instructions(profileTitle: profile.title, executionRateWeight: profile.performanceWeights?.executionRateWeight))
        // The empty template shows an example row under the header of each list sheet.
        func listSheet(_ sheet: XLSXSheetBuilder, _ schema: Schema.Sheet) -> XLSXSheetBuilder {
            guard budget == nil, let example = schema.example else { return sheet }
            var sheet = sheet
            for (index, value) in example.enumerated() where !value.isEmpty { sheet.set(row: 2, column: index + 1, .text(value), style: Self.example) }
            return sheet
        }
        writer.add(unitSheet(budget, profile: profile))
        writer.add(listSheet(dutiesSheet(budget), Schema.duties))
        writer.add(listSheet(incomeSheet(budget), Schema.income))
        writer.add(listSheet(expenditureSheet(budget, codes: codes), Schema.expenditure))
        writer.add(comparisonSheet(budget))
        writer.add(listSheet(subjectsSheet(budget, codes: codes), Schema.subjects))
        writer.add(costsSheet(budget))
        writer.add(assetsSheet(budget))
        writer.add(listSheet(projectsSheet(budget), Schema.projects))
        writer.add(listSheet(indicatorsSheet(budget), Schema.indicators))
        writer.add(listSheet(carryoverOutSheet(budget), Schema.carryoverOut))
        writer.add(performanceSheet(budget?.performanceManagement))
        writer.add(codes.sheet())
        return try writer.data()
    }

    /// The 科目代码 sheet: 功能分类 codes to the 项 in columns A–B, 经济分类 codes to the 款 in D–E. A
    /// code not in the list is warned about, not refused: a local code outside the catalog is allowed
    /// when 科目说明 names it.
    private struct CodeLists {
        static let sheetName = "科目代码"
        let functions: [CatalogEntry]
        let economics: [CatalogEntry]

        init(_ catalog: Catalog) {
            functions = catalog.entries(of: .functional).filter { $0.level == .item }.sorted { $0.code < $1.code }
            economics = catalog.entries(of: .economicDepartment).filter { $0.level == .section }.sorted { $0.code < $1.code }
        }

        func sheet() -> XLSXSheetBuilder {
            var sheet = XLSXSheetBuilder(name: Self.sheetName)
            for (column, title) in [(1, "功能分类科目编码"), (2, "功能分类科目名称"), (4, "经济分类科目编码"), (5, "经济分类科目名称")] {
                sheet.set(row: 1, column: column, .text(title), style: BudgetWorkbookWriter.header)
            }
            for (index, entry) in functions.enumerated() {
                sheet.set(row: index + 2, column: 1, .text(entry.code))
                sheet.set(row: index + 2, column: 2, .text(entry.name))
            }
            for (index, entry) in economics.enumerated() {
                sheet.set(row: index + 2, column: 4, .text(entry.code))
                sheet.set(row: index + 2, column: 5, .text(entry.name))
            }
            for (column, width) in [(1, 18.0), (2, 40.0), (3, 4.0), (4, 18.0), (5, 36.0)] { sheet.setColumnWidth(column, width) }
            sheet.freezePanes(rows: 1, columns: 0)
            return sheet
        }

        /// Offers the 功能分类 codes (or the 经济分类 ones) in `column` of `sheet`, whose rows from
        /// `firstBlank` on are empty: those cells are formatted as text, so that a code typed in stays
        /// text like the listed ones and passes the list's check.
        func offer(_ scheme: ClassificationScheme, in sheet: inout XLSXSheetBuilder, column: Int, firstBlank: Int) {
            let (count, source) = scheme == .functional ? (functions.count, 1) : (economics.count, 4)
            guard count > 0 else { return }
            for row in max(firstBlank, listRows.lowerBound)...listRows.upperBound { sheet.set(row: row, column: column, .blank, style: BudgetWorkbookWriter.codeText) }
            sheet.addListValidation(XLSXRange(firstRow: listRows.lowerBound, firstColumn: column, lastRow: listRows.upperBound, lastColumn: column),
                                    valuesIn: XLSXRange(firstRow: 2, firstColumn: source, lastRow: count + 1, lastColumn: source), onSheet: Self.sheetName,
                                    warning: scheme == .functional ? "该科目不在内置目录中。目录外的地方科目请在“科目说明”表的“科目名称”列写明名称。"
                                        : "该经济分类科目不在内置目录中，请核对是否为部门预算支出经济分类的“款”（5位）。")
        }
    }

    private static func instructions(profileTitle: String, executionRateWeight: Decimal?) -> XLSXSheetBuilder {
        var sheet = XLSXSheetBuilder(name: "填报说明")
        sheet.setColumnWidth(1, 120)
        let lines = [
            "预算数据填报表（Gongkai 预算数据格式第 \(Budget.currentFormatVersion) 版）",
            "公开口径：\(profileTitle)",
            "1. 金额一律以“元”为单位，最多两位小数；生成公开表时按口径换算为万元或元并四舍五入。",
            "2. “支出明细”每行一笔：功能分类科目填到“项”（7位，如 2013201），经济分类科目填部门预算支出经济分类的“款”（5位，如 30101）；两列均可从下拉列表选择，全部科目见“科目代码”表。",
            "3. 支出类型、资金来源、收入来源、指标性质请从下拉列表中选择；项目支出须填项目编号，并在“项目”表中登记该项目。",
            "4. 同一资金来源的收入（含上年结转）应等于由该资金安排的支出合计。",
            "5. “上年对比”“科目说明”“三公与运行经费”中的上年数用于生成增减说明；变化达上年 10% 及以上须填写增减原因。",
            "6. 目录外的地方科目请在“科目说明”的“科目名称”列写明名称。",
            "7. 绩效指标权重（含预算执行率权重）合计应为 100" + (executionRateWeight.map { "；本口径中预算执行率权重为 \($0)，其余指标合计 \(100 - $0)。" } ?? "。"),
            "8. 填好后运行：gongkai render 本文件.xlsx --format pdf --out 输出文件夹",
        ]
        for (index, line) in lines.enumerated() {
            sheet.set(row: index + 1, column: 1, .text(line), style: index == 0 ? XLSXStyle(bold: true, fontSize: 14) : XLSXStyle(wrapText: true))
        }
        return sheet
    }

    private static func start(_ schema: Schema.Sheet) -> XLSXSheetBuilder {
        var sheet = XLSXSheetBuilder(name: schema.name)
        for (index, title) in schema.columns.enumerated() {
            sheet.set(row: 1, column: index + 1, .text(title), style: header)
            sheet.setColumnWidth(index + 1, schema.widths[index])
        }
        sheet.freezePanes(rows: 1, columns: 0)
        return sheet
    }

    private static func list(_ sheet: inout XLSXSheetBuilder, column: Int, _ options: [String]) {
        sheet.addListValidation(XLSXRange(firstRow: listRows.lowerBound, firstColumn: column, lastRow: listRows.upperBound, lastColumn: column), options: options)
    }

    private static func text(_ value: String?) -> XLSXOutputValue { value.map { $0.isEmpty ? .blank : .text($0) } ?? .blank }
    private static func yuan(_ amount: Amount?) -> XLSXOutputValue { amount.map { .number($0.formatted(in: .yuan, decimals: 2)) } ?? .blank }
    private static func number(_ value: Decimal?) -> XLSXOutputValue { value.map { .number("\($0)") } ?? .blank }

    /// 单位信息; for the empty template, the level, region and phase the profile is for.
    private static func unitSheet(_ budget: Budget?, profile: Profile) -> XLSXSheetBuilder {
        var sheet = start(Schema.unit)
        let unit = budget?.unit
        let region = budget == nil ? profile.render?.defaultRegion ?? profile.region : unit?.region
        let values: [XLSXOutputValue] = [
            text(unit?.name), text(unit?.code), text(unit.map { $0.level.chineseName } ?? (budget == nil ? profile.level?.chineseName : nil)),
            text(unit?.parentDepartment), unit?.staffCount.map { .number(String($0)) } ?? .blank, text(unit?.category), text(region),
            text(unit?.contact), budget.map { .number(String($0.year)) } ?? .blank,
            text(budget.map { $0.phase.chineseName } ?? profile.kind?.chineseName),
        ]
        for (index, entry) in Schema.unitFields.enumerated() {
            sheet.set(row: index + 2, column: 1, .text(entry.label), style: label)
            sheet.set(row: index + 2, column: 2, values[index], style: cell)
        }
        sheet.addListValidation(XLSXRange(firstRow: 4, firstColumn: 2, lastRow: 4, lastColumn: 2), options: ["单位", "部门"])
        sheet.addListValidation(XLSXRange(firstRow: 11, firstColumn: 2, lastRow: 11, lastColumn: 2), options: ["预算", "决算"])
        return sheet
    }

    private static func dutiesSheet(_ budget: Budget?) -> XLSXSheetBuilder {
        var sheet = start(Schema.duties)
        let rows = (budget?.unit.duties ?? []).map { ("职能", $0) } + (budget?.unit.organisation ?? []).map { ("机构", $0) }
        for (index, row) in rows.enumerated() {
            sheet.set(row: index + 2, column: 1, .text(row.0), style: cell)
            sheet.set(row: index + 2, column: 2, .text(row.1), style: cell)
        }
        list(&sheet, column: 1, ["职能", "机构"])
        return sheet
    }

    private static func incomeSheet(_ budget: Budget?) -> XLSXSheetBuilder {
        sourceSheet(Schema.income, lines: budget?.income ?? [])
    }

    /// A sheet of source-and-amount rows (收入, 年末结转), with the carried-over fund where the sheet has its column.
    private static func sourceSheet(_ schema: Schema.Sheet, lines: [IncomeLine]) -> XLSXSheetBuilder {
        var sheet = start(schema)
        let hasFund = schema.columns.count > 2
        for (index, line) in lines.enumerated() {
            sheet.set(row: index + 2, column: 1, .text(line.source.chineseName), style: cell)
            sheet.set(row: index + 2, column: 2, yuan(line.amount), style: money)
            if hasFund { sheet.set(row: index + 2, column: 3, text(line.fund?.chineseName), style: cell) }
        }
        list(&sheet, column: 1, Schema.sourceNames.map(\.0))
        if hasFund { list(&sheet, column: 3, Schema.sourceNames.map(\.0)) }
        return sheet
    }

    private static func expenditureSheet(_ budget: Budget?, codes: CodeLists) -> XLSXSheetBuilder {
        var sheet = start(Schema.expenditure)
        for (index, line) in (budget?.expenditure ?? []).enumerated() {
            let row = index + 2
            sheet.set(row: row, column: 1, .text(line.function.digits), style: cell)
            sheet.set(row: row, column: 2, .text(line.economic.digits), style: cell)
            sheet.set(row: row, column: 3, .text(Schema.kindNames.first { $0.1 == line.kind }!.0), style: cell)
            sheet.set(row: row, column: 4, .text(line.fund.chineseName), style: cell)
            sheet.set(row: row, column: 5, yuan(line.amount), style: money)
            sheet.set(row: row, column: 6, text(line.project), style: cell)
        }
        let firstBlank = (budget?.expenditure.count ?? 0) + 2
        codes.offer(.functional, in: &sheet, column: 1, firstBlank: firstBlank)
        codes.offer(.economicDepartment, in: &sheet, column: 2, firstBlank: firstBlank)
        list(&sheet, column: 3, Schema.kindNames.map(\.0))
        list(&sheet, column: 4, Schema.sourceNames.map(\.0))
        return sheet
    }

    private static func comparisonSheet(_ budget: Budget?) -> XLSXSheetBuilder {
        var sheet = start(Schema.comparison)
        let prior = budget?.comparison
        let amounts: [Amount?] = [prior?.total, prior?.fiscalAppropriation, prior?.generalBudget, prior?.governmentFunds, prior?.stateCapital,
                                  prior?.basic, prior?.personnel, prior?.publicCosts, prior?.project, prior?.budgetedGeneralBudget]
        let reasons: [String?] = [prior?.totalReason, prior?.fiscalReason, nil, nil, nil, prior?.basicReason, prior?.personnelReason,
                                  prior?.publicCostsReason, prior?.projectReason, prior?.budgetReason]
        for (index, entry) in Schema.comparisonFields.enumerated() {
            sheet.set(row: index + 2, column: 1, .text(entry.label), style: label)
            sheet.set(row: index + 2, column: 2, yuan(amounts[index]), style: money)
            sheet.set(row: index + 2, column: 3, entry.reason == nil ? .blank : text(reasons[index]), style: cell)
        }
        return sheet
    }

    private static func subjectsSheet(_ budget: Budget?, codes codeLists: CodeLists) -> XLSXSheetBuilder {
        var sheet = start(Schema.subjects)
        guard let budget else {
            codeLists.offer(.functional, in: &sheet, column: 1, firstBlank: 2)
            return sheet
        }
        let prior = budget.comparison
        let codes = Set(prior.byFunction.keys).union(prior.purposeByFunction.keys).union(prior.reasonByFunction.keys).union(budget.codeNames.keys)
            .union(prior.budgetedByFunction.keys).union(prior.budgetReasonByFunction.keys).sorted()
        for (index, code) in codes.enumerated() {
            let row = index + 2
            sheet.set(row: row, column: 1, .text(code), style: cell)
            sheet.set(row: row, column: 2, yuan(prior.byFunction[code]), style: money)
            sheet.set(row: row, column: 3, text(prior.purposeByFunction[code]), style: cell)
            sheet.set(row: row, column: 4, text(prior.reasonByFunction[code]), style: cell)
            sheet.set(row: row, column: 5, text(budget.codeNames[code]), style: cell)
            sheet.set(row: row, column: 6, yuan(prior.budgetedByFunction[code]), style: money)
            sheet.set(row: row, column: 7, text(prior.budgetReasonByFunction[code]), style: cell)
        }
        codeLists.offer(.functional, in: &sheet, column: 1, firstBlank: codes.count + 2)
        return sheet
    }

    private static func costsSheet(_ budget: Budget?) -> XLSXSheetBuilder {
        var sheet = start(Schema.costs)
        let costs = budget?.threePublicCosts
        let items: [CostItem?] = [costs?.travelAbroad, costs?.vehiclePurchase, costs?.vehicleOperation, costs?.reception]
        for (index, entry) in Schema.costRows.enumerated() {
            let row = index + 2
            sheet.set(row: row, column: 1, .text(entry.label), style: label)
            switch index {
            case 0..<4:
                sheet.set(row: row, column: 2, yuan(items[index]?.amount), style: money)
                sheet.set(row: row, column: 3, yuan(items[index]?.priorYear), style: money)
                sheet.set(row: row, column: 4, text(items[index]?.reason), style: cell)
                sheet.set(row: row, column: 5, text(items[index]?.purpose), style: cell)
                sheet.set(row: row, column: 6, yuan(items[index]?.budgeted), style: money)
            case 4:
                sheet.set(row: row, column: 4, text(costs?.reason), style: cell)
            default:
                let operating = budget?.operatingCosts
                sheet.set(row: row, column: 2, yuan(operating?.amount), style: money)
                sheet.set(row: row, column: 3, yuan(operating?.priorYear), style: money)
                sheet.set(row: row, column: 4, text(operating?.reason), style: cell)
                sheet.set(row: row, column: 5, text(operating?.purpose), style: cell)
            }
        }
        var row = Schema.costRows.count + 2
        sheet.set(row: row, column: 1, .text(Schema.foreignReception), style: label)
        sheet.set(row: row, column: 2, yuan(costs?.foreignReception), style: money)
        for entry in Schema.costCounts {
            row += 1
            sheet.set(row: row, column: 1, .text(entry.label), style: label)
            sheet.set(row: row, column: 2, costs?.counts?[keyPath: entry.keyPath].map { .number(String($0)) } ?? .blank, style: cell)
        }
        return sheet
    }

    /// 绩效管理 (final accounts): the rules, the working arrangement and the year's figures.
    private static func performanceSheet(_ facts: PerformanceManagement?) -> XLSXSheetBuilder {
        var sheet = start(Schema.performance)
        var row = 2
        func put(_ title: String, _ value: XLSXOutputValue, style: XLSXStyle = cell) {
            sheet.set(row: row, column: 1, .text(title), style: label)
            sheet.set(row: row, column: 2, value, style: style)
            row += 1
        }
        for rule in facts?.rules ?? [""] { put(Schema.performanceRule, text(rule)) }
        put(Schema.performanceMechanism, text(facts?.mechanism))
        for entry in Schema.performanceCounts { put(entry.label, facts?[keyPath: entry.keyPath].map { .number(String($0)) } ?? .blank) }
        for entry in Schema.performanceAmounts { put(entry.label, yuan(facts?[keyPath: entry.keyPath]), style: money) }
        put(Schema.performanceScore, number(facts?.averageScore))
        return sheet
    }

    private static func assetsSheet(_ budget: Budget?) -> XLSXSheetBuilder {
        var sheet = start(Schema.assets)
        let plan = budget?.procurement
        let assets = budget?.stateAssets
        let values: [XLSXOutputValue] = [yuan(plan?.goods), yuan(plan?.works), yuan(plan?.services), yuan(plan?.reservedForSmallBusiness),
                                         yuan(plan?.reservedForMicroBusiness), text(assets?.asOf),
                                         assets.map { .number(String($0.largeEquipment)) } ?? .blank,
                                         assets.map { .number(String($0.largeEquipmentToBuy)) } ?? .blank]
        var row = 2
        for (index, entry) in Schema.assetFields.enumerated() {
            sheet.set(row: row, column: 1, .text(entry.label), style: label)
            sheet.set(row: row, column: 2, values[index], style: index < 5 ? money : cell)
            row += 1
        }
        for entry in Schema.procurementAwards {
            sheet.set(row: row, column: 1, .text(entry.label), style: label)
            sheet.set(row: row, column: 2, yuan(plan?[keyPath: entry.keyPath]), style: money)
            row += 1
        }
        let held = assets?.vehicles ?? ["一般公务用车", "执法执勤用车", "其他用车"].map { AssetCount(category: $0, count: 0) }
        let toBuy = assets?.vehiclesToBuy ?? ["一般公务用车", "执法执勤用车", "其他用车"].map { AssetCount(category: $0, count: 0) }
        for (prefix, counts) in [(Schema.vehiclesHeld, held), (Schema.vehiclesToBuy, toBuy)] {
            for count in counts {
                sheet.set(row: row, column: 1, .text(prefix + count.category), style: label)
                sheet.set(row: row, column: 2, budget == nil ? .blank : .number(String(count.count)), style: cell)
                sheet.set(row: row, column: 3, .text("辆"), style: cell)
                row += 1
            }
        }
        return sheet
    }

    private static func projectsSheet(_ budget: Budget?) -> XLSXSheetBuilder {
        var sheet = start(Schema.projects)
        for (index, project) in (budget?.projects ?? []).enumerated() {
            let values: [XLSXOutputValue] = [.text(project.id), .text(project.name), text(project.category), text(project.department),
                                             text(project.preparedBy), yuan(project.budgetedElsewhere), number(project.executionRateWeight),
                                             text(project.overview), text(project.basis), text(project.goal)]
            for (column, value) in values.enumerated() {
                sheet.set(row: index + 2, column: column + 1, value, style: column == 5 ? money : cell)
            }
        }
        return sheet
    }

    private static func carryoverOutSheet(_ budget: Budget?) -> XLSXSheetBuilder {
        sourceSheet(Schema.carryoverOut, lines: budget?.carryoverOut ?? [])
    }

    private static func indicatorsSheet(_ budget: Budget?) -> XLSXSheetBuilder {
        var sheet = start(Schema.indicators)
        var row = 2
        for project in budget?.projects ?? [] {
            for indicator in project.indicators {
                let values: [XLSXOutputValue] = [.text(project.id), text(indicator.level1), text(indicator.level2), .text(indicator.name),
                                                 .number("\(indicator.weight)"), text(indicator.unit), .text(indicator.comparison), .text(indicator.target),
                                                 .text(indicator.isCore ? "是" : "否")]
                for (column, value) in values.enumerated() { sheet.set(row: row, column: column + 1, value, style: cell) }
                row += 1
            }
        }
        list(&sheet, column: 2, Schema.levelOneIndicators)
        list(&sheet, column: 7, Schema.comparisons)
        list(&sheet, column: 9, ["是", "否"])
        return sheet
    }
}
