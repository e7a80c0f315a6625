import Foundation

/// A step a person takes on a budget version.
public enum WorkflowAction: String, Sendable, Codable, CaseIterable {
    /// 报送: the unit sends the version to its 主管部门.
    case submit
    /// 主管部门审核通过.
    case approveAsDepartment = "approve-as-department"
    /// 主管部门退回 (with comments).
    case returnAsDepartment = "return-as-department"
    /// 财政局审核通过.
    case approveAsBureau = "approve-as-bureau"
    /// 财政局退回 (with comments).
    case returnAsBureau = "return-as-bureau"
    /// 公开: the 财政局 publishes the approved version.
    case publish

    /// The Chinese name shown to users.
    public var chineseName: String {
        switch self {
        case .submit: "报送"
        case .approveAsDepartment: "主管部门审核通过"
        case .returnAsDepartment: "主管部门退回"
        case .approveAsBureau: "财政局审核通过"
        case .returnAsBureau: "财政局退回"
        case .publish: "公开"
        }
    }
}

/// One allowed step of the workflow: from which state, by whom, to which state, and what it needs.
public struct WorkflowTransition: Sendable, Hashable {
    /// The action.
    public var action: WorkflowAction
    /// The state the version must be in.
    public var from: Set<VersionState>
    /// The state it moves to.
    public var to: VersionState
    /// The roles that may take it.
    public var roles: Set<Role>
    /// Whether a comment (the reason sent back to the unit) is required.
    public var needsComment: Bool
    /// Whether error findings on the budget block it.
    public var gatedByRules: Bool
}

/// Why the workflow refused a step; `message` is the Chinese text shown to the user.
public struct WorkflowRefusal: Error, Sendable, Equatable {
    /// The kind of refusal, for status codes and tests.
    public enum Reason: String, Sendable {
        /// The version is not in a state this action starts from.
        case wrongState = "wrong-state"
        /// The actor's role may not take this action.
        case roleNotAllowed = "role-not-allowed"
        /// The unit is outside the actor's scope.
        case outOfScope = "out-of-scope"
        /// A comment is required and none was given.
        case commentRequired = "comment-required"
        /// The budget has error findings.
        case blockedByFindings = "blocked-by-findings"
        /// Publication needs the 批复 date.
        case approvalDateMissing = "approval-date-missing"
    }

    /// The kind of refusal.
    public var reason: Reason
    /// What the user reads.
    public var message: String

    /// Creates a refusal.
    public init(reason: Reason, message: String) {
        self.reason = reason
        self.message = message
    }
}

/// The review and publication workflow as an explicit state machine:
/// draft → submitted → 主管部门 approved | returned → 财政局 approved | returned → published →
/// superseded (when a correction of it is published). Returned versions are edited and submitted again.
public enum Workflow {
    /// Every allowed transition. Anything not listed is refused.
    public static let transitions: [WorkflowTransition] = [
        WorkflowTransition(action: .submit, from: [.draft, .returned], to: .submitted,
                           roles: [.unitSubmitter], needsComment: false, gatedByRules: true),
        WorkflowTransition(action: .approveAsDepartment, from: [.submitted], to: .departmentApproved,
                           roles: [.departmentReviewer], needsComment: false, gatedByRules: false),
        WorkflowTransition(action: .returnAsDepartment, from: [.submitted], to: .returned,
                           roles: [.departmentReviewer], needsComment: true, gatedByRules: false),
        WorkflowTransition(action: .approveAsBureau, from: [.departmentApproved], to: .bureauApproved,
                           roles: [.bureauReviewer, .bureauAdministrator], needsComment: false, gatedByRules: false),
        WorkflowTransition(action: .returnAsBureau, from: [.departmentApproved, .bureauApproved], to: .returned,
                           roles: [.bureauReviewer, .bureauAdministrator], needsComment: true, gatedByRules: false),
        WorkflowTransition(action: .publish, from: [.bureauApproved], to: .published,
                           roles: [.bureauReviewer, .bureauAdministrator], needsComment: false, gatedByRules: true),
    ]

