/// What a signed-in person (or an API client) may do, by the office they work in.
public enum Role: String, Sendable, Codable, CaseIterable {
    /// 单位填报人员: prepares and edits the unit's budget.
    case unitEditor = "unit-editor"
    /// 单位报送人员: edits and submits the unit's budget to its 主管部门.
    case unitSubmitter = "unit-submitter"
    /// 主管部门审核人员: approves or returns the budgets of the department's units.
    case departmentReviewer = "department-reviewer"
    /// 财政局审核人员: approves, returns and publishes the region's budgets.
    case bureauReviewer = "bureau-reviewer"
    /// 财政局管理员: manages the region's departments, units and accounts; publishes; reads the audit trail.
    case bureauAdministrator = "bureau-administrator"
    /// 接口客户端: reads through the API with a token, within its scope.
    case apiClient = "api-client"

    /// The Chinese name shown to users.
    public var chineseName: String {
        switch self {
        case .unitEditor: "单位填报人员"
        case .unitSubmitter: "单位报送人员"
        case .departmentReviewer: "主管部门审核人员"
        case .bureauReviewer: "财政局审核人员"
        case .bureauAdministrator: "财政局管理员"
        case .apiClient: "接口客户端"
        }
    }

    /// The kind of scope an account of this role is given.
    public var scopeKind: ScopeKind {
        switch self {
        case .unitEditor, .unitSubmitter: .unit
        case .departmentReviewer: .department
        case .bureauReviewer, .bureauAdministrator, .apiClient: .region
        }
    }
}

/// The three levels at which an account's scope is set.
public enum ScopeKind: String, Sendable, Codable {
    /// One budget unit.
    case unit
    /// One 主管部门 and its units.
    case department
    /// One region (a district's 财政局) and every department and unit in it.
    case region
}

/// Where a unit sits: its own id, its 主管部门's and its region's. Ids are the store's, as strings.
public struct UnitPlace: Sendable, Hashable, Codable {
    /// The unit.
    public var unit: String
    /// Its 主管部门.
    public var department: String
    /// Its region.
    public var region: String

    /// Creates a place.
    public init(unit: String, department: String, region: String) {
        self.unit = unit
        self.department = department
        self.region = region
    }
}

/// The part of the directory an account may act on.
public struct Scope: Sendable, Hashable, Codable {
    /// Unit, department or region.
    public var kind: ScopeKind
    /// The id of that unit, department or region.
    public var id: String

    /// Creates a scope.
    public init(kind: ScopeKind, id: String) {
        self.kind = kind
        self.id = id
    }

    /// Whether a unit at `place` is inside this scope.
    public func covers(_ place: UnitPlace) -> Bool {
        switch kind {
        case .unit: place.unit == id
        case .department: place.department == id
        case .region: place.region == id
        }
    }
}

/// Who is acting: an account with its role and scope.
public struct Actor: Sendable, Hashable, Codable {
    /// The account's id (its user name).
    public var id: String
    /// The account's role.
    public var role: Role
    /// What it may act on.
    public var scope: Scope

    /// Creates an actor.
    public init(id: String, role: Role, scope: Scope) {
        self.id = id
        self.role = role
        self.scope = scope
    }
}
