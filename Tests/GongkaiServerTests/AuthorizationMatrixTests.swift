import Foundation
@testable import GongkaiServer
import GongkaiStore
import GongkaiWorkflow
import Testing
import Vapor
import VaporTesting

/// Who calls: nobody signed in, or an account of a role inside or outside the unit's scope.
enum Caller: Hashable, Sendable, CustomStringConvertible {
    case anonymous
    case account(Role, inScope: Bool)

    static let all: [Caller] = [.anonymous] + Role.allCases.flatMap { [.account($0, inScope: true), .account($0, inScope: false)] }

    var description: String {
        switch self {
        case .anonymous: "anonymous"
        case .account(let role, let inScope): "\(role.rawValue)\(inScope ? "" : " (outside)")"
        }
    }

    var role: Role? { if case .account(let role, _) = self { role } else { nil } }
    var isInScope: Bool { if case .account(_, true) = self { true } else { false } }
    /// Staff whose scope covers the unit: they see its versions that are not public. API clients
    /// read what the public reads.
    var readsUnpublished: Bool { isInScope && role != .apiClient }
}

/// The fixture every request of the matrix runs against: a draft and a published version of one unit.
struct MatrixFixture: Sendable {
    let district: ServedDistrict
    let draft: UUID
    let published: UUID
    let fileDigest: String
    let batch: UUID
    let job: UUID
}

/// One row of the matrix: the request made for an endpoint, and the status each caller must get.
/// The expectations are written from the issue's roles and scopes, not derived from `Endpoints`.
struct MatrixRow: Sendable {
    let request: @Sendable (MatrixFixture) throws -> (HTTPMethod, String, Data?)
    let expected: @Sendable (Caller) -> HTTPResponseStatus
}

private let unitStaff: Set<Role> = [.unitEditor, .unitSubmitter]
private let batchCheckers: Set<Role> = [.bureauReviewer, .bureauAdministrator, .apiClient]
private let workflowRoles: Set<Role> = [.unitSubmitter, .departmentReviewer, .bureauReviewer, .bureauAdministrator]

private func json(_ object: [String: String]) throws -> Data { try JSONEncoder().encode(object) }

private func signedIn(_ caller: Caller, _ status: @autoclosure () -> HTTPResponseStatus) -> HTTPResponseStatus {
    caller == .anonymous ? .unauthorized : status()
}

