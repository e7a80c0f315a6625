import GongkaiCore

/// The measures the portal stores for each publication, and the ones its year-over-year, 预算 vs
/// 决算 and comparison views show, in the order shown.
public enum Measures {
    /// 支出合计.
    public static let expenditure = "expenditure"
    /// 收入合计.
    public static let income = "income"
    /// 财政拨款收入.
    public static let fiscal = "fiscal"
    /// Spending paid by the general budget (一般公共预算财政拨款支出).
    public static let generalBudget = "general-budget"
    /// 基本支出.
    public static let basic = "basic"
    /// 人员经费.
    public static let personnel = "personnel"
    /// 公用经费.
    public static let publicCosts = "public-costs"
    /// 项目支出.
    public static let project = "project"
    /// “三公”经费 (and `sangong.reception` … for its items).
    public static let threePublicCosts = "sangong"
    /// 机关运行经费.
    public static let operatingCosts = "operating-costs"
    /// A 功能分类 类's total (`function:208`).
    public static func function(_ code: FunctionCode) -> String { "function:\(code.digits)" }

    /// Whether a measure is a 功能分类 类.
    public static func isFunction(_ measure: String) -> Bool { measure.hasPrefix("function:") }

    /// The headline measures, in the order the views list them.
    public static let headline: [(key: String, label: String)] = [
        (expenditure, "支出合计"), (basic, "基本支出"), (personnel, "其中：人员经费"), (publicCosts, "其中：公用经费"), (project, "项目支出"),
        (generalBudget, "一般公共预算财政拨款支出"), (threePublicCosts, "“三公”经费"), (threePublicCosts + ".travelAbroad", "其中：因公出国（境）费"),
        (threePublicCosts + ".vehiclePurchase", "其中：公务用车购置费"), (threePublicCosts + ".vehicleOperation", "其中：公务用车运行维护费"),
        (threePublicCosts + ".reception", "其中：公务接待费"), (operatingCosts, "机关运行经费"),
    ]
}
