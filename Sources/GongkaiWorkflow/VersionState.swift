/// Where a budget version stands in the review and publication workflow.
public enum VersionState: String, Sendable, Codable, CaseIterable {
    /// 草稿: being prepared by the unit.
    case draft
    /// 已报送: with the 主管部门.
    case submitted
    /// 主管部门已审核: with the 财政局.
    case departmentApproved = "department-approved"
    /// 已退回: sent back to the unit with comments; editable again.
    case returned
    /// 财政局已审核: ready to publish.
    case bureauApproved = "bureau-approved"
    /// 已公开: published; never changes again.
    case published
    /// 已更正: published, then replaced by a corrected version; stays public.
    case superseded

    /// The Chinese name shown to users.
    public var chineseName: String {
        switch self {
        case .draft: "草稿"
        case .submitted: "已报送主管部门"
        case .departmentApproved: "主管部门已审核"
        case .returned: "已退回修改"
        case .bureauApproved: "财政局已审核"
        case .published: "已公开"
        case .superseded: "已被更正版本替代"
        }
    }

    /// Whether the unit may still change the budget data of a version in this state.
    public var isEditable: Bool { self == .draft || self == .returned }

    /// Whether a version in this state is public (published, or published and since corrected).
    public var isPublic: Bool { self == .published || self == .superseded }
}
