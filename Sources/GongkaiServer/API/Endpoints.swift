import GongkaiWorkflow
import Vapor

/// Who may call an endpoint, before the unit-level scope checks its handler makes.
enum Access: Sendable, Equatable {
    /// Anyone, signed in or not (the public reads published disclosures).
    case anyone
    /// Signed-in accounts of these roles.
    case signedIn(Set<Role>)

    /// Every staff role.
    static let staff = Access.signedIn(Set(Role.allCases))
    /// The unit's own staff.
    static let unitStaff = Access.signedIn([.unitEditor, .unitSubmitter])
    /// Everyone who takes workflow steps.
    static let workflow = Access.signedIn([.unitSubmitter, .departmentReviewer, .bureauReviewer, .bureauAdministrator])
    /// The 财政局's accounts that check published disclosures in batches.
    static let batchCheckers = Access.signedIn([.bureauReviewer, .bureauAdministrator, .apiClient])
    /// The 财政局's administrators.
    static let administrators = Access.signedIn([.bureauAdministrator])
}

/// One route of the server: its method and path (as the OpenAPI document writes it), who may call
/// it and what answers it. The server registers exactly these, and the OpenAPI test compares them
/// with `/openapi.yaml`, so the list, the routes and the document cannot drift apart.
struct Endpoint: Sendable {
    /// The OpenAPI operationId.
    let operationID: String
    /// The HTTP method.
    let method: HTTPMethod
    /// The path template, `/api/v1/units/{unitID}`.
    let path: String
    /// Who may call it.
    let access: Access
    /// The handler.
    let handler: @Sendable (Request) async throws -> Response
    /// The largest request body it reads (bigger ones get 413).
    var maxBody: ByteCount = "20mb"

    /// The scope an API token needs to call it: `read` for a GET, `checks` for uploading a batch;
    /// nil for everything else, which API tokens may not do.
    var apiScope: APIScope? {
        if method == .GET { return .read }
        return operationID == "createCheckBatch" ? .checks : nil
    }

    /// The path as Vapor route components.
    var components: [PathComponent] {
        path.split(separator: "/").map { part in
            if part.hasPrefix("{"), part.hasSuffix("}") { return .parameter(String(part.dropFirst().dropLast())) }
            return .constant(String(part))
        }
    }
}

