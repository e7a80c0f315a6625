import Foundation
import GongkaiStore
import GongkaiWorkflow
import Vapor

/// What a 财政局 administrator sets up in their region: its 主管部门, their units, the staff
/// accounts, and API tokens for programs. Each is audited by the store.
enum AdminHandlers {
    @Sendable static func createDepartment(_ req: Request) async throws -> Response {
        let body = try req.content.decode(NewDepartmentBody.self)
        let department = try await req.store.createDepartment(regionID: body.regionID, code: try required(body.code, "code"),
                                                              name: try required(body.name, "name"), by: try req.caller().actor)
        return try await DepartmentBody(department).encodeResponse(status: .created, for: req)
    }

    @Sendable static func createUnit(_ req: Request) async throws -> Response {
        let body = try req.content.decode(NewUnitBody.self)
        let unit = try await req.store.createUnit(departmentID: body.departmentID, code: try required(body.code, "code"),
                                                  name: try required(body.name, "name"), contact: body.contact, by: try req.caller().actor)
        return try await UnitBody(unit).encodeResponse(status: .created, for: req)
    }

    /// A staff or API-client account; the password is hashed with Bcrypt here and never stored.
    @Sendable static func createAccount(_ req: Request) async throws -> Response {
        let body = try req.content.decode(NewAccountBody.self)
        guard let role = Role(rawValue: body.role) else {
            throw Problem(.unprocessableEntity, code: "invalid", title: "角色“\(body.role)”无效，可用：\(Role.allCases.map(\.rawValue).joined(separator: "、"))")
        }
        guard let kind = ScopeKind(rawValue: body.scopeKind), let scopeID = UUID(uuidString: body.scopeID) else {
            throw Problem(.unprocessableEntity, code: "invalid", title: "管理范围应为 region、department 或 unit 加上其编号（UUID）")
        }
        guard body.password.count >= 10 else { throw Problem(.unprocessableEntity, code: "weak-password", title: "密码至少 10 个字符") }
        let hash = try await req.password.async.hash(body.password)
        let account = try await req.store.createAccount(username: try required(body.username, "username"),
                                                        displayName: body.displayName ?? body.username, passwordHash: hash, role: role,
                                                        scope: Scope(kind: kind, id: scopeID.uuidString), by: try req.caller().actor)
        return try await AccountBody(account).encodeResponse(status: .created, for: req)
    }

    /// A long-lived token for an API-client account, shown once.
    @Sendable static func createAPIToken(_ req: Request) async throws -> Response {
        let body = try req.content.decode(NewAPITokenBody.self)
        let requested = try body.scopes.map { name in
            guard let scope = APIScope(rawValue: name) else {
                throw Problem(.unprocessableEntity, code: "invalid", title: "权限“\(name)”无效，可用：\(APIScope.allCases.map(\.rawValue).joined(separator: "、"))")
            }
            return scope
        }
        let scopes = Set(requested).map(\.rawValue).sorted()
        let days = body.days ?? 90
        guard (1...366).contains(days) else { throw Problem(.unprocessableEntity, code: "invalid", title: "days 应在 1 到 366 之间") }
        let token = Tokens.make()
        let expiry = Date().addingTimeInterval(Double(days) * 86_400)
        try await req.store.createAPIToken(hash: Tokens.digest(token), for: body.username, scopes: scopes,
                                           expiresAt: expiry, by: try req.caller().actor)
        let reply = APITokenBody(token: token, username: body.username, scopes: scopes,
                                 expiresAt: Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(expiry))
        return try await reply.encodeResponse(status: .created, for: req)
    }

    private static func required(_ text: String, _ field: String) throws -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw Problem(.unprocessableEntity, code: "invalid", title: "\(field) 不能为空") }
        return trimmed
    }
}

struct NewDepartmentBody: Content {
    var regionID: UUID
    var code: String
    var name: String
}

struct NewUnitBody: Content {
    var departmentID: UUID
    var code: String
    var name: String
    var contact: String?
}

struct NewAccountBody: Content {
    var username: String
    var displayName: String?
    var password: String
    var role: String
    var scopeKind: String
    var scopeID: String
}

struct NewAPITokenBody: Content {
    var username: String
    var scopes: [String]
    var days: Int?
}

/// A new API token: the token itself is in this reply only.
struct APITokenBody: Content {
    var token: String
    var username: String
    var scopes: [String]
    var expiresAt: String
}

/// A 主管部门 in the API.
struct DepartmentBody: Content {
    var id: UUID
    var regionID: UUID
    var code: String
    var name: String

    init(_ department: StoredDepartment) {
        id = department.id
        regionID = department.regionID
        code = department.code
        name = department.name
    }
}
