import Foundation

/// Builds a department's budget from the budgets of its own office (本级) and its subordinate units:
/// every amount of the department is the sum of the units' amounts (部门 = Σ 单位), lines of the same
/// code, kind, fund and project are merged, and the narrative facts and reasons come from the 本级
/// budget (a unit's reason only where the 本级 gives none).
public enum BudgetConsolidation {
    /// The department budget. `units[0]` is the 本级 budget; `name` is the department's name (by
    /// default the 本级 budget's parent department).
    public static func consolidate(_ units: [(path: String, budget: Budget)], name: String? = nil) throws -> Budget {
        guard let main = units.first?.budget else {
            throw GongkaiError(.budgetInvalid, "合并部门预算至少需要一个单位预算（第一个为部门本级）")
        }
        for (path, budget) in units where budget.year != main.year || budget.phase != main.phase {
            throw GongkaiError(.budgetInvalid, "年度或阶段与部门本级（\(main.year)年\(main.phase.chineseName)）不同：\(budget.year)年\(budget.phase.chineseName)", path: path)
        }
        let budgets = units.map(\.budget)
        var unit = main.unit
        unit.name = name ?? main.unit.parentDepartment ?? main.unit.name
        unit.level = .department
        unit.parentDepartment = nil
        unit.code = main.unit.code.map { String($0.prefix(3)) }
        unit.staffCount = budgets.allSatisfy { $0.unit.staffCount != nil } ? budgets.reduce(0) { $0 + ($1.unit.staffCount ?? 0) } : nil
        unit.organisation = main.unit.organisation + ["本部门预算由\(budgets.count)家预算单位的预算汇总而成：" + budgets.map(\.unit.name).joined(separator: "、") + "。"]
        var department = Budget(unit: unit, year: main.year, phase: main.phase)
        department.income = merged(budgets.flatMap(\.income))
        department.expenditure = merged(budgets.flatMap(\.expenditure))
        department.carryoverOut = merged(budgets.flatMap(\.carryoverOut))
        department.comparison = comparison(budgets)
        department.threePublicCosts = threePublicCosts(budgets)
        let operating = budgets.compactMap(\.operatingCosts)
        if !operating.isEmpty {
            department.operatingCosts = OperatingCosts(amount: Amount.sum(operating.map(\.amount)), priorYear: allOrNil(operating.map(\.priorYear)),
                                                       reason: main.operatingCosts?.reason ?? operating.first?.reason,
                                                       purpose: main.operatingCosts?.purpose ?? operating.first?.purpose)
        }
        department.procurement = Procurement(goods: Amount.sum(budgets.map(\.procurement.goods)), works: Amount.sum(budgets.map(\.procurement.works)),
                                             services: Amount.sum(budgets.map(\.procurement.services)),
                                             reservedForSmallBusiness: optionalSum(budgets.map(\.procurement.reservedForSmallBusiness)),
                                             reservedForMicroBusiness: optionalSum(budgets.map(\.procurement.reservedForMicroBusiness)))
        department.stateAssets = StateAssets(asOf: main.stateAssets.asOf, vehicles: mergedCounts(budgets.map(\.stateAssets.vehicles)),
                                             vehiclesToBuy: mergedCounts(budgets.map(\.stateAssets.vehiclesToBuy)),
                                             largeEquipment: budgets.reduce(0) { $0 + $1.stateAssets.largeEquipment },
                                             largeEquipmentToBuy: budgets.reduce(0) { $0 + $1.stateAssets.largeEquipmentToBuy })
        department.projects = try projects(units)
        for budget in budgets { department.codeNames.merge(budget.codeNames) { first, _ in first } }
        return department
    }

    private static func merged(_ lines: [IncomeLine]) -> [IncomeLine] {
        merged(lines, key: { "\($0.source.rawValue)|\($0.fund?.rawValue ?? "")" }, amount: \.amount)
    }

    private static func merged(_ lines: [ExpenditureLine]) -> [ExpenditureLine] {
        merged(lines, key: { [$0.function.digits, $0.economic.digits, $0.kind.rawValue, $0.fund.rawValue, $0.project ?? ""].joined(separator: "|") },
               amount: \.amount)
    }

    /// Lines with the same key merged into the first of them, their amounts added, in first-seen order.
    private static func merged<Line>(_ lines: [Line], key: (Line) -> String, amount: WritableKeyPath<Line, Amount>) -> [Line] {
        var order: [String] = []
        var sums: [String: Line] = [:]
        for line in lines {
            let key = key(line)
            if var existing = sums[key] {
                existing[keyPath: amount] = existing[keyPath: amount] + line[keyPath: amount]
                sums[key] = existing
            } else {
                order.append(key)
                sums[key] = line
            }
        }
        return order.compactMap { sums[$0] }
    }

