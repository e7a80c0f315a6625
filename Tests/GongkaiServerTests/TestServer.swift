import Foundation
import GongkaiCore
import GongkaiServer
import GongkaiStore
import GongkaiTestSupport
import GongkaiWorkflow
import Testing
import Vapor
import VaporTesting

/// The password of every test account.
let testPassword = "correct horse 电池"

/// A served district: one region with two departments, units, and an account of every role both
/// inside and outside the scope of `unit`; a second region for outsiders of the bureau.
struct ServedDistrict: Sendable {
    let app: Application
    let region: StoredRegion
    let otherRegion: StoredRegion
    let unit: StoredUnit
    let otherUnit: StoredUnit
    /// Account names by role, inside `unit`'s scope.
    let insiders: [Role: String]
    /// Account names by role, outside it.
    let outsiders: [Role: String]
}

/// Runs `body` on a server over SQLite in memory, publishing HTML, JSON and CSV (no Chromium needed).
func withServer<T: Sendable>(_ body: @Sendable (ServedDistrict) async throws -> T) async throws -> T {
    try await withApp(configure: { app in
        try await GongkaiApp.configure(app, ServerConfiguration(database: .sqliteMemory(UUID().uuidString), publicationFormats: [.html, .json, .csv],
                                                                bcryptCost: 4, publicRequestsPerMinute: 100_000))
    }) { app in
        try await body(try await seed(app))
    }
}

private func seed(_ app: Application) async throws -> ServedDistrict {
    let store = GongkaiApp.store(app)
    let system = Store.system
    let hash = try await app.password.async.hash(testPassword)
    let region = try await store.createRegion(code: "500999", name: "示例区", by: system)
    let otherRegion = try await store.createRegion(code: "500998", name: "邻区", by: system)
    let department = try await store.createDepartment(regionID: region.id, code: "105", name: "示例区民政局", by: system)
    let otherDepartment = try await store.createDepartment(regionID: region.id, code: "106", name: "示例区文旅局", by: system)
    let unit = try await store.createUnit(departmentID: department.id, code: "105001", name: "示例区养老服务中心", contact: "023-00000000", by: system)
    let otherUnit = try await store.createUnit(departmentID: department.id, code: "105002", name: "示例区救助站", by: system)
    var insiders: [Role: String] = [:]
    var outsiders: [Role: String] = [:]
    for role in Role.allCases {
        let inside: Scope, outside: Scope
        switch role.scopeKind {
        case .unit: (inside, outside) = (Scope(kind: .unit, id: unit.id.uuidString), Scope(kind: .unit, id: otherUnit.id.uuidString))
        case .department: (inside, outside) = (Scope(kind: .department, id: department.id.uuidString), Scope(kind: .department, id: otherDepartment.id.uuidString))
        case .region: (inside, outside) = (Scope(kind: .region, id: region.id.uuidString), Scope(kind: .region, id: otherRegion.id.uuidString))
        }
        insiders[role] = "in-\(role.rawValue)"
        outsiders[role] = "out-\(role.rawValue)"
        _ = try await store.createAccount(username: "in-\(role.rawValue)", displayName: role.chineseName, passwordHash: hash, role: role, scope: inside, by: system)
        _ = try await store.createAccount(username: "out-\(role.rawValue)", displayName: role.chineseName, passwordHash: hash, role: role, scope: outside, by: system)
    }
    return ServedDistrict(app: app, region: region, otherRegion: otherRegion, unit: unit, otherUnit: otherUnit, insiders: insiders, outsiders: outsiders)
}

/// The founding example's budget as JSON bytes.
func exampleBudgetJSON() throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: TestFiles.example("chongqing-laoganbu-2023-budget.json")))
}

extension ServedDistrict {
    /// Signs in and returns the token.
    func signIn(_ username: String) async throws -> String {
        let response = try await request(.POST, "/api/v1/sessions", json: ["username": username, "password": testPassword])
        #expect(response.status == .created, "sign-in of \(username): \(response.body.string)")
        return try response.content.decode(SessionReply.self).token
    }

    /// Sends a request, with a token and a JSON or raw body.
    func request(_ method: HTTPMethod, _ path: String, token: String? = nil, json: (any Encodable & Sendable)? = nil, body: Data? = nil) async throws -> TestingHTTPResponse {
        var headers = HTTPHeaders()
        if let token { headers.bearerAuthorization = BearerAuthorization(token: token) }
        var buffer: ByteBuffer?
        if let json {
            headers.contentType = .json
            buffer = ByteBuffer(data: try JSONEncoder().encode(json))
        } else if let body {
            headers.contentType = .json
            buffer = ByteBuffer(data: body)
        }
        return try await app.testing().sendRequest(method, path, headers: headers, body: buffer)
    }
}

/// The parts of replies the tests read.
struct SessionReply: Decodable { var token: String }
struct VersionReply: Decodable, Sendable, Equatable {
    var id: UUID
    var state: String
    var updatedAt: String
    var number: Int
    var approvalDate: String?
    var publishedAt: String?
    var contentSHA256: String
    var replacesID: UUID?
    var supersededByID: UUID?
}
struct FileReply: Decodable, Sendable {
    var name: String
    var sha256: String
    var size: Int64
    var url: String
}
struct ProblemReply: Decodable, Sendable {
    var type: String
    var title: String
    var status: Int
}

/// The problem details of an error response.
func problem(_ response: TestingHTTPResponse) throws -> ProblemReply {
    try JSONDecoder().decode(ProblemReply.self, from: Data(response.body.readableBytesView))
}
