import Foundation

/// The year before: the figures the narrative compares with, and the reasons for the changes.
public struct PriorYearComparison: Codable, Sendable, Equatable {
    /// Total income (and expenditure) of the year before.
    public var total: Amount?
    /// Fiscal appropriations (财政拨款) of the year before.
    public var fiscalAppropriation: Amount?
    /// General-budget appropriations of the year before.
    public var generalBudget: Amount?
    /// Government-fund appropriations of the year before.
    public var governmentFunds: Amount?
    /// State-capital appropriations of the year before.
    public var stateCapital: Amount?
    /// General-budget 基本支出 of the year before.
    public var basic: Amount?
    /// General-budget 项目支出 of the year before.
    public var project: Amount?
    /// General-budget 人员经费 of the year before.
    public var personnel: Amount?
    /// General-budget 公用经费 of the year before.
    public var publicCosts: Amount?
    /// Per 功能分类 项: the year before's amount (预算执行数 in Shanghai).
    public var byFunction: [String: Amount]
    /// Why total income and expenditure changed.
    public var totalReason: String?
    /// Why fiscal appropriations changed.
    public var fiscalReason: String?
    /// Why 基本支出 changed.
    public var basicReason: String?
    /// Why 项目支出 changed.
    public var projectReason: String?
    /// Why 人员经费 changed.
    public var personnelReason: String?
    /// Why 公用经费 changed.
    public var publicCostsReason: String?
    /// Per 功能分类 项: what the money is for (主要用于).
    public var purposeByFunction: [String: String]
    /// Per 功能分类 项: why it changed.
    public var reasonByFunction: [String: String]
    /// Final accounts: the general-budget appropriation in the year's initial budget (年初预算).
    public var budgetedGeneralBudget: Amount?
    /// Final accounts: why the general-budget outturn differs from the initial budget.
    public var budgetReason: String?
    /// Final accounts, per 功能分类 项: the initial budget (年初预算数).
    public var budgetedByFunction: [String: Amount] = [:]
    /// Final accounts, per 功能分类 项: why the outturn differs from the initial budget.
    public var budgetReasonByFunction: [String: String] = [:]

    /// Creates an empty comparison.
    public init(total: Amount? = nil, fiscalAppropriation: Amount? = nil, generalBudget: Amount? = nil, governmentFunds: Amount? = nil,
                stateCapital: Amount? = nil, basic: Amount? = nil, project: Amount? = nil, personnel: Amount? = nil,
                publicCosts: Amount? = nil, byFunction: [String: Amount] = [:], totalReason: String? = nil, fiscalReason: String? = nil,
                basicReason: String? = nil, projectReason: String? = nil, personnelReason: String? = nil, publicCostsReason: String? = nil,
                purposeByFunction: [String: String] = [:], reasonByFunction: [String: String] = [:]) {
        self.total = total
        self.fiscalAppropriation = fiscalAppropriation
        self.generalBudget = generalBudget
        self.governmentFunds = governmentFunds
        self.stateCapital = stateCapital
        self.basic = basic
        self.project = project
        self.personnel = personnel
        self.publicCosts = publicCosts
        self.byFunction = byFunction
        self.totalReason = totalReason
        self.fiscalReason = fiscalReason
        self.basicReason = basicReason
        self.projectReason = projectReason
        self.personnelReason = personnelReason
        self.publicCostsReason = publicCostsReason
        self.purposeByFunction = purposeByFunction
        self.reasonByFunction = reasonByFunction
    }
}

/// One “三公” item this year, the year before, and why it changed.
public struct CostItem: Codable, Sendable, Equatable {
    /// This year, in 元.
    public var amount: Amount
    /// The year before, in 元.
    public var priorYear: Amount?
    /// Why it changed (or why it is nil / unchanged).
    public var reason: String?
    /// Final accounts: the initial budget (年初预算数) the outturn `amount` compares with.
    public var budgeted: Amount?
    /// What the money paid for (开支内容 / 主要用于).
    public var purpose: String?

