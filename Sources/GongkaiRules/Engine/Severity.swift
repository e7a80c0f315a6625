/// How serious a finding is.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    /// Worth knowing, not a defect (a difference explained by rounding).
    case info
    /// Probably a defect; a person should look.
    case warning
    /// A defect: the document contradicts itself or misses what is required.
    case error

    /// 提示, 警告, 错误.
    public var chineseName: String {
        switch self {
        case .info: "提示"
        case .warning: "警告"
        case .error: "错误"
        }
    }

    private var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// The families of rules, as reviewers think of them.
public enum RuleCategory: String, Sendable, Codable, CaseIterable {
    /// 结构与完整性.
    case structure
    /// 表内运算.
    case arithmetic
    /// 表间一致.
    case crossTable = "cross-table"
    /// 说明与表格一致.
    case narrative
    /// 科目分类.
    case classification
    /// 年度比较.
    case yearOnYear = "year-on-year"
    /// “三公”经费与机关运行经费.
    case threePublicCosts = "three-public-costs"
    /// 绩效目标.
    case performance
    /// 表述与格式.
    case presentation

    /// The Chinese name.
    public var chineseName: String {
        switch self {
        case .structure: "结构与完整性"
        case .arithmetic: "表内运算"
        case .crossTable: "表间一致"
        case .narrative: "说明与表格一致"
        case .classification: "科目分类"
        case .yearOnYear: "年度比较"
        case .threePublicCosts: "“三公”经费与机关运行经费"
        case .performance: "绩效目标"
        case .presentation: "表述与格式"
        }
    }
}
