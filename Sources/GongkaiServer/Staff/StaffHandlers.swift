import Foundation
import GongkaiCore
import GongkaiPortal
import GongkaiRules
import GongkaiStore
import GongkaiWorkflow
import Vapor

/// The staff pages: sign-in with a session cookie, the worklist, the budget editor with the rules'
/// findings beside the cells, and the workflow's steps as forms.
enum StaffHandlers {
    /// What a step's redirect says on the editor, by code (the address carries only the code).
    static let notices: [String: String] = [
        "saved": "已保存，检查结果已更新。", "submit": "已报送主管部门。", "approve-as-department": "已审核通过，转财政局。",
        "return-as-department": "已退回单位修改。", "approve-as-bureau": "财政局已审核通过，可以公开。", "return-as-bureau": "已退回单位修改。",
        "publish": "已公开，公众可在门户查阅。", "signed-in": "已登录。",
    ]

    @Sendable static func home(_ req: Request) async throws -> Response {
        guard let caller = req.auth.get(Caller.self), caller.scopes == nil else { return PortalHandlers.html(StaffPages.signIn(error: nil)) }
        let states = VersionState.allCases.filter { $0 != .superseded }
        let items = try await req.store.workItems(in: caller.actor.scope, states: states)
        let notice = try req.query.get(String?.self, at: "notice").flatMap { notices[$0] }
        return PortalHandlers.html(StaffPages.worklist(viewer: req.viewer, role: caller.actor.role, items: items, notice: notice))
    }

    @Sendable static func signIn(_ req: Request) async throws -> Response {
        let form = BudgetForm(urlEncoded: req.body.string ?? "")
        let username = form.fields["username"] ?? ""
        do {
            let session = try await SignIn.session(username: username, password: form.fields["password"] ?? "", for: req)
            let response = req.redirect(to: "/staff?notice=signed-in", redirectType: .normal)
            response.cookies[SignIn.cookieName] = HTTPCookies.Value(string: session.token, expires: session.expiry, maxAge: nil, path: "/",
                                                                    isSecure: req.headers.first(name: "X-Forwarded-Proto") == "https",
                                                                    isHTTPOnly: true, sameSite: .strict)
            return response
        } catch let problem as Problem {
            return PortalHandlers.html(StaffPages.signIn(error: problem.title, username: username), status: HTTPResponseStatus(statusCode: problem.status))
        }
    }

    @Sendable static func signOut(_ req: Request) async throws -> Response {
        try await req.store.deleteToken(hash: try req.caller().tokenHash)
        let response = req.redirect(to: "/", redirectType: .normal)
        response.cookies[SignIn.cookieName] = HTTPCookies.Value(string: "", expires: Date(timeIntervalSince1970: 0), path: "/", isHTTPOnly: true, sameSite: .strict)
        return response
    }

    @Sendable static func editor(_ req: Request) async throws -> Response {
        let version = try await req.visibleVersion()
        let notice = try req.query.get(String?.self, at: "notice").flatMap { notices[$0] }
        return PortalHandlers.html(try await editorPage(req, version: version, notice: notice))
    }

    @Sendable static func saveBudget(_ req: Request) async throws -> Response {
        let version = try await req.visibleVersion()
        let form = BudgetForm(urlEncoded: req.body.string ?? "")
        switch form.apply(to: version.budget) {
        case .failure(let errors):
            return PortalHandlers.html(try await editorPage(req, version: version, inputErrors: errors.byField, typed: form.fields,
                                                            notice: "有 \(errors.byField.count) 处填写无法识别，未保存，请按提示修改。"), status: .unprocessableEntity)
        case .success(let budget):
            do {
                _ = try await req.store.updateBudget(of: version.id, to: budget, by: try req.caller().actor)
            } catch let error as StoreError {
                return PortalHandlers.html(try await editorPage(req, version: version, typed: form.fields, notice: Problem.from(error).title),
                                           status: HTTPResponseStatus(statusCode: Problem.from(error).status))
            }
            return req.redirect(to: "/staff/versions/\(version.id.uuidString.lowercased())?notice=saved", redirectType: .normal)
        }
    }

    @Sendable static func action(_ req: Request) async throws -> Response {
        guard let name = req.parameters.get("action"), let action = WorkflowAction(rawValue: name) else { throw Problem(.notFound, code: "unknown-action", title: "未知的操作") }
        let version = try await req.visibleVersion()
        let form = BudgetForm(urlEncoded: req.body.string ?? "")
        let comment = form.fields["comment"].flatMap { $0.isEmpty ? nil : $0 }
        let approvalDate = form.fields["approvalDate"].flatMap { $0.isEmpty ? nil : $0 }
        do {
            _ = try await WorkflowSteps.take(action, on: version, comment: comment, approvalDate: approvalDate, for: req)
        } catch let error where error is StoreError || error is WorkflowRefusal {
            let problem = Problem.from(error)
            return PortalHandlers.html(try await editorPage(req, version: try await req.store.version(version.id), notice: problem.title),
                                       status: HTTPResponseStatus(statusCode: problem.status))
        }
        return req.redirect(to: "/staff/versions/\(version.id.uuidString.lowercased())?notice=\(action.rawValue)", redirectType: .normal)
    }

    /// The editor of a version for the caller: what they may edit and do, and the rules' findings.
    static func editorPage(_ req: Request, version: StoredVersion, inputErrors: [String: String] = [:], typed: [String: String] = [:],
                           notice: String? = nil) async throws -> String {
        let caller = try req.caller()
        let unit = try await req.store.unit(version.unitID)
        let actor = caller.actor
        let editable: Set<VersionState> = [.draft, .returned]
        let canEdit = Workflow.editors.contains(actor.role) && editable.contains(version.state) && actor.scope.covers(unit.place)
        let actions = WorkflowAction.allCases.filter { action in
            if case .success = Workflow.decide(action, on: version.state, by: actor, at: unit.place, comment: "—", errorFindings: 0, hasApprovalDate: true) { return true }
            return false
        }
        let findings = try await req.publisher.findings(version.budget, name: "第 \(version.number) 版").map {
            FieldFinding(field: $0.location?.field, isError: $0.severity == .error, message: $0.message, rule: $0.rule)
        }
        let context = EditorContext(unit: unit, version: version, canEdit: canEdit, actions: actions, findings: findings, inputErrors: inputErrors,
                                    typed: typed, notice: notice, catalog: try Catalog.bundled(year: version.fiscalYear))
        return StaffPages.editor(context, viewer: req.viewer)
    }
}