    /// Creates an item.
    public init(amount: Amount = .zero, priorYear: Amount? = nil, reason: String? = nil, budgeted: Amount? = nil, purpose: String? = nil) {
        self.amount = amount
        self.priorYear = priorYear
        self.reason = reason
        self.budgeted = budgeted
        self.purpose = purpose
    }
}

/// Final accounts: what the “三公” money paid for, counted as the 决算 template asks (团组, 人次, 车辆,
/// 批次). Each count is nil when not given.
public struct ThreePublicCostsCounts: Codable, Sendable, Equatable {
    /// 因公出国（境）团组.
    public var delegations: Int?
    /// 因公出国（境）人次.
    public var travellers: Int?
    /// 公务用车购置数量.
    public var vehiclesBought: Int?
    /// 公务用车保有量 (vehicles paid for from 财政拨款 at the year's end).
    public var vehiclesHeld: Int?
    /// 国内公务接待批次.
    public var receptionBatches: Int?
    /// 国内公务接待人次.
    public var receptionGuests: Int?
    /// 其中外宾接待批次.
    public var foreignBatches: Int?
    /// 其中外宾接待人次.
    public var foreignGuests: Int?

    /// Creates counts.
    public init(delegations: Int? = nil, travellers: Int? = nil, vehiclesBought: Int? = nil, vehiclesHeld: Int? = nil,
                receptionBatches: Int? = nil, receptionGuests: Int? = nil, foreignBatches: Int? = nil, foreignGuests: Int? = nil) {
        self.delegations = delegations
        self.travellers = travellers
        self.vehiclesBought = vehiclesBought
        self.vehiclesHeld = vehiclesHeld
        self.receptionBatches = receptionBatches
        self.receptionGuests = receptionGuests
        self.foreignBatches = foreignBatches
        self.foreignGuests = foreignGuests
    }
}

/// Final accounts: how the department managed performance over the year (预算绩效管理情况), as the
/// 决算 template asks. Every figure is nil when not given.
public struct PerformanceManagement: Codable, Sendable, Equatable {
    /// The rules the department has made (制度名称), in order.
    public var rules: [String]?
    /// The working arrangement, a phrase (“事前评估、事中监控、事后评价”全过程).
    public var mechanism: String?
    /// Projects of the year with 绩效目标, and their budget in 元.
    public var goalProjects: Int?
    public var goalAmount: Amount?
    /// Projects followed during the year (绩效跟踪评价), and their budget.
    public var trackedProjects: Int?
    public var trackedAmount: Amount?
    /// Projects the department evaluated itself (绩效自评), their budget and the average score.
    public var evaluatedProjects: Int?
    public var evaluatedAmount: Amount?
    public var averageScore: Decimal?
    /// Self-evaluations rated 优, 良, 合格 and 不合格.
    public var ratedExcellent: Int?
    public var ratedGood: Int?
    public var ratedPass: Int?
    public var ratedFail: Int?
    /// Problems the self-evaluations found, those put right and those being put right.
    public var problemsFound: Int?
    public var problemsFixed: Int?
    public var problemsBeingFixed: Int?

    /// Creates the facts, none given.
    public init() {}
}

/// “三公”经费.
public struct ThreePublicCosts: Codable, Sendable, Equatable {
    /// 因公出国（境）费.
    public var travelAbroad: CostItem
    /// 公务用车购置费.
    public var vehiclePurchase: CostItem
    /// 公务用车运行费.
    public var vehicleOperation: CostItem
    /// 公务接待费.
    public var reception: CostItem
    /// Why the total changed.
    public var reason: String?
    /// Final accounts: the trips, vehicles and receptions the money paid for.
    public var counts: ThreePublicCostsCounts?
    /// Final accounts: of 公务接待费, what receiving foreign guests cost (外宾接待支出).
    public var foreignReception: Amount?

    /// Creates the costs.
    public init(travelAbroad: CostItem = CostItem(), vehiclePurchase: CostItem = CostItem(), vehicleOperation: CostItem = CostItem(),
                reception: CostItem = CostItem(), reason: String? = nil, counts: ThreePublicCostsCounts? = nil, foreignReception: Amount? = nil) {
        self.travelAbroad = travelAbroad
        self.vehiclePurchase = vehiclePurchase
        self.vehicleOperation = vehicleOperation
        self.reception = reception
        self.reason = reason
        self.counts = counts
        self.foreignReception = foreignReception
    }