    /// The transition an action takes (each action has exactly one).
    public static func transition(_ action: WorkflowAction) -> WorkflowTransition {
        switch action {
        case .submit: transitions[0]
        case .approveAsDepartment: transitions[1]
        case .returnAsDepartment: transitions[2]
        case .approveAsBureau: transitions[3]
        case .returnAsBureau: transitions[4]
        case .publish: transitions[5]
        }
    }

    /// The roles that may edit a version's budget data while it is editable.
    public static let editors: Set<Role> = [.unitEditor, .unitSubmitter]

    /// The roles that may read versions that are not public (drafts, versions in review), within
    /// their scope. API clients are outside readers: they see what the public sees.
    public static let staffReaders: Set<Role> = Set(Role.allCases).subtracting([.apiClient])

    /// The state `action` leads to, or why it is refused. Checks, in order: scope, role, state,
    /// comment, rule findings, 批复 date.
    public static func decide(_ action: WorkflowAction, on state: VersionState, by actor: Actor, at place: UnitPlace,
                              comment: String?, errorFindings: Int, hasApprovalDate: Bool) -> Result<VersionState, WorkflowRefusal> {
        let transition = self.transition(action)
        guard actor.scope.covers(place) else {
            return .failure(WorkflowRefusal(reason: .outOfScope, message: "该单位不在您的管理范围内"))
        }
        guard transition.roles.contains(actor.role) else {
            let allowed = transition.roles.map(\.chineseName).sorted().joined(separator: "、")
            return .failure(WorkflowRefusal(reason: .roleNotAllowed, message: "“\(action.chineseName)”只能由\(allowed)操作，您的角色是\(actor.role.chineseName)"))
        }
        guard transition.from.contains(state) else {
            return .failure(WorkflowRefusal(reason: .wrongState, message: "该版本当前状态为“\(state.chineseName)”，不能“\(action.chineseName)”"))
        }
        if transition.needsComment, (comment ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            return .failure(WorkflowRefusal(reason: .commentRequired, message: "退回时须填写退回意见，说明需要修改的内容"))
        }
        if transition.gatedByRules, errorFindings > 0 {
            return .failure(WorkflowRefusal(reason: .blockedByFindings, message: "预算数据有 \(errorFindings) 个错误，修改后才能\(action.chineseName)"))
        }
        if action == .publish, !hasApprovalDate {
            return .failure(WorkflowRefusal(reason: .approvalDateMissing, message: "公开前须录入财政批复日期（公开时限自批复之日起计算）"))
        }
        return .success(transition.to)
    }

    /// Whether `actor` may change the budget data of a version in `state` for the unit at `place`.
    public static func mayEdit(_ state: VersionState, by actor: Actor, at place: UnitPlace) -> Result<Void, WorkflowRefusal> {
        guard actor.scope.covers(place) else {
            return .failure(WorkflowRefusal(reason: .outOfScope, message: "该单位不在您的管理范围内"))
        }
        guard editors.contains(actor.role) else {
            return .failure(WorkflowRefusal(reason: .roleNotAllowed, message: "只有本单位的填报或报送人员可以修改预算数据"))
        }
        guard state.isEditable else {
            return .failure(WorkflowRefusal(reason: .wrongState, message: "该版本当前状态为“\(state.chineseName)”，不能修改；已公开的版本只能通过新建更正版本更正"))
        }
        return .success(())
    }
}

extension Workflow {
    /// Whether `actor` may start a corrected version of a version in `state`: only the published
    /// version in force can be corrected, by the unit's own staff.
    public static func mayCorrect(_ state: VersionState, by actor: Actor, at place: UnitPlace) -> Result<Void, WorkflowRefusal> {
        guard actor.scope.covers(place) else {
            return .failure(WorkflowRefusal(reason: .outOfScope, message: "该单位不在您的管理范围内"))
        }
        guard editors.contains(actor.role) else {
            return .failure(WorkflowRefusal(reason: .roleNotAllowed, message: "只有本单位的填报或报送人员可以新建更正版本"))
        }
        guard state == .published else {
            return .failure(WorkflowRefusal(reason: .wrongState, message: "只能更正当前有效的已公开版本，该版本状态为“\(state.chineseName)”"))
        }
        return .success(())
    }
}
