import GongkaiWorkflow
import Testing

/// The place every actor below is scoped to, one way or another.
private let place = UnitPlace(unit: "unit-1", department: "dept-1", region: "region-1")

/// An actor of `role` whose scope covers `place`.
private func insider(_ role: Role) -> Actor {
    let id = switch role.scopeKind {
    case .unit: place.unit
    case .department: place.department
    case .region: place.region
    }
    return Actor(id: "someone", role: role, scope: Scope(kind: role.scopeKind, id: id))
}

/// The workflow written out by hand from the issue, independently of `Workflow.transitions`:
/// (from, action, role) → to. Every other combination must be refused.
private let allowed: [String: VersionState] = {
    var table: [String: VersionState] = [:]
    func allow(_ from: VersionState, _ action: WorkflowAction, _ roles: [Role], _ to: VersionState) {
        for role in roles { table["\(from.rawValue)|\(action.rawValue)|\(role.rawValue)"] = to }
    }
    let bureau: [Role] = [.bureauReviewer, .bureauAdministrator]
    allow(.draft, .submit, [.unitSubmitter], .submitted)
    allow(.returned, .submit, [.unitSubmitter], .submitted)
    allow(.submitted, .approveAsDepartment, [.departmentReviewer], .departmentApproved)
    allow(.submitted, .returnAsDepartment, [.departmentReviewer], .returned)
    allow(.departmentApproved, .approveAsBureau, bureau, .bureauApproved)
    allow(.departmentApproved, .returnAsBureau, bureau, .returned)
    allow(.bureauApproved, .returnAsBureau, bureau, .returned)
    allow(.bureauApproved, .publish, bureau, .published)
    return table
}()

private struct Combination: CustomTestStringConvertible, Sendable {
    var state: VersionState
    var action: WorkflowAction
    var role: Role
    var testDescription: String { "\(state.rawValue) · \(action.rawValue) · \(role.rawValue)" }
}

private let everyCombination: [Combination] = VersionState.allCases.flatMap { state in
    WorkflowAction.allCases.flatMap { action in Role.allCases.map { Combination(state: state, action: action, role: $0) } }
}

@Suite struct WorkflowTests {
    @Test(arguments: everyCombination)
    fileprivate func everyStateActionAndRoleIsAllowedOrRefusedAsWritten(_ combination: Combination) {
        let result = Workflow.decide(combination.action, on: combination.state, by: insider(combination.role), at: place,
                                     comment: "请补充说明", errorFindings: 0, hasApprovalDate: true)
        let expected = allowed["\(combination.state.rawValue)|\(combination.action.rawValue)|\(combination.role.rawValue)"]
        switch result {
        case .success(let next): #expect(next == expected)
        case .failure(let refusal):
            #expect(expected == nil, "refused: \(refusal.message)")
            #expect(refusal.reason == .roleNotAllowed || refusal.reason == .wrongState)
        }
    }

    @Test func aReviewerOfAnotherDepartmentIsRefusedEvenWithTheRightRole() {
        let outsider = Actor(id: "other", role: .departmentReviewer, scope: Scope(kind: .department, id: "dept-2"))
        let result = Workflow.decide(.approveAsDepartment, on: .submitted, by: outsider, at: place, comment: nil, errorFindings: 0, hasApprovalDate: false)
        #expect(result == .failure(WorkflowRefusal(reason: .outOfScope, message: "该单位不在您的管理范围内")))
    }

    @Test func aBureauOfAnotherRegionCannotPublish() {
        let outsider = Actor(id: "other", role: .bureauReviewer, scope: Scope(kind: .region, id: "region-2"))
        let result = Workflow.decide(.publish, on: .bureauApproved, by: outsider, at: place, comment: nil, errorFindings: 0, hasApprovalDate: true)
        #expect(refusalReason(result) == .outOfScope)
    }

    @Test(arguments: [WorkflowAction.returnAsDepartment, .returnAsBureau])
    func returningNeedsAComment(_ action: WorkflowAction) {
        let from: VersionState = action == .returnAsDepartment ? .submitted : .departmentApproved
        let role: Role = action == .returnAsDepartment ? .departmentReviewer : .bureauReviewer
        for comment in [nil, "", "  \n"] {
            let result = Workflow.decide(action, on: from, by: insider(role), at: place, comment: comment, errorFindings: 0, hasApprovalDate: false)
            #expect(refusalReason(result) == .commentRequired)
        }
    }

    @Test func errorFindingsBlockSubmissionAndPublicationButNotReview() {
        #expect(refusalReason(Workflow.decide(.submit, on: .draft, by: insider(.unitSubmitter), at: place, comment: nil, errorFindings: 2, hasApprovalDate: false)) == .blockedByFindings)
        #expect(refusalReason(Workflow.decide(.publish, on: .bureauApproved, by: insider(.bureauReviewer), at: place, comment: nil, errorFindings: 1, hasApprovalDate: true)) == .blockedByFindings)
        #expect(Workflow.decide(.approveAsDepartment, on: .submitted, by: insider(.departmentReviewer), at: place, comment: nil, errorFindings: 3, hasApprovalDate: false) == .success(.departmentApproved))
    }

    @Test func publishingNeedsTheApprovalDate() {
        let result = Workflow.decide(.publish, on: .bureauApproved, by: insider(.bureauAdministrator), at: place, comment: nil, errorFindings: 0, hasApprovalDate: false)
        #expect(refusalReason(result) == .approvalDateMissing)
    }

    @Test(arguments: VersionState.allCases)
    func onlyDraftsAndReturnedVersionsCanBeEdited(_ state: VersionState) {
        let mayEdit = (try? Workflow.mayEdit(state, by: insider(.unitEditor), at: place).get()) != nil
        #expect(mayEdit == (state == .draft || state == .returned))
    }

    @Test func reviewersNeverEditTheUnitsData() {
        for role in [Role.departmentReviewer, .bureauReviewer, .bureauAdministrator, .apiClient] {
            #expect((try? Workflow.mayEdit(.draft, by: insider(role), at: place).get()) == nil)
        }
    }

    @Test(arguments: VersionState.allCases)
    func onlyThePublishedVersionInForceCanBeCorrected(_ state: VersionState) {
        let mayCorrect = (try? Workflow.mayCorrect(state, by: insider(.unitEditor), at: place).get()) != nil
        #expect(mayCorrect == (state == .published))
    }
}

private func refusalReason(_ result: Result<VersionState, WorkflowRefusal>) -> WorkflowRefusal.Reason? {
    if case .failure(let refusal) = result { return refusal.reason }
    return nil
}

@Suite struct WorkflowTableTests {
    @Test(arguments: WorkflowAction.allCases)
    func eachActionHasItsOwnTransition(_ action: WorkflowAction) {
        #expect(Workflow.transition(action).action == action)
        #expect(Workflow.transitions.filter { $0.action == action }.count == 1)
    }
}
