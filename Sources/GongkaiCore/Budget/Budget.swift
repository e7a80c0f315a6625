import Foundation

/// A unit's (or department's) budget as canonical data: what it receives, what it spends by
/// functional and economic class, the figures of the year before and the reasons for changes, its
/// “三公” costs, operating costs, procurement, state assets and project performance goals.
///
/// Every table and every number of a disclosure is rendered from a `Budget`, so the published package
/// is consistent by construction. The JSON form is documented in `docs/budget-format.md`.
public struct Budget: Codable, Sendable, Equatable {
    /// The version of the data format this value follows.
    public static let currentFormatVersion = 1

    /// The data format version (`formatVersion` in JSON).
    public var formatVersion: Int
    /// Who the budget belongs to.
    public var unit: BudgetUnit
    /// The fiscal year.
    public var year: Int
    /// Budget or final accounts.
    public var phase: DocumentKind
    /// Income by source.
    public var income: [IncomeLine]
    /// Expenditure lines: 功能分类 项 × 经济分类 款 × basic personnel / basic public / project × fund.
    public var expenditure: [ExpenditureLine]
    /// The year before and the reasons for the changes.
    public var comparison: PriorYearComparison
    /// “三公” costs.
    public var threePublicCosts: ThreePublicCosts
    /// 机关运行经费, nil for units that have none (public institutions not managed as civil service).
    public var operatingCosts: OperatingCosts?
    /// Planned government procurement.
    public var procurement: Procurement
    /// Vehicles and large equipment held and to be bought.
    public var stateAssets: StateAssets
    /// Projects with their performance goals.
    public var projects: [Project]
    /// Names for classification codes the bundled catalog lacks (local 项 codes), by code.
    public var codeNames: [String: String]
    /// 年末结转和结余 by the money it is (`source`); final accounts only.
    public var carryoverOut: [IncomeLine]
    /// Final accounts: the year's 预算绩效管理, nil when not given.
    public var performanceManagement: PerformanceManagement?

    /// Creates a budget.
    public init(unit: BudgetUnit, year: Int, phase: DocumentKind = .budget, income: [IncomeLine] = [], expenditure: [ExpenditureLine] = [],
                comparison: PriorYearComparison = PriorYearComparison(), threePublicCosts: ThreePublicCosts = ThreePublicCosts(),
                operatingCosts: OperatingCosts? = nil, procurement: Procurement = Procurement(), stateAssets: StateAssets = StateAssets(),
                projects: [Project] = [], codeNames: [String: String] = [:], carryoverOut: [IncomeLine] = []) {
        formatVersion = Self.currentFormatVersion
        self.unit = unit
        self.year = year
        self.phase = phase
        self.income = income
        self.expenditure = expenditure
        self.comparison = comparison
        self.threePublicCosts = threePublicCosts
        self.operatingCosts = operatingCosts
        self.procurement = procurement
        self.stateAssets = stateAssets
        self.projects = projects
        self.codeNames = codeNames
        self.carryoverOut = carryoverOut
    }
}

/// Who a budget belongs to.
public struct BudgetUnit: Codable, Sendable, Equatable {
    /// Full name (示例自治县老干部活动中心).
    public var name: String
    /// The unit's code in the budget system (005001), if any.
    public var code: String?
    /// 单位 or 部门.
    public var level: DocumentLevel
    /// The department a unit belongs to (主管部门).
    public var parentDepartment: String?
    /// Staff actually employed (实有人员).
    public var staffCount: Int?
    /// Administrative body or public institution, as the narrative names it (行政单位, 参照公务员法管理事业单位, 公益一类事业单位 …).
    public var category: String?
    /// 主要职能: one entry per duty.
    public var duties: [String]
    /// 机构设置: internal offices, or for a department its subordinate units.
    public var organisation: [String]
    /// Region and district wording for titles (示例市示例区, 示例自治县).
    public var region: String?
    /// The contact line printed at the end of the narrative (联系人 and telephone).
    public var contact: String?

    /// Creates a unit.
    public init(name: String, code: String? = nil, level: DocumentLevel, parentDepartment: String? = nil, staffCount: Int? = nil,
                category: String? = nil, duties: [String] = [], organisation: [String] = [], region: String? = nil, contact: String? = nil) {
        self.name = name
        self.code = code
        self.level = level
        self.parentDepartment = parentDepartment
        self.staffCount = staffCount
        self.category = category
        self.duties = duties
        self.organisation = organisation
        self.region = region
        self.contact = contact
    }
}

/// Where money comes from (and, for expenditure, which money is spent).
public enum IncomeSource: String, Codable, Sendable, CaseIterable {
    /// 一般公共预算拨款.
    case generalBudget
    /// 政府性基金预算拨款.
    case governmentFunds
    /// 国有资本经营预算拨款.
    case stateCapital
    /// 财政专户管理资金.
    case specialAccountFunds
    /// 事业收入.
    case institutionRevenue
    /// 事业单位经营收入.
    case operatingRevenue
    /// 上级补助收入.
    case superiorGrants
    /// 附属单位上缴收入.
    case subordinateRemittances
    /// 其他收入.
    case otherIncome
    /// 上年结转.
    case carryoverIn

    /// Whether the money is a fiscal appropriation (财政拨款).
    public var isFiscalAppropriation: Bool { [.generalBudget, .governmentFunds, .stateCapital].contains(self) }

    /// The table column that shows money from this source (收入总表, 收支总表).
    public var measure: Measure {
        switch self {
        case .generalBudget: .generalBudget
        case .governmentFunds: .governmentFunds
        case .stateCapital: .stateCapital
        case .specialAccountFunds: .specialAccountFunds
        case .institutionRevenue: .institutionRevenue
        case .operatingRevenue: .operatingRevenue
        case .superiorGrants: .superiorGrants
        case .subordinateRemittances: .subordinateRemittances
        case .otherIncome: .otherIncome
        case .carryoverIn: .carryoverIn
        }
    }