    /// The 三公 total this year.
    public var total: Amount { travelAbroad.amount + vehiclePurchase.amount + vehicleOperation.amount + reception.amount }
    /// 公务用车购置及运行费.
    public var vehicleTotal: Amount { vehiclePurchase.amount + vehicleOperation.amount }
    /// The total the year before, when every item has one.
    public var priorTotal: Amount? {
        guard let a = travelAbroad.priorYear, let b = vehiclePurchase.priorYear, let c = vehicleOperation.priorYear, let d = reception.priorYear else { return nil }
        return a + b + c + d
    }
}

/// 机关运行经费.
public struct OperatingCosts: Codable, Sendable, Equatable {
    /// This year, in 元.
    public var amount: Amount
    /// The year before.
    public var priorYear: Amount?
    /// Why it changed.
    public var reason: String?
    /// What it is mainly used for.
    public var purpose: String?

    /// Creates the costs.
    public init(amount: Amount, priorYear: Amount? = nil, reason: String? = nil, purpose: String? = nil) {
        self.amount = amount
        self.priorYear = priorYear
        self.reason = reason
        self.purpose = purpose
    }
}

/// 政府采购预算.
public struct Procurement: Codable, Sendable, Equatable {
    /// 货物.
    public var goods: Amount
    /// 工程.
    public var works: Amount
    /// 服务.
    public var services: Amount
    /// 面向中小企业预留.
    public var reservedForSmallBusiness: Amount?
    /// 其中预留给小型和微型企业.
    public var reservedForMicroBusiness: Amount?
    /// Final accounts: of the projects reserved for small and medium businesses, what they won (中标或成交).
    public var awardedInReserved: Amount?
    /// Final accounts: of the projects reserved for small and micro businesses, what they won.
    public var awardedInMicroReserved: Amount?
    /// Final accounts: of the other projects, what small and medium businesses won.
    public var awardedInOthers: Amount?

    /// Creates the plan.
    public init(goods: Amount = .zero, works: Amount = .zero, services: Amount = .zero, reservedForSmallBusiness: Amount? = nil,
                reservedForMicroBusiness: Amount? = nil) {
        self.goods = goods
        self.works = works
        self.services = services
        self.reservedForSmallBusiness = reservedForSmallBusiness
        self.reservedForMicroBusiness = reservedForMicroBusiness
    }

    /// The total.
    public var total: Amount { goods + works + services }
}

/// 国有资产占有使用情况.
public struct StateAssets: Codable, Sendable, Equatable {
    /// The date the holdings are counted at (2022年12月31日).
    public var asOf: String?
    /// Vehicles held, by category (一般公务用车, 执法执勤用车, 其他用车 …).
    public var vehicles: [AssetCount]
    /// Vehicles to buy this year, by category.
    public var vehiclesToBuy: [AssetCount]
    /// Equipment of 1 million 元 or more (不含车辆) held.
    public var largeEquipment: Int
    /// Such equipment to buy this year.
    public var largeEquipmentToBuy: Int

    /// Creates the holdings.
    public init(asOf: String? = nil, vehicles: [AssetCount] = [], vehiclesToBuy: [AssetCount] = [], largeEquipment: Int = 0,
                largeEquipmentToBuy: Int = 0) {
        self.asOf = asOf
        self.vehicles = vehicles
        self.vehiclesToBuy = vehiclesToBuy
        self.largeEquipment = largeEquipment
        self.largeEquipmentToBuy = largeEquipmentToBuy
    }
}

/// A number of assets of one category (一般公务用车: 2).
public struct AssetCount: Codable, Sendable, Equatable {
    /// The category.
    public var category: String
    /// How many.
    public var count: Int

    /// Creates a count.
    public init(category: String, count: Int) {
        self.category = category
        self.count = count
    }
}