    /// The sum when every unit gives the figure, else nil (a partial sum would be a wrong number).
    private static func allOrNil(_ amounts: [Amount?]) -> Amount? {
        amounts.contains(where: { $0 == nil }) ? nil : Amount.sum(amounts.compactMap { $0 })
    }

    /// The sum of the figures given, nil when none is.
    private static func optionalSum(_ amounts: [Amount?]) -> Amount? {
        amounts.allSatisfy { $0 == nil } ? nil : Amount.sum(amounts.compactMap { $0 })
    }

    private static func comparison(_ budgets: [Budget]) -> PriorYearComparison {
        let priors = budgets.map(\.comparison)
        let main = priors[0]
        var result = PriorYearComparison(
            total: allOrNil(priors.map(\.total)), fiscalAppropriation: allOrNil(priors.map(\.fiscalAppropriation)),
            generalBudget: allOrNil(priors.map(\.generalBudget)), governmentFunds: allOrNil(priors.map(\.governmentFunds)),
            stateCapital: allOrNil(priors.map(\.stateCapital)), basic: allOrNil(priors.map(\.basic)), project: allOrNil(priors.map(\.project)),
            personnel: allOrNil(priors.map(\.personnel)), publicCosts: allOrNil(priors.map(\.publicCosts)),
            totalReason: main.totalReason, fiscalReason: main.fiscalReason, basicReason: main.basicReason, projectReason: main.projectReason,
            personnelReason: main.personnelReason, publicCostsReason: main.publicCostsReason)
        result.budgetedGeneralBudget = allOrNil(priors.map(\.budgetedGeneralBudget))
        result.budgetReason = main.budgetReason
        let codes = Set(budgets.flatMap { $0.expenditure.map(\.function.digits) })
        for code in codes {
            let spenders = budgets.filter { $0.expenditure.contains { $0.function.digits == code } }
            result.byFunction[code] = allOrNil(spenders.map { $0.comparison.byFunction[code] })
            result.purposeByFunction[code] = spenders.lazy.compactMap { $0.comparison.purposeByFunction[code] }.first
            result.reasonByFunction[code] = spenders.lazy.compactMap { $0.comparison.reasonByFunction[code] }.first
            result.budgetedByFunction[code] = allOrNil(spenders.map { $0.comparison.budgetedByFunction[code] })
            result.budgetReasonByFunction[code] = spenders.lazy.compactMap { $0.comparison.budgetReasonByFunction[code] }.first
        }
        return result
    }

    private static func threePublicCosts(_ budgets: [Budget]) -> ThreePublicCosts {
        // A reason is one unit's wording: the 本级's, else that of the first unit that has the cost.
        func item(_ pick: (ThreePublicCosts) -> CostItem) -> CostItem {
            let items = budgets.map { pick($0.threePublicCosts) }
            let spending = items.filter { !$0.amount.isZero || !($0.priorYear ?? .zero).isZero }
            return CostItem(amount: Amount.sum(items.map(\.amount)), priorYear: allOrNil(items.map(\.priorYear)),
                            reason: items[0].reason ?? spending.lazy.compactMap(\.reason).first, budgeted: allOrNil(items.map(\.budgeted)))
        }
        return ThreePublicCosts(travelAbroad: item(\.travelAbroad), vehiclePurchase: item(\.vehiclePurchase), vehicleOperation: item(\.vehicleOperation),
                                reception: item(\.reception), reason: budgets[0].threePublicCosts.reason)
    }

    private static func mergedCounts(_ lists: [[AssetCount]]) -> [AssetCount] {
        var order: [String] = []
        var counts: [String: Int] = [:]
        for count in lists.flatMap({ $0 }) {
            if counts[count.category] == nil { order.append(count.category) }
            counts[count.category, default: 0] += count.count
        }
        return order.map { AssetCount(category: $0, count: counts[$0]!) }
    }

    /// Every unit's projects; an id two units both use is an error, since lines would merge wrongly.
    private static func projects(_ units: [(path: String, budget: Budget)]) throws -> [Project] {
        var seen: [String: String] = [:]
        var projects: [Project] = []
        for (path, budget) in units {
            for project in budget.projects {
                if let other = seen[project.id] {
                    throw GongkaiError(.budgetInvalid, "项目编号“\(project.id)”与 \(other) 中的项目重复，合并前请使用不同的编号", path: path)
                }
                seen[project.id] = path
                projects.append(project)
            }
        }
        return projects
    }
}
