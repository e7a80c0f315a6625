/// The standard tables of a disclosure. The raw value is the id used in JSON and profiles.
public enum TableKind: String, Sendable, Codable, CaseIterable {
    /// 收支总表 (财务收支预算总表, 收入支出决算总表).
    case incomeExpenditureSummary = "income-expenditure-summary"
    /// 收入总表.
    case incomeSummary = "income-summary"
    /// 支出总表.
    case expenditureSummary = "expenditure-summary"
    /// 财政拨款收支总表.
    case fiscalSummary = "fiscal-summary"
    /// 一般公共预算（财政拨款）支出表, by functional class.
    case generalBudgetExpenditure = "general-budget-expenditure"
    /// 一般公共预算（财政拨款）基本支出表, by economic class.
    case generalBudgetBasicExpenditure = "general-budget-basic-expenditure"
    /// “三公”经费（和机关运行经费）表.
    case threePublicCosts = "three-public-costs"
    /// 政府性基金预算（财政拨款）支出表.
    case governmentFundExpenditure = "government-fund-expenditure"
    /// 国有资本经营预算（财政拨款）支出表.
    case stateCapitalExpenditure = "state-capital-expenditure"
    /// 项目（支出）绩效目标表.
    case projectPerformanceGoals = "project-performance-goals"

    /// A short Chinese name for messages.
    public var chineseName: String {
        switch self {
        case .incomeExpenditureSummary: "收支总表"
        case .incomeSummary: "收入总表"
        case .expenditureSummary: "支出总表"
        case .fiscalSummary: "财政拨款收支总表"
        case .generalBudgetExpenditure: "一般公共预算支出表"
        case .generalBudgetBasicExpenditure: "一般公共预算基本支出表"
        case .threePublicCosts: "“三公”经费表"
        case .governmentFundExpenditure: "政府性基金预算支出表"
        case .stateCapitalExpenditure: "国有资本经营预算支出表"
        case .projectPerformanceGoals: "项目绩效目标表"
        }
    }

    /// Whether rows of this table are keyed by functional (功能分类) codes.
    public var usesFunctionCodes: Bool {
        [.incomeSummary, .expenditureSummary, .generalBudgetExpenditure, .governmentFundExpenditure, .stateCapitalExpenditure].contains(self)
    }
}