/// A project with its performance goals.
public struct Project: Codable, Sendable, Equatable {
    /// The id expenditure lines refer to.
    public var id: String
    /// 项目名称.
    public var name: String
    /// 项目分类 / 项目性质 (一般性项目, 重点专项 …).
    public var category: String?
    /// 业务主管部门.
    public var department: String?
    /// 项目概述.
    public var overview: String?
    /// 立项依据.
    public var basis: String?
    /// 当年绩效目标.
    public var goal: String?
    /// 编制单位 when another body (the department) prepared the project's goals.
    public var preparedBy: String?
    /// 当年预算 in 元 for a project budgeted elsewhere (by the department itself) and only shown here;
    /// nil for the unit's own projects, whose budget is the sum of their expenditure lines.
    public var budgetedElsewhere: Amount?
    /// 预算执行率 weight when the template gives it separately (10 in Chongqing).
    public var executionRateWeight: Decimal?
    /// The indicators.
    public var indicators: [Indicator]

    /// Creates a project.
    public init(id: String, name: String, category: String? = nil, department: String? = nil, overview: String? = nil, basis: String? = nil,
                goal: String? = nil, preparedBy: String? = nil, budgetedElsewhere: Amount? = nil, executionRateWeight: Decimal? = nil, indicators: [Indicator] = []) {
        self.id = id
        self.name = name
        self.category = category
        self.department = department
        self.overview = overview
        self.basis = basis
        self.goal = goal
        self.preparedBy = preparedBy
        self.budgetedElsewhere = budgetedElsewhere
        self.executionRateWeight = executionRateWeight
        self.indicators = indicators
    }
}

/// One performance indicator.
public struct Indicator: Codable, Sendable, Equatable {
    /// 一级指标 (产出指标, 效益指标, 满意度指标, 成本指标).
    public var level1: String
    /// 二级指标 (数量指标, 质量指标 …).
    public var level2: String
    /// 三级指标: the indicator itself.
    public var name: String
    /// 指标权重.
    public var weight: Decimal
    /// 计量单位 (empty for qualitative indicators).
    public var unit: String
    /// 指标性质: ≥ ≤ = > < or 定性.
    public var comparison: String
    /// 指标值.
    public var target: String
    /// 是否核心指标.
    public var isCore: Bool

    /// Creates an indicator.
    public init(level1: String, level2: String, name: String, weight: Decimal, unit: String, comparison: String, target: String, isCore: Bool = false) {
        self.level1 = level1
        self.level2 = level2
        self.name = name
        self.weight = weight
        self.unit = unit
        self.comparison = comparison
        self.target = target
        self.isCore = isCore
    }
}

// Decoding: everything a unit may not have can be left out of the file.

extension PriorYearComparison {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(total: try c.decodeIfPresent(Amount.self, forKey: .total),
                  fiscalAppropriation: try c.decodeIfPresent(Amount.self, forKey: .fiscalAppropriation),
                  generalBudget: try c.decodeIfPresent(Amount.self, forKey: .generalBudget),
                  governmentFunds: try c.decodeIfPresent(Amount.self, forKey: .governmentFunds),
                  stateCapital: try c.decodeIfPresent(Amount.self, forKey: .stateCapital),
                  basic: try c.decodeIfPresent(Amount.self, forKey: .basic),
                  project: try c.decodeIfPresent(Amount.self, forKey: .project),
                  personnel: try c.decodeIfPresent(Amount.self, forKey: .personnel),
                  publicCosts: try c.decodeIfPresent(Amount.self, forKey: .publicCosts),
                  byFunction: try c.value(.byFunction, or: [:]),
                  totalReason: try c.decodeIfPresent(String.self, forKey: .totalReason),
                  fiscalReason: try c.decodeIfPresent(String.self, forKey: .fiscalReason),
                  basicReason: try c.decodeIfPresent(String.self, forKey: .basicReason),
                  projectReason: try c.decodeIfPresent(String.self, forKey: .projectReason),
                  personnelReason: try c.decodeIfPresent(String.self, forKey: .personnelReason),
                  publicCostsReason: try c.decodeIfPresent(String.self, forKey: .publicCostsReason),
                  purposeByFunction: try c.value(.purposeByFunction, or: [:]),
                  reasonByFunction: try c.value(.reasonByFunction, or: [:]))
        budgetedGeneralBudget = try c.decodeIfPresent(Amount.self, forKey: .budgetedGeneralBudget)
        budgetReason = try c.decodeIfPresent(String.self, forKey: .budgetReason)
        budgetedByFunction = try c.value(.budgetedByFunction, or: [:])
        budgetReasonByFunction = try c.value(.budgetReasonByFunction, or: [:])
    }
}