/// Every endpoint's row, by operationId. A route without a row fails `everyRouteHasARow`.
let matrix: [String: MatrixRow] = [
    "getOpenAPI": MatrixRow(request: { _ in (.GET, "/openapi.yaml", nil) }, expected: { _ in .ok }),
    "getHealth": MatrixRow(request: { _ in (.GET, "/health", nil) }, expected: { _ in .ok }),
    "createSession": MatrixRow(request: { _ in (.POST, "/api/v1/sessions", try JSONEncoder().encode(["username": "in-unit-editor", "password": testPassword])) },
                               expected: { _ in .created }),
    "deleteSession": MatrixRow(request: { _ in (.DELETE, "/api/v1/sessions", nil) }, expected: { signedIn($0, .noContent) }),
    "getMe": MatrixRow(request: { _ in (.GET, "/api/v1/me", nil) }, expected: { signedIn($0, .ok) }),
    "listRegions": MatrixRow(request: { _ in (.GET, "/api/v1/regions", nil) }, expected: { _ in .ok }),
    "listUnits": MatrixRow(request: { _ in (.GET, "/api/v1/units", nil) }, expected: { _ in .ok }),
    "getUnit": MatrixRow(request: { (.GET, "/api/v1/units/\($0.district.unit.id)", nil) }, expected: { _ in .ok }),
    "listUnitVersions": MatrixRow(request: { (.GET, "/api/v1/units/\($0.district.unit.id)/versions", nil) }, expected: { _ in .ok }),
    // A version is already open, so even the unit's own staff get 422, but past authorization.
    "createVersion": MatrixRow(request: { (.POST, "/api/v1/units/\($0.district.unit.id)/versions", try exampleBudgetJSON()) },
                               expected: { caller in signedIn(caller, unitStaff.contains(caller.role!) && caller.isInScope ? .unprocessableEntity : .forbidden) }),
    "getVersion": MatrixRow(request: { (.GET, "/api/v1/versions/\($0.draft)", nil) }, expected: { $0.readsUnpublished ? .ok : .notFound }),
    "updateVersionBudget": MatrixRow(request: { (.PUT, "/api/v1/versions/\($0.published)/budget", try exampleBudgetJSON()) },
                                     expected: { caller in signedIn(caller, unitStaff.contains(caller.role!) && caller.isInScope ? .conflict : .forbidden) }),
    "listVersionFindings": MatrixRow(request: { (.GET, "/api/v1/versions/\($0.draft)/findings", nil) },
                                     expected: { $0.readsUnpublished ? .ok : .notFound }),
    // Only the unit's 主管部门 reviews a submitted version; the draft is not submitted, hence 409.
    // To workflow roles outside the unit the draft does not exist.
    "takeVersionAction": MatrixRow(request: { (.POST, "/api/v1/versions/\($0.draft)/actions/approve-as-department", nil) },
                                   expected: { caller in
                                       signedIn(caller, !workflowRoles.contains(caller.role!) ? .forbidden : !caller.isInScope ? .notFound
                                           : caller.role == .departmentReviewer ? .conflict : .forbidden)
                                   }),
    // Only a published version can be corrected; the draft cannot, hence 409 for the unit's staff.
    "createCorrection": MatrixRow(request: { (.POST, "/api/v1/versions/\($0.draft)/corrections", try exampleBudgetJSON()) },
                                  expected: { caller in
                                      signedIn(caller, !unitStaff.contains(caller.role!) ? .forbidden : caller.isInScope ? .conflict : .notFound)
                                  }),
    "listVersionFiles": MatrixRow(request: { (.GET, "/api/v1/versions/\($0.published)/files", nil) }, expected: { _ in .ok }),
    "listVersionAudit": MatrixRow(request: { (.GET, "/api/v1/versions/\($0.draft)/audit", nil) },
                                  expected: { caller in signedIn(caller, caller.readsUnpublished ? .ok : .notFound) }),
    "getFile": MatrixRow(request: { (.GET, "/api/v1/files/\($0.fileDigest)", nil) }, expected: { _ in .ok }),
    // An empty upload: the 财政局's accounts get 422 (nothing to check), past authorization.
    "createCheckBatch": MatrixRow(request: { _ in (.POST, "/api/v1/checks", nil) },
                                  expected: { caller in signedIn(caller, batchCheckers.contains(caller.role!) ? .unprocessableEntity : .forbidden) }),
    "getCheckBatch": MatrixRow(request: { (.GET, "/api/v1/checks/\($0.batch)", nil) },
                               expected: { caller in signedIn(caller, batchCheckers.contains(caller.role!) ? (caller.isInScope ? .ok : .notFound) : .forbidden) }),
    "listCheckJobFindings": MatrixRow(request: { (.GET, "/api/v1/checks/\($0.batch)/jobs/\($0.job)/findings", nil) },
                                      expected: { caller in signedIn(caller, batchCheckers.contains(caller.role!) ? (caller.isInScope ? .ok : .notFound) : .forbidden) }),
    "getCheckBatchChecklist": MatrixRow(request: { (.GET, "/api/v1/checks/\($0.batch)/checklist", nil) },
                                        expected: { caller in signedIn(caller, batchCheckers.contains(caller.role!) ? (caller.isInScope ? .ok : .notFound) : .forbidden) }),
    "getRegionCompliance": MatrixRow(request: { (.GET, "/api/v1/regions/\($0.district.region.id)/compliance?year=2024", nil) },
                                     expected: { caller in signedIn(caller, batchCheckers.contains(caller.role!) ? (caller.isInScope ? .ok : .notFound) : .forbidden) }),
    // Only an administrator of the unit's region sets up its departments, units, accounts and API tokens.
    "createDepartment": MatrixRow(request: { (.POST, "/api/v1/departments", try json(["regionID": $0.district.region.id.uuidString, "code": "901",
                                                                                     "name": "矩阵部门"])) },
                                  expected: { caller in signedIn(caller, caller == .account(.bureauAdministrator, inScope: true) ? .created : .forbidden) }),
    "createUnit": MatrixRow(request: { (.POST, "/api/v1/units", try json(["departmentID": $0.district.unit.departmentID.uuidString, "code": "105901",
                                                                          "name": "矩阵单位"])) },
                            expected: { caller in signedIn(caller, caller == .account(.bureauAdministrator, inScope: true) ? .created : .forbidden) }),
    "createAccount": MatrixRow(request: { (.POST, "/api/v1/accounts", try json(["username": "matrix-account", "password": "matrix-password-1",
                                                                                "role": "unit-editor", "scopeKind": "unit",
                                                                                "scopeID": $0.district.unit.id.uuidString])) },
                               expected: { caller in signedIn(caller, caller == .account(.bureauAdministrator, inScope: true) ? .created : .forbidden) }),
    "createAPIToken": MatrixRow(request: { _ in (.POST, "/api/v1/api-tokens", try JSONSerialization.data(withJSONObject: ["username": "in-api-client",
                                                                                                                        "scopes": ["read"]])) },
                                expected: { caller in signedIn(caller, caller == .account(.bureauAdministrator, inScope: true) ? .created : .forbidden) }),
    "listAuditEvents": MatrixRow(request: { _ in (.GET, "/api/v1/audit", nil) },
                                 expected: { caller in signedIn(caller, caller.role == .bureauAdministrator ? .ok : .forbidden) }),
    "verifyAudit": MatrixRow(request: { _ in (.GET, "/api/v1/audit/verification", nil) },
                             expected: { caller in signedIn(caller, caller.role == .bureauAdministrator ? .ok : .forbidden) }),
]

