import Foundation
import GongkaiCore
import GongkaiXLSX

/// Reads a budget workbook written by `gongkai template` (or by `BudgetWorkbookWriter`). Every
/// problem is reported with its sheet, row and column; every field read remembers its cell, so
/// findings of the budget rules point into the workbook too.
public enum BudgetWorkbookReader {
    private typealias Schema = BudgetWorkbookSchema

    /// The budget in the workbook at `path`.
    public static func read(contentsOf path: String) throws -> BudgetInput {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GongkaiError(.fileNotFound, "找不到或无法读取预算填报表", path: path)
        }
        return try read(data, path: path)
    }

    /// The budget in workbook `data` read from `path`.
    public static func read(_ data: Data, path: String) throws -> BudgetInput {
        let workbook: XLSXWorkbook
        do {
            workbook = try XLSXReader.read(data: data)
        } catch {
            throw GongkaiError(.budgetInvalid, "不是有效的 XLSX 工作簿：\(error)", path: path)
        }
        var reader = Reader(workbook: workbook, path: path)
        return BudgetInput(budget: try reader.budget(), sources: reader.sources)
    }

    /// One pass over the workbook.
    private struct Reader {
        let workbook: XLSXWorkbook
        let path: String
        var sources: [String: SourceLocation] = [:]

        /// A data sheet's records: the row number and the cells by column (1-based), blank rows skipped.
        struct Records {
            let sheet: String
            let rows: [(number: Int, cells: [Int: XLSXValue])]
        }

        func records(_ schema: Schema.Sheet, required: Bool) throws -> Records {
            guard let sheet = workbook.sheet(named: schema.name) else {
                if required { throw GongkaiError(.budgetInvalid, "缺少工作表“\(schema.name)”（请用 gongkai template 生成的填报表）", path: path) }
                return Records(sheet: schema.name, rows: [])
            }
            var rows: [Int: [Int: XLSXValue]] = [:]
            for cell in sheet.cells where !cell.value.displayText.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                rows[cell.row, default: [:]][cell.column] = cell.value
            }
            for (index, title) in schema.columns.enumerated() {
                let found = rows[1]?[index + 1]?.displayText.trimmingCharacters(in: .whitespaces) ?? ""
                guard found == title else {
                    throw GongkaiError(.budgetInvalid, "第 1 行第 \(index + 1) 列应为表头“\(title)”，实际为“\(found)”",
                                       path: path, location: SourceLocation(file: path, sheet: schema.name, cell: (XLSXCellReference.columnName(index + 1) + String(1))))
                }
            }
            // The template's example rows (示例：…) are not data.
            let isExample = { (cells: [Int: XLSXValue]) in cells[1]?.displayText.trimmingCharacters(in: .whitespaces).hasPrefix(Schema.exampleMarker) == true }
            return Records(sheet: schema.name, rows: rows.filter { $0.key > 1 && !isExample($0.value) }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        }

        func error(_ message: String, sheet: String, row: Int, column: Int, title: String) -> GongkaiError {
            GongkaiError(.budgetInvalid, "第 \(row) 行“\(title)”：\(message)", path: path,
                         location: SourceLocation(file: path, sheet: sheet, cell: (XLSXCellReference.columnName(column) + String(row))))
        }

        mutating func note(_ field: String, sheet: String, row: Int, column: Int) {
            sources[field] = SourceLocation(file: path, sheet: sheet, cell: (XLSXCellReference.columnName(column) + String(row)))
        }

        func text(_ cells: [Int: XLSXValue], _ column: Int) -> String? {
            guard let value = cells[column] else { return nil }
            let text = value.displayText.trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text
        }

        func amount(_ cells: [Int: XLSXValue], _ column: Int, sheet: String, row: Int, title: String) throws -> Amount? {
            guard let value = cells[column] else { return nil }
            let text = value.displayText.trimmingCharacters(in: .whitespaces)
            if text.isEmpty { return nil }
            if case .number(let lexical) = value, let decimal = Decimal(string: lexical) {
                var exact = decimal, rounded = Decimal()
                NSDecimalRound(&rounded, &exact, 2, .plain)
                let difference = abs(NSDecimalNumber(decimal: decimal - rounded).doubleValue)
                guard difference < 0.000_001, let figure = AmountParser.parse("\(rounded)", unit: .yuan) else {
                    throw error("“\(lexical)”超过两位小数（金额以元为单位，最多到分）", sheet: sheet, row: row, column: column, title: title)
                }
                return figure.amount
            }
            guard let figure = AmountParser.parse(text, unit: .yuan), figure.decimals <= 2 else {
                throw error("“\(text)”不是金额（应为以元为单位、最多两位小数的数字）", sheet: sheet, row: row, column: column, title: title)
            }
            return figure.amount
        }

        func integer(_ cells: [Int: XLSXValue], _ column: Int, sheet: String, row: Int, title: String) throws -> Int? {
            guard let text = text(cells, column) else { return nil }
            guard let decimal = Decimal(string: text), let value = Int(exactly: NSDecimalNumber(decimal: decimal).doubleValue), Decimal(value) == decimal else {
                throw error("“\(text)”不是整数", sheet: sheet, row: row, column: column, title: title)
            }
            return value
        }

        func choice<T>(_ cells: [Int: XLSXValue], _ column: Int, from options: [(String, T)], sheet: String, row: Int, title: String) throws -> T? {
            guard let text = text(cells, column) else { return nil }
            guard let match = options.first(where: { $0.0 == text || "\($0.1)" == text }) else {
                throw error("“\(text)”不是可选值（可选：\(options.map(\.0).joined(separator: "、"))）", sheet: sheet, row: row, column: column, title: title)
            }
            return match.1
        }

        mutating func budget() throws -> Budget {
            let unitRecords = try records(Schema.unit, required: true)
            var values: [String: (String, Int)] = [:]
            for row in unitRecords.rows {
                guard let label = text(row.cells, 1), let entry = Schema.unitFields.first(where: { $0.label == label }) else { continue }
                if let value = text(row.cells, 2) { values[entry.field] = (value, row.number) }
                note(entry.field, sheet: Schema.unit.name, row: row.number, column: 2)
            }
            func required(_ field: String, _ label: String) throws -> (String, Int) {
                guard let value = values[field] else {
                    throw GongkaiError(.budgetInvalid, "未填写“\(label)”", path: path, location: sources[field] ?? SourceLocation(file: path, sheet: Schema.unit.name))
                }
                return value
            }
            let name = try required("unit.name", "单位名称").0
            let yearEntry = try required("year", "预算年度")
            guard let year = Int(yearEntry.0.replacingOccurrences(of: "年", with: "")), (1990...2100).contains(year) else {
                throw error("“\(yearEntry.0)”不是年度（如 2025）", sheet: Schema.unit.name, row: yearEntry.1, column: 2, title: "预算年度")
            }
            var unit = BudgetUnit(name: name, level: values["unit.level"]?.0 == "部门" ? .department : .unit)
            if let level = values["unit.level"], !["单位", "部门"].contains(level.0) {
                throw error("“\(level.0)”应为“单位”或“部门”", sheet: Schema.unit.name, row: level.1, column: 2, title: "层级")
            }
            unit.code = values["unit.code"]?.0
            unit.parentDepartment = values["unit.parentDepartment"]?.0
            if let staff = values["unit.staffCount"] {
                guard let count = Int(staff.0), count >= 0 else {
                    throw error("“\(staff.0)”不是人数", sheet: Schema.unit.name, row: staff.1, column: 2, title: "实有人员")
                }
                unit.staffCount = count
            }
            unit.category = values["unit.category"]?.0
            unit.region = values["unit.region"]?.0
            unit.contact = values["unit.contact"]?.0
            var phase = DocumentKind.budget
            if let entry = values["phase"] {
                guard let kind = DocumentKind.allCases.first(where: { $0.chineseName == entry.0 || $0.rawValue == entry.0 }) else {
                    throw error("“\(entry.0)”应为“预算”或“决算”", sheet: Schema.unit.name, row: entry.1, column: 2, title: "阶段")
                }
                phase = kind
            }
            for row in try records(Schema.duties, required: false).rows {
                guard let content = text(row.cells, 2) else { continue }
                if text(row.cells, 1) == "机构" { unit.organisation.append(content) } else { unit.duties.append(content) }
            }
            var budget = Budget(unit: unit, year: year, phase: phase)
            try readIncome(into: &budget)
            try readExpenditure(into: &budget)
            try readComparison(into: &budget)
            try readSubjects(into: &budget)
            try readCosts(into: &budget)
            try readAssets(into: &budget)
            try readProjects(into: &budget)
            try readCarryoverOut(into: &budget)
            try readPerformance(into: &budget)
            return budget
        }

        /// 绩效管理: nil when the sheet is absent or says nothing.
        mutating func readPerformance(into budget: inout Budget) throws {
            let sheet = Schema.performance
            var facts = PerformanceManagement()
            for row in try records(sheet, required: false).rows {
                guard let label = text(row.cells, 1) else { continue }
                let field = "performanceManagement"
                if label == Schema.performanceRule, let rule = text(row.cells, 2) {
                    facts.rules = (facts.rules ?? []) + [rule]
                } else if label == Schema.performanceMechanism {
                    facts.mechanism = text(row.cells, 2)
                } else if let entry = Schema.performanceCounts.first(where: { $0.label == label }) {
                    facts[keyPath: entry.keyPath] = try integer(row.cells, 2, sheet: sheet.name, row: row.number, title: label)
                } else if let entry = Schema.performanceAmounts.first(where: { $0.label == label }) {
                    facts[keyPath: entry.keyPath] = try amount(row.cells, 2, sheet: sheet.name, row: row.number, title: label)
                } else if label == Schema.performanceScore, let score = text(row.cells, 2) {
                    guard let value = Decimal(string: score) else {
                        throw error("“\(score)”不是数字", sheet: sheet.name, row: row.number, column: 2, title: label)
                    }
                    facts.averageScore = value
                } else {
                    continue
                }
                note(field, sheet: sheet.name, row: row.number, column: 2)
            }
            budget.performanceManagement = facts == PerformanceManagement() ? nil : facts
        }

        mutating func readIncome(into budget: inout Budget) throws {
            budget.income = try sourceLines(Schema.income, field: "income", required: true)
        }

        /// The lines of a sheet whose rows are a source (column A), an amount in 元 (B) and, on the
        /// 收入 sheet, the fund carried over (C).
        mutating func sourceLines(_ sheet: Schema.Sheet, field: String, required: Bool) throws -> [IncomeLine] {
            var lines: [IncomeLine] = []
            for row in try records(sheet, required: required).rows {
                guard let source = try choice(row.cells, 1, from: Schema.sourceNames, sheet: sheet.name, row: row.number, title: sheet.columns[0]) else {
                    throw error("未选择\(sheet.columns[0])", sheet: sheet.name, row: row.number, column: 1, title: sheet.columns[0])
                }
                let amount = try amount(row.cells, 2, sheet: sheet.name, row: row.number, title: sheet.columns[1]) ?? .zero
                let fund = sheet.columns.count > 2 ? try choice(row.cells, 3, from: Schema.sourceNames, sheet: sheet.name, row: row.number, title: sheet.columns[2]) : nil
                note("\(field)[\(lines.count)].amount", sheet: sheet.name, row: row.number, column: 2)
                lines.append(IncomeLine(source: source, amount: amount, fund: fund))
            }
            return lines
        }

        mutating func readExpenditure(into budget: inout Budget) throws {
            let sheet = Schema.expenditure
            for row in try records(sheet, required: true).rows {
                let titles = sheet.columns
                guard let functionText = text(row.cells, 1), let function = FunctionCode(functionText.replacingOccurrences(of: " ", with: "")) else {
                    throw error("“\(text(row.cells, 1) ?? "")”不是功能分类科目编码（7 位，如 2013201）", sheet: sheet.name, row: row.number, column: 1, title: titles[0])
                }
                guard let economicText = text(row.cells, 2), let economic = EconomicCode(economicText) else {
                    throw error("“\(text(row.cells, 2) ?? "")”不是经济分类科目编码（5 位，如 30101）", sheet: sheet.name, row: row.number, column: 2, title: titles[1])
                }
                guard let kind = try choice(row.cells, 3, from: Schema.kindNames, sheet: sheet.name, row: row.number, title: titles[2]) else {
                    throw error("未选择支出类型（人员经费、公用经费或项目支出）", sheet: sheet.name, row: row.number, column: 3, title: titles[2])
                }
                let fund = try choice(row.cells, 4, from: Schema.sourceNames, sheet: sheet.name, row: row.number, title: titles[3]) ?? .generalBudget
                guard let amount = try amount(row.cells, 5, sheet: sheet.name, row: row.number, title: titles[4]) else {
                    throw error("未填写金额", sheet: sheet.name, row: row.number, column: 5, title: titles[4])
                }
                let index = budget.expenditure.count
                for (column, field) in ["function", "economic", "kind", "fund", "amount", "project"].enumerated() {
                    note("expenditure[\(index)].\(field)", sheet: sheet.name, row: row.number, column: column + 1)
                }
                note("expenditure[\(index)]", sheet: sheet.name, row: row.number, column: 1)
                budget.expenditure.append(ExpenditureLine(function: function, economic: economic, kind: kind, fund: fund, amount: amount,
                                                          project: text(row.cells, 6)))
            }
        }

        mutating func readComparison(into budget: inout Budget) throws {
            let sheet = Schema.comparison
            for row in try records(sheet, required: false).rows {
                guard let label = text(row.cells, 1), let entry = Schema.comparisonFields.first(where: { $0.label == label }) else { continue }
                let amount = try amount(row.cells, 2, sheet: sheet.name, row: row.number, title: label)
                let reason = text(row.cells, 3)
                note(entry.amount, sheet: sheet.name, row: row.number, column: 2)
                if let field = entry.reason { note(field, sheet: sheet.name, row: row.number, column: 3) }
                switch entry.amount {
                case "comparison.total": budget.comparison.total = amount; budget.comparison.totalReason = reason
                case "comparison.fiscalAppropriation": budget.comparison.fiscalAppropriation = amount; budget.comparison.fiscalReason = reason
                case "comparison.generalBudget": budget.comparison.generalBudget = amount
                case "comparison.governmentFunds": budget.comparison.governmentFunds = amount
                case "comparison.stateCapital": budget.comparison.stateCapital = amount
                case "comparison.basic": budget.comparison.basic = amount; budget.comparison.basicReason = reason
                case "comparison.personnel": budget.comparison.personnel = amount; budget.comparison.personnelReason = reason
                case "comparison.publicCosts": budget.comparison.publicCosts = amount; budget.comparison.publicCostsReason = reason
                case "comparison.project": budget.comparison.project = amount; budget.comparison.projectReason = reason
                default: budget.comparison.budgetedGeneralBudget = amount; budget.comparison.budgetReason = reason
                }
            }
        }

        mutating func readSubjects(into budget: inout Budget) throws {
            let sheet = Schema.subjects
            for row in try records(sheet, required: false).rows {
                guard let code = text(row.cells, 1) else { continue }
                guard FunctionCode(code) != nil || EconomicCode(code) != nil else {
                    throw error("“\(code)”不是科目编码", sheet: sheet.name, row: row.number, column: 1, title: sheet.columns[0])
                }
                if let prior = try amount(row.cells, 2, sheet: sheet.name, row: row.number, title: sheet.columns[1]) { budget.comparison.byFunction[code] = prior }
                if let purpose = text(row.cells, 3) { budget.comparison.purposeByFunction[code] = purpose }
                if let reason = text(row.cells, 4) { budget.comparison.reasonByFunction[code] = reason }
                if let name = text(row.cells, 5) { budget.codeNames[code] = name }
                if let budgeted = try amount(row.cells, 6, sheet: sheet.name, row: row.number, title: sheet.columns[5]) {
                    budget.comparison.budgetedByFunction[code] = budgeted
                }
                if let reason = text(row.cells, 7) { budget.comparison.budgetReasonByFunction[code] = reason }
                note("comparison.reasonByFunction.\(code)", sheet: sheet.name, row: row.number, column: 4)
            }
        }

        mutating func readCosts(into budget: inout Budget) throws {
            let sheet = Schema.costs
            for row in try records(sheet, required: false).rows {
                guard let label = text(row.cells, 1) else { continue }
                if label == Schema.foreignReception {
                    note("threePublicCosts.foreignReception", sheet: sheet.name, row: row.number, column: 2)
                    budget.threePublicCosts.foreignReception = try amount(row.cells, 2, sheet: sheet.name, row: row.number, title: label)
                    continue
                }
                if let count = Schema.costCounts.first(where: { $0.label == label }) {
                    note(count.field, sheet: sheet.name, row: row.number, column: 2)
                    if let value = try integer(row.cells, 2, sheet: sheet.name, row: row.number, title: label) {
                        var counts = budget.threePublicCosts.counts ?? ThreePublicCostsCounts()
                        counts[keyPath: count.keyPath] = value
                        budget.threePublicCosts.counts = counts
                    }
                    continue
                }
                guard let entry = Schema.costRows.first(where: { $0.label == label }) else { continue }
                let current = try amount(row.cells, 2, sheet: sheet.name, row: row.number, title: "\(label)本年")
                let prior = try amount(row.cells, 3, sheet: sheet.name, row: row.number, title: "\(label)上年")
                let reason = text(row.cells, 4)
                note("\(entry.field).amount", sheet: sheet.name, row: row.number, column: 2)
                note("\(entry.field).reason", sheet: sheet.name, row: row.number, column: 4)
                let budgeted = try amount(row.cells, 6, sheet: sheet.name, row: row.number, title: "\(label)年初预算")
                let item = CostItem(amount: current ?? .zero, priorYear: prior, reason: reason, budgeted: budgeted, purpose: text(row.cells, 5))
                switch entry.field {
                case "threePublicCosts.travelAbroad": budget.threePublicCosts.travelAbroad = item
                case "threePublicCosts.vehiclePurchase": budget.threePublicCosts.vehiclePurchase = item
                case "threePublicCosts.vehicleOperation": budget.threePublicCosts.vehicleOperation = item
                case "threePublicCosts.reception": budget.threePublicCosts.reception = item
                case "threePublicCosts": budget.threePublicCosts.reason = reason
                default:
                    if let current { budget.operatingCosts = OperatingCosts(amount: current, priorYear: prior, reason: reason, purpose: text(row.cells, 5)) }
                }
            }
        }

        mutating func readAssets(into budget: inout Budget) throws {
            let sheet = Schema.assets
            for row in try records(sheet, required: false).rows {
                guard let label = text(row.cells, 1) else { continue }
                if label.hasPrefix(Schema.vehiclesHeld) || label.hasPrefix(Schema.vehiclesToBuy) {
                    let held = label.hasPrefix(Schema.vehiclesHeld)
                    let category = String(label.dropFirst((held ? Schema.vehiclesHeld : Schema.vehiclesToBuy).count))
                    let count = AssetCount(category: category, count: try integer(row.cells, 2, sheet: sheet.name, row: row.number, title: label) ?? 0)
                    if held { budget.stateAssets.vehicles.append(count) } else { budget.stateAssets.vehiclesToBuy.append(count) }
                    continue
                }
                if let award = Schema.procurementAwards.first(where: { $0.label == label }) {
                    note(award.field, sheet: sheet.name, row: row.number, column: 2)
                    budget.procurement[keyPath: award.keyPath] = try amount(row.cells, 2, sheet: sheet.name, row: row.number, title: label)
                    continue
                }
                guard let entry = Schema.assetFields.first(where: { $0.label == label }) else { continue }
                note(entry.field, sheet: sheet.name, row: row.number, column: 2)
                switch entry.field {
                case "procurement.goods": budget.procurement.goods = try amount(row.cells, 2, sheet: sheet.name, row: row.number, title: label) ?? .zero
                case "procurement.works": budget.procurement.works = try amount(row.cells, 2, sheet: sheet.name, row: row.number, title: label) ?? .zero
                case "procurement.services": budget.procurement.services = try amount(row.cells, 2, sheet: sheet.name, row: row.number, title: label) ?? .zero
                case "procurement.reservedForSmallBusiness":
                    budget.procurement.reservedForSmallBusiness = try amount(row.cells, 2, sheet: sheet.name, row: row.number, title: label)
                case "procurement.reservedForMicroBusiness":
                    budget.procurement.reservedForMicroBusiness = try amount(row.cells, 2, sheet: sheet.name, row: row.number, title: label)
                case "stateAssets.asOf": budget.stateAssets.asOf = text(row.cells, 2)
                case "stateAssets.largeEquipment":
                    budget.stateAssets.largeEquipment = try integer(row.cells, 2, sheet: sheet.name, row: row.number, title: label) ?? 0
                default:
                    budget.stateAssets.largeEquipmentToBuy = try integer(row.cells, 2, sheet: sheet.name, row: row.number, title: label) ?? 0
                }
            }
        }

        mutating func readCarryoverOut(into budget: inout Budget) throws {
            budget.carryoverOut = try sourceLines(Schema.carryoverOut, field: "carryoverOut", required: false)
        }

        mutating func readProjects(into budget: inout Budget) throws {
            let sheet = Schema.projects
            for row in try records(sheet, required: false).rows {
                guard let id = text(row.cells, 1), let name = text(row.cells, 2) else {
                    throw error("项目编号和项目名称都要填写", sheet: sheet.name, row: row.number, column: text(row.cells, 1) == nil ? 1 : 2, title: "项目编号/项目名称")
                }
                var weight: Decimal?
                if let text = text(row.cells, 7) {
                    guard let value = Decimal(string: text) else {
                        throw error("“\(text)”不是数字", sheet: sheet.name, row: row.number, column: 7, title: sheet.columns[6])
                    }
                    weight = value
                }
                let index = budget.projects.count
                note("projects[\(index)]", sheet: sheet.name, row: row.number, column: 1)
                note("projects[\(index)].budgetedElsewhere", sheet: sheet.name, row: row.number, column: 6)
                budget.projects.append(Project(id: id, name: name, category: text(row.cells, 3), department: text(row.cells, 4), overview: text(row.cells, 8),
                                               basis: text(row.cells, 9), goal: text(row.cells, 10), preparedBy: text(row.cells, 5),
                                               budgetedElsewhere: try amount(row.cells, 6, sheet: sheet.name, row: row.number, title: sheet.columns[5]),
                                               executionRateWeight: weight))
            }
            let indicators = Schema.indicators
            for row in try records(indicators, required: false).rows {
                let titles = indicators.columns
                guard let id = text(row.cells, 1), let projectIndex = budget.projects.firstIndex(where: { $0.id == id }) else {
                    throw error("“\(text(row.cells, 1) ?? "")”不是“项目”表中登记的项目编号", sheet: indicators.name, row: row.number, column: 1, title: titles[0])
                }
                guard let weightText = text(row.cells, 5), let weight = Decimal(string: weightText) else {
                    throw error("“\(text(row.cells, 5) ?? "")”不是权重数字", sheet: indicators.name, row: row.number, column: 5, title: titles[4])
                }
                let index = budget.projects[projectIndex].indicators.count
                note("projects[\(projectIndex)].indicators[\(index)]", sheet: indicators.name, row: row.number, column: 4)
                note("projects[\(projectIndex)].indicators", sheet: indicators.name, row: row.number, column: 5)
                budget.projects[projectIndex].indicators.append(Indicator(
                    level1: text(row.cells, 2) ?? "", level2: text(row.cells, 3) ?? "", name: text(row.cells, 4) ?? "", weight: weight,
                    unit: text(row.cells, 6) ?? "", comparison: text(row.cells, 7) ?? "", target: text(row.cells, 8) ?? "",
                    isCore: text(row.cells, 9) == "是"))
            }
        }
    }
}
