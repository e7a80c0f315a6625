import GongkaiCore

/// A profile Gongkai can write packages for: its id, level and kind, and the render layout its data
/// gives (``RenderLayout``). Every renderable profile is a bundled profile file with a `render` part.
public struct RenderProfile: Sendable, Equatable {
    /// The id (`chongqing-unit-budget`), the check profile's.
    public var id: String
    /// 单位 or 部门.
    public var level: DocumentLevel
    /// Budget or final accounts.
    public var kind: DocumentKind
    /// The layout.
    public var layout: RenderLayout

    /// The money unit of the tables.
    public var tableUnit: MoneyUnit { layout.tableUnit }
    /// Decimals of table amounts.
    public var tableDecimals: Int { RenderLayout.decimals(of: tableUnit) }
    /// The word for the body in titles (单位, 部门).
    public var levelWord: String { level.chineseName }

    /// The render side of `profile`, or nil when the profile has no layout, level or kind.
    public init?(_ profile: Profile) {
        guard let layout = profile.render, let level = profile.level, let kind = profile.kind else { return nil }
        self.id = profile.id
        self.level = level
        self.kind = kind
        self.layout = layout
    }

    /// Every bundled profile that can be rendered.
    public static func all() throws -> [RenderProfile] {
        try Profile.bundled().compactMap(RenderProfile.init)
    }

    /// The renderable profile with `id`.
    public static func named(_ id: String) throws -> RenderProfile {
        let all = try all()
        guard let profile = all.first(where: { $0.id == id }) else {
            throw GongkaiError(.profileInvalid, "没有可用于生成的配置“\(id)”，可选：\(all.map(\.id).joined(separator: "、"))")
        }
        return profile
    }
}