/// Every endpoint the server answers.
enum Endpoints {
    static let all: [Endpoint] = [
        Endpoint(operationID: "getOpenAPI", method: .GET, path: "/openapi.yaml", access: .anyone, handler: Handlers.openAPI),
        Endpoint(operationID: "getHealth", method: .GET, path: "/health", access: .anyone, handler: Handlers.health),
        Endpoint(operationID: "createSession", method: .POST, path: "/api/v1/sessions", access: .anyone, handler: Handlers.signIn),
        Endpoint(operationID: "deleteSession", method: .DELETE, path: "/api/v1/sessions", access: .staff, handler: Handlers.signOut),
        Endpoint(operationID: "getMe", method: .GET, path: "/api/v1/me", access: .staff, handler: Handlers.me),
        Endpoint(operationID: "listRegions", method: .GET, path: "/api/v1/regions", access: .anyone, handler: Handlers.regions),
        Endpoint(operationID: "listUnits", method: .GET, path: "/api/v1/units", access: .anyone, handler: Handlers.units),
        Endpoint(operationID: "getUnit", method: .GET, path: "/api/v1/units/{unitID}", access: .anyone, handler: Handlers.unit),
        Endpoint(operationID: "listUnitVersions", method: .GET, path: "/api/v1/units/{unitID}/versions", access: .anyone, handler: Handlers.unitVersions),
        Endpoint(operationID: "createVersion", method: .POST, path: "/api/v1/units/{unitID}/versions", access: .unitStaff, handler: Handlers.createVersion),
        Endpoint(operationID: "getVersion", method: .GET, path: "/api/v1/versions/{versionID}", access: .anyone, handler: Handlers.version),
        Endpoint(operationID: "updateVersionBudget", method: .PUT, path: "/api/v1/versions/{versionID}/budget", access: .unitStaff, handler: Handlers.updateBudget),
        Endpoint(operationID: "listVersionFindings", method: .GET, path: "/api/v1/versions/{versionID}/findings", access: .anyone, handler: Handlers.findings),
        Endpoint(operationID: "takeVersionAction", method: .POST, path: "/api/v1/versions/{versionID}/actions/{action}", access: .workflow, handler: Handlers.action),
        Endpoint(operationID: "createCorrection", method: .POST, path: "/api/v1/versions/{versionID}/corrections", access: .unitStaff, handler: Handlers.createCorrection),
        Endpoint(operationID: "listVersionFiles", method: .GET, path: "/api/v1/versions/{versionID}/files", access: .anyone, handler: Handlers.files),
        Endpoint(operationID: "listVersionAudit", method: .GET, path: "/api/v1/versions/{versionID}/audit", access: .staff, handler: Handlers.versionAudit),
        Endpoint(operationID: "getFile", method: .GET, path: "/api/v1/files/{sha256}", access: .anyone, handler: Handlers.file),
        // A batch may be a folder's worth of PDFs, or a zip of them.
        Endpoint(operationID: "createCheckBatch", method: .POST, path: "/api/v1/checks", access: .batchCheckers, handler: CheckHandlers.create,
                 maxBody: "200mb"),
        Endpoint(operationID: "getCheckBatch", method: .GET, path: "/api/v1/checks/{batchID}", access: .batchCheckers, handler: CheckHandlers.progress),
        Endpoint(operationID: "listCheckJobFindings", method: .GET, path: "/api/v1/checks/{batchID}/jobs/{jobID}/findings", access: .batchCheckers,
                 handler: CheckHandlers.findings),
        Endpoint(operationID: "getCheckBatchChecklist", method: .GET, path: "/api/v1/checks/{batchID}/checklist", access: .batchCheckers,
                 handler: ComplianceHandlers.checklist),
        Endpoint(operationID: "getRegionCompliance", method: .GET, path: "/api/v1/regions/{regionID}/compliance", access: .batchCheckers,
                 handler: ComplianceHandlers.region),
        Endpoint(operationID: "createDepartment", method: .POST, path: "/api/v1/departments", access: .administrators,
                 handler: AdminHandlers.createDepartment),
        Endpoint(operationID: "createUnit", method: .POST, path: "/api/v1/units", access: .administrators, handler: AdminHandlers.createUnit),
        Endpoint(operationID: "createAccount", method: .POST, path: "/api/v1/accounts", access: .administrators, handler: AdminHandlers.createAccount),
        Endpoint(operationID: "createAPIToken", method: .POST, path: "/api/v1/api-tokens", access: .administrators,
                 handler: AdminHandlers.createAPIToken),
        Endpoint(operationID: "listAuditEvents", method: .GET, path: "/api/v1/audit", access: .administrators, handler: Handlers.audit),
        Endpoint(operationID: "verifyAudit", method: .GET, path: "/api/v1/audit/verification", access: .administrators, handler: Handlers.verifyAudit),
    ]
}

/// Refuses requests whose caller the endpoint's access does not admit: 401 without a valid
/// token, 403 for a role it does not list or for an API token without the scope the endpoint needs.
struct AccessMiddleware: AsyncMiddleware {
    let access: Access
    let apiScope: APIScope?

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if case .signedIn(let roles) = access {
            guard let caller = request.auth.get(Caller.self) else {
                throw Problem(.unauthorized, code: "sign-in-required", title: "请先登录")
            }
            guard roles.contains(caller.actor.role) else {
                throw Problem(.forbidden, code: "role-not-allowed", title: "您的角色（\(caller.actor.role.chineseName)）不能使用此功能")
            }
            if let scopes = caller.scopes, !(apiScope.map(scopes.contains) ?? false) {
                throw Problem(.forbidden, code: "scope-not-granted", title: "此 API 令牌没有调用该接口的权限（\(apiScope?.rawValue ?? "仅限登录使用")）")
            }
        }
        return try await next.respond(to: request)
    }
}
