/// What an amount column measures. Meaning is relative to the table kind: in a 三公 table `.total`
/// is the 三公 total, in a functional table it is 合计.
public enum Measure: String, Sendable, Codable, CaseIterable {
    /// 合计 / 总计 / 预算数 / 决算数.
    case total
    /// 基本支出.
    case basic
    /// 人员经费.
    case personnel
    /// 公用经费 / 日常公用经费.
    case publicCosts
    /// 项目支出.
    case project
    /// 财政拨款（收入）.
    case fiscalAppropriation
    /// 一般公共预算.
    case generalBudget
    /// 政府性基金预算.
    case governmentFunds
    /// 国有资本经营预算.
    case stateCapital
    /// 财政专户管理资金.
    case specialAccountFunds
    /// 事业收入.
    case institutionRevenue
    /// 事业单位经营收入 / 经营收入.
    case operatingRevenue
    /// 上级补助收入.
    case superiorGrants
    /// 附属单位上缴收入.
    case subordinateRemittances
    /// 其他收入.
    case otherIncome
    /// 上年结转 / 年初结转和结余.
    case carryoverIn
    /// 结转下年 / 年末结转和结余.
    case carryoverOut
    /// 上缴上级支出.
    case remittanceToSuperior
    /// 经营支出.
    case operatingExpenditure
    /// 对附属单位补助支出.
    case subsidyToSubordinates
    /// 本年收入.
    case yearIncome
    /// 本年支出.
    case yearExpenditure
    /// 因公出国（境）费.
    case travelAbroad
    /// 公务用车购置及运行（维护）费 小计.
    case vehicleTotal
    /// 公务用车购置费.
    case vehiclePurchase
    /// 公务用车运行（维护）费.
    case vehicleOperation
    /// 公务接待费.
    case reception
    /// 机关运行经费.
    case operatingCosts

    /// The Chinese column name used in messages.
    public var chineseName: String {
        switch self {
        case .total: "合计"
        case .basic: "基本支出"
        case .personnel: "人员经费"
        case .publicCosts: "公用经费"
        case .project: "项目支出"
        case .fiscalAppropriation: "财政拨款"
        case .generalBudget: "一般公共预算"
        case .governmentFunds: "政府性基金预算"
        case .stateCapital: "国有资本经营预算"
        case .specialAccountFunds: "财政专户管理资金"
        case .institutionRevenue: "事业收入"
        case .operatingRevenue: "事业单位经营收入"
        case .superiorGrants: "上级补助收入"
        case .subordinateRemittances: "附属单位上缴收入"
        case .otherIncome: "其他收入"
        case .carryoverIn: "上年结转"
        case .carryoverOut: "结转下年"
        case .remittanceToSuperior: "上缴上级支出"
        case .operatingExpenditure: "经营支出"
        case .subsidyToSubordinates: "对附属单位补助支出"
        case .yearIncome: "本年收入"
        case .yearExpenditure: "本年支出"
        case .travelAbroad: "因公出国（境）费"
        case .vehicleTotal: "公务用车购置及运行费"
        case .vehiclePurchase: "公务用车购置费"
        case .vehicleOperation: "公务用车运行费"
        case .reception: "公务接待费"
        case .operatingCosts: "机关运行经费"
        }
    }
}

/// Which figure of a quantity a column holds when a table shows several (决算 tables show 预算数 and 决算数).
public enum Stage: String, Sendable, Codable {
    /// The table's own figure.
    case current
    /// 预算数 shown beside 决算数.
    case budget
    /// 决算数 shown beside 预算数.
    case final
}

/// The meaning of an amount column: what it measures and which stage.
public struct ColumnKey: Hashable, Sendable, Codable, CustomStringConvertible {
    /// What the column measures.
    public var measure: Measure
    /// Which figure (current, or budget/final in 决算 tables).
    public var stage: Stage

    /// Creates a key.
    public init(_ measure: Measure, stage: Stage = .current) {
        self.measure = measure
        self.stage = stage
    }

    /// `total`, `reception@final` ...
    public var description: String { stage == .current ? measure.rawValue : "\(measure.rawValue)@\(stage.rawValue)" }

    /// The Chinese column name for messages.
    public var chineseName: String {
        switch stage {
        case .current: measure.chineseName
        case .budget: measure.chineseName + "（预算数）"
        case .final: measure.chineseName + "（决算数）"
        }
    }
}