    /// The Chinese name, as the column heading of the source reads.
    public var chineseName: String { measure.chineseName }
}

/// One source of income.
public struct IncomeLine: Codable, Sendable, Equatable {
    /// The source.
    public var source: IncomeSource
    /// The amount in 元.
    public var amount: Amount
    /// For 上年结转: which money is carried over (一般公共预算, 政府性基金预算 …); nil for other sources.
    public var fund: IncomeSource?

    /// Creates a line.
    public init(source: IncomeSource, amount: Amount, fund: IncomeSource? = nil) {
        self.source = source
        self.amount = amount
        self.fund = fund
    }
}

/// What kind of spending a line is.
public enum SpendingKind: String, Codable, Sendable, CaseIterable {
    /// 基本支出 — 人员经费.
    case personnel
    /// 基本支出 — 公用经费.
    case publicCosts
    /// 项目支出.
    case project

    /// Whether it is 基本支出.
    public var isBasic: Bool { self != .project }
}

/// One line of expenditure.
public struct ExpenditureLine: Codable, Sendable, Equatable {
    /// 功能分类 项 (7 digits).
    public var function: FunctionCode
    /// 部门预算支出经济分类 款 (5 digits).
    public var economic: EconomicCode
    /// Personnel, public costs or project.
    public var kind: SpendingKind
    /// Which money pays for it.
    public var fund: IncomeSource
    /// The amount in 元.
    public var amount: Amount
    /// The project (its `id`) for project lines.
    public var project: String?

    /// Creates a line.
    public init(function: FunctionCode, economic: EconomicCode, kind: SpendingKind, fund: IncomeSource = .generalBudget, amount: Amount,
                project: String? = nil) {
        self.function = function
        self.economic = economic
        self.kind = kind
        self.fund = fund
        self.amount = amount
        self.project = project
    }
}

// Decoding: everything a unit may not have can be left out of the file.

extension Budget {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        formatVersion = try c.value(.formatVersion, or: Self.currentFormatVersion)
        guard formatVersion <= Self.currentFormatVersion, formatVersion >= 1 else {
            throw DecodingError.dataCorruptedError(forKey: .formatVersion, in: c,
                debugDescription: "预算数据格式版本 \(formatVersion) 不受支持（本程序支持 1–\(Self.currentFormatVersion)），请升级 Gongkai")
        }
        unit = try c.decode(BudgetUnit.self, forKey: .unit)
        if c.contains(.year), (try? c.decode(Int.self, forKey: .year)) == nil {
            throw DecodingError.dataCorruptedError(forKey: .year, in: c, debugDescription: "年度应为整数，例如 2024")
        }
        year = try c.decode(Int.self, forKey: .year)
        guard Self.years.contains(year) else {
            throw DecodingError.dataCorruptedError(forKey: .year, in: c, debugDescription: "年度 \(year) 不在 \(Self.years.lowerBound)–\(Self.years.upperBound) 之间")
        }
        phase = try c.value(.phase, or: .budget)
        income = try c.value(.income, or: [])
        expenditure = try c.value(.expenditure, or: [])
        comparison = try c.value(.comparison, or: PriorYearComparison())
        threePublicCosts = try c.value(.threePublicCosts, or: ThreePublicCosts())
        operatingCosts = try c.decodeIfPresent(OperatingCosts.self, forKey: .operatingCosts)
        procurement = try c.value(.procurement, or: Procurement())
        stateAssets = try c.value(.stateAssets, or: StateAssets())
        projects = try c.value(.projects, or: [])
        codeNames = try c.value(.codeNames, or: [:])
        carryoverOut = try c.value(.carryoverOut, or: [])
        performanceManagement = try c.decodeIfPresent(PerformanceManagement.self, forKey: .performanceManagement)
        for (key, amounts) in [(CodingKeys.income, income.map(\.amount)), (.expenditure, expenditure.map(\.amount))] {
            guard let total = Amount.exactSum(amounts.map(\.magnitude)), total <= Self.largestTotal else {
                throw DecodingError.dataCorruptedError(forKey: key, in: c, debugDescription: "各行金额合计超出合理范围（不超过 1 亿亿元）")
            }
        }
    }

    /// The fiscal years a budget may have.
    public static let years = 1990...2100

    /// The largest total of the income or the expenditure lines: 1 亿亿元, far above any real budget,
    /// small enough that every sum of them fits.
    public static let largestTotal = Amount(fen: 1_000_000_000_000_000_000)
}

extension BudgetUnit {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        code = try c.decodeIfPresent(String.self, forKey: .code)
        level = try c.value(.level, or: .unit)
        parentDepartment = try c.decodeIfPresent(String.self, forKey: .parentDepartment)
        staffCount = try c.decodeIfPresent(Int.self, forKey: .staffCount)
        category = try c.decodeIfPresent(String.self, forKey: .category)
        duties = try c.value(.duties, or: [])
        organisation = try c.value(.organisation, or: [])
        region = try c.decodeIfPresent(String.self, forKey: .region)
        contact = try c.decodeIfPresent(String.self, forKey: .contact)
    }
}

extension ExpenditureLine {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        function = try c.decode(FunctionCode.self, forKey: .function)
        economic = try c.decode(EconomicCode.self, forKey: .economic)
        kind = try c.decode(SpendingKind.self, forKey: .kind)
        fund = try c.value(.fund, or: .generalBudget)
        amount = try c.decode(Amount.self, forKey: .amount)
        project = try c.decodeIfPresent(String.self, forKey: .project)
    }
}
