import GongkaiCore

/// How a region lays out its disclosure package: which tables, in what order and unit, how codes are
/// printed, and which narrative is written. The ids are those of the check profiles.
public struct RenderProfile: Sendable, Equatable {
    /// The regional convention.
    public enum Region: String, Sendable {
        /// 重庆: tables in 万元 with two decimals, joined codes (2013201), totals on top, 表一… numbering.
        case chongqing
        /// 上海: tables in 元, codes split into 类/款/项 columns, totals at the bottom, 1… numbering.
        case shanghai
    }

    /// The id (`chongqing-unit-budget`).
    public var id: String
    /// The regional convention.
    public var region: Region
    /// 单位 or 部门.
    public var level: DocumentLevel
    /// Budget or final accounts.
    public var kind: DocumentKind

    /// The money unit of the tables: 万元 in Chongqing and in Shanghai final accounts, else 元.
    public var tableUnit: MoneyUnit { region == .chongqing || kind == .finalAccounts ? .wan : .yuan }
    /// Decimals of table amounts.
    public var tableDecimals: Int { tableUnit == .wan ? 2 : 0 }
    /// The word for the body in titles (单位, 部门).
    public var levelWord: String { level.chineseName }

    /// 重庆市区县单位预算 (the seed's layout).
    public static let chongqingUnitBudget = RenderProfile(id: "chongqing-unit-budget", region: .chongqing, level: .unit, kind: .budget)
    /// 上海市区级单位预算.
    public static let shanghaiUnitBudget = RenderProfile(id: "shanghai-unit-budget", region: .shanghai, level: .unit, kind: .budget)
    /// 上海市区级部门预算.
    public static let shanghaiDepartmentBudget = RenderProfile(id: "shanghai-department-budget", region: .shanghai, level: .department, kind: .budget)

    /// 上海市区级部门决算 (the D06 template's tables and explanation).
    public static let shanghaiDepartmentFinalAccounts = RenderProfile(id: "shanghai-department-final-accounts", region: .shanghai, level: .department,
                                                                      kind: .finalAccounts)

    /// Every profile that can be rendered.
    public static let all: [RenderProfile] = [.chongqingUnitBudget, .shanghaiUnitBudget, .shanghaiDepartmentBudget, .shanghaiDepartmentFinalAccounts]

    /// The profile with `id`.
    public static func named(_ id: String) throws -> RenderProfile {
        guard let profile = all.first(where: { $0.id == id }) else {
            throw GongkaiError(.profileInvalid, "没有可用于生成的配置“\(id)”，可选：\(all.map(\.id).joined(separator: "、"))")
        }
        return profile
    }
}