extension CostItem {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        amount = try c.value(.amount, or: .zero)
        priorYear = try c.decodeIfPresent(Amount.self, forKey: .priorYear)
        reason = try c.decodeIfPresent(String.self, forKey: .reason)
        budgeted = try c.decodeIfPresent(Amount.self, forKey: .budgeted)
        purpose = try c.decodeIfPresent(String.self, forKey: .purpose)
    }
}

extension ThreePublicCosts {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        travelAbroad = try c.value(.travelAbroad, or: CostItem())
        vehiclePurchase = try c.value(.vehiclePurchase, or: CostItem())
        vehicleOperation = try c.value(.vehicleOperation, or: CostItem())
        reception = try c.value(.reception, or: CostItem())
        reason = try c.decodeIfPresent(String.self, forKey: .reason)
        counts = try c.decodeIfPresent(ThreePublicCostsCounts.self, forKey: .counts)
        foreignReception = try c.decodeIfPresent(Amount.self, forKey: .foreignReception)
    }
}

extension Procurement {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        goods = try c.value(.goods, or: .zero)
        works = try c.value(.works, or: .zero)
        services = try c.value(.services, or: .zero)
        reservedForSmallBusiness = try c.decodeIfPresent(Amount.self, forKey: .reservedForSmallBusiness)
        reservedForMicroBusiness = try c.decodeIfPresent(Amount.self, forKey: .reservedForMicroBusiness)
        awardedInReserved = try c.decodeIfPresent(Amount.self, forKey: .awardedInReserved)
        awardedInMicroReserved = try c.decodeIfPresent(Amount.self, forKey: .awardedInMicroReserved)
        awardedInOthers = try c.decodeIfPresent(Amount.self, forKey: .awardedInOthers)
    }
}

extension StateAssets {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        asOf = try c.decodeIfPresent(String.self, forKey: .asOf)
        vehicles = try c.value(.vehicles, or: [])
        vehiclesToBuy = try c.value(.vehiclesToBuy, or: [])
        largeEquipment = try c.value(.largeEquipment, or: 0)
        largeEquipmentToBuy = try c.value(.largeEquipmentToBuy, or: 0)
    }
}

extension Project {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(String.self, forKey: .id)
        name = try c.decode(String.self, forKey: .name)
        category = try c.decodeIfPresent(String.self, forKey: .category)
        department = try c.decodeIfPresent(String.self, forKey: .department)
        overview = try c.decodeIfPresent(String.self, forKey: .overview)
        basis = try c.decodeIfPresent(String.self, forKey: .basis)
        goal = try c.decodeIfPresent(String.self, forKey: .goal)
        preparedBy = try c.decodeIfPresent(String.self, forKey: .preparedBy)
        budgetedElsewhere = try c.decodeIfPresent(Amount.self, forKey: .budgetedElsewhere)
        executionRateWeight = try c.decodeIfPresent(Decimal.self, forKey: .executionRateWeight)
        indicators = try c.value(.indicators, or: [])
    }
}

extension Indicator {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        level1 = try c.value(.level1, or: "")
        level2 = try c.value(.level2, or: "")
        name = try c.decode(String.self, forKey: .name)
        weight = try c.decode(Decimal.self, forKey: .weight)
        unit = try c.value(.unit, or: "")
        comparison = try c.decode(String.self, forKey: .comparison)
        target = try c.textOrNumber(.target)
        isCore = try c.value(.isCore, or: false)
    }
}
