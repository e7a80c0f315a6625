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
        guard let caller = req.auth.get(Caller.self), caller.scopes == nil, Workflow.staffReaders.contains(caller.actor.role) else {
            return PortalHandlers.html(StaffPages.signIn(error: nil))
        }
        // Work in hand first, all of it; then the latest publications.
        let pending = try await req.store.workItems(in: caller.actor.scope, states: VersionState.allCases.filter { !$0.isPublic }, limit: 1000)
        let items = pending + (try await req.store.workItems(in: caller.actor.scope, states: [.published], limit: 50))
        let notice = try req.query.get(String?.self, at: "notice").flatMap { notices[$0] }
        return PortalHandlers.html(StaffPages.worklist(viewer: req.viewer, role: caller.actor.role, items: items, notice: notice))
    }

    @Sendable static func signIn(_ req: Request) async throws -> Response {
        let form = BudgetForm(urlEncoded: req.body.string ?? "")
        let username = form.fields["username"] ?? ""
        do {
            let session = try await SignIn.session(username: username, password: form.fields["password"] ?? "", for: req)
            // Programs use the API with their tokens; the pages are for people.
            guard Workflow.staffReaders.contains(session.account.actor.role) else {
                try await req.store.deleteToken(hash: Tokens.digest(session.token))
                throw Problem(.forbidden, code: "role-not-allowed", title: "接口账号不能登录工作台，请使用 API 令牌调用接口")
            }
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
        // The form's rows are the lines of the content it was made from: on other content they would land on other lines.
        guard let expected = form.fields["contentSHA256"], expected == version.contentSHA256 else {
            return PortalHandlers.html(try await editorPage(req, version: version, notice: "该版本在您打开之后已被修改，未保存；下面是最新数据，请在其上重新修改。"),
                                       status: .conflict)
        }
        switch form.apply(to: version.budget) {
        case .failure(let errors):
            return PortalHandlers.html(try await editorPage(req, version: version, inputErrors: errors.byField, typed: form.fields,
                                                            notice: "有 \(errors.byField.count) 处填写无法识别，未保存，请按提示修改。"), status: .unprocessableEntity)
        case .success(let budget):
            do {
                _ = try await req.store.updateBudget(of: version.id, to: budget, by: try req.caller().actor, replacing: expected)
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