@Suite struct AuthorizationMatrixTests {
    @Test func everyRouteHasARowAndEveryRowARoute() async throws {
        try await withServer { district in
            let routes = district.app.routes.all.map { "\($0.method.rawValue) /" + $0.path.map(\.description).joined(separator: "/") }
            let endpoints = Endpoints.all.map { "\($0.method.rawValue) " + $0.path.replacingOccurrences(of: "{", with: ":").replacingOccurrences(of: "}", with: "") }
            // The portal's pages are the other routes (PortalRouteTests and StaffPageTests open each).
            let pages = PageRoutes.all.map { "\($0.method.rawValue) \($0.path)" }
            #expect(Set(routes) == Set(endpoints + pages))
            #expect(routes.count == endpoints.count + pages.count)
            #expect(Set(Endpoints.all.map(\.operationID)) == Set(matrix.keys))
        }
    }

    @Test func everyCallerGetsWhatItsRoleAndScopeAllowOnEveryEndpoint() async throws {
        try await withServer { district in
            let fixture = try await fixture(district)
            var tokens: [Caller: String] = [:]
            for caller in Caller.all {
                guard case .account(let role, let inScope) = caller else { continue }
                tokens[caller] = try await district.signIn((inScope ? district.insiders : district.outsiders)[role]!)
            }
            // Signing out ends the token, so it runs last.
            let order = Endpoints.all.map(\.operationID).filter { $0 != "deleteSession" } + ["deleteSession"]
            var checked = 0
            for operation in order {
                let row = try #require(matrix[operation])
                for caller in Caller.all {
                    let (method, path, body) = try row.request(fixture)
                    let response = try await district.request(method, path, token: tokens[caller], body: body)
                    #expect(response.status == row.expected(caller), "\(operation) by \(caller): \(response.status.code) \(response.body.string.prefix(200))")
                    checked += 1
                }
            }
            #expect(checked == Endpoints.all.count * Caller.all.count)
        }
    }

    @Test func eachCallerListsTheVersionsItMaySeeAndNoUploadIsServedAsAPublishedFile() async throws {
        try await withServer { district in
            let fixture = try await fixture(district)
            let upload = try await GongkaiApp.store(district.app).job(fixture.job).sha256
            for caller in Caller.all {
                var token: String?
                if case .account(let role, let inScope) = caller {
                    token = try await district.signIn((inScope ? district.insiders : district.outsiders)[role]!)
                }
                let listed = try await district.request(.GET, "/api/v1/units/\(district.unit.id)/versions", token: token)
                    .content.decode([VersionReply].self).map(\.id)
                let expected = caller.readsUnpublished ? [fixture.draft, fixture.published] : [fixture.published]
                #expect(Set(listed) == Set(expected), "\(caller)")
                let file = try await district.request(.GET, "/api/v1/files/\(upload)", token: token)
                #expect(file.status == .notFound, "an uploaded file served to \(caller)")
            }
        }
    }
}

private func fixture(_ district: ServedDistrict) async throws -> MatrixFixture {
    let published = try await publishedVersion(district)
    let editor = try await district.signIn("in-unit-editor")
    var budget = try JSONSerialization.jsonObject(with: try exampleBudgetJSON()) as! [String: Any]
    budget["year"] = 2024
    let created = try await district.request(.POST, "/api/v1/units/\(district.unit.id)/versions", token: editor,
                                             body: try JSONSerialization.data(withJSONObject: budget))
    let draft = try created.content.decode(VersionReply.self).id
    let files = try await district.request(.GET, "/api/v1/versions/\(published)/files").content.decode([FileReply].self)
    let store = GongkaiApp.store(district.app)
    let bureau = try #require(try await store.account(named: "in-bureau-reviewer")).account.actor
    let batch = try await store.createBatch(name: "抽查", files: [CheckFile(name: "a.md", data: Data("# 示例".utf8))], by: bureau)
    let job = try #require(try await store.batchProgress(batch.id).files.first).job.id
    return MatrixFixture(district: district, draft: draft, published: published, fileDigest: try #require(files.first).sha256, batch: batch.id, job: job)
}
