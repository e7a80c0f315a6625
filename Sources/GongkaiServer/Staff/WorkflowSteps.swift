import GongkaiStore
import GongkaiWorkflow
import Vapor

/// A workflow step as the API and the staff pages take it. Submission and publication run the rules
/// first: their error findings block it. Whether the caller may take the step is decided before
/// that (the rules and the renderer take a second), and again by the store, on the content the
/// rules saw.
enum WorkflowSteps {
    static func take(_ action: WorkflowAction, on current: StoredVersion, comment: String?, approvalDate: String?, for req: Request) async throws -> StoredVersion {
        let actor = try req.caller().actor
        let unit = try await req.store.unit(current.unitID)
        switch action {
        case .publish:
            if case .failure(let refusal) = Workflow.decide(.publish, on: current.state, by: actor, at: unit.place, comment: nil,
                                                            errorFindings: 0, hasApprovalDate: approvalDate != nil) {
                throw StoreError.refused(refusal)
            }
            guard let approvalDate else { throw StoreError.invalid("公开前须录入财政批复日期（approvalDate，如 2026-02-10）") }
            let package = try await req.publisher.package(current, name: "第 \(current.number) 版")
            return try await req.store.publish(current.id, files: package.files, approvalDate: approvalDate, by: actor, verdict: package.verdict,
                                               index: package.index)
        case .submit:
            if case .failure(let refusal) = Workflow.decide(.submit, on: current.state, by: actor, at: unit.place, comment: comment,
                                                            errorFindings: 0, hasApprovalDate: false) {
                throw StoreError.refused(refusal)
            }
            let verdict = try await req.publisher.verdict(on: current)
            return try await req.store.apply(.submit, to: current.id, by: actor, comment: comment, verdict: verdict)
        default:
            return try await req.store.apply(action, to: current.id, by: actor, comment: comment)
        }
    }
}
