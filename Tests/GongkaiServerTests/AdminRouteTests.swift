import Foundation
import GongkaiServer
import GongkaiStore
import GongkaiWorkflow
import Testing
import Vapor
import VaporTesting

struct CreatedReply: Decodable, Sendable { var id: UUID }
struct TokenReply: Decodable, Sendable { var token: String; var scopes: [String] }

@Suite struct AdminRouteTests {
    @Test func anAdministratorSetsUpADepartmentAUnitAndAnAccountThatCanSignIn() async throws {
        try await withServer { district in
            let admin = try await district.signIn("in-bureau-administrator")
            let department = try await district.request(.POST, "/api/v1/departments", token: admin,
                                                        json: ["regionID": district.region.id.uuidString, "code": "120", "name": "示例区教育局"])
            #expect(department.status == .created, "\(department.body.string)")
            let departmentID = try department.content.decode(CreatedReply.self).id
            let unit = try await district.request(.POST, "/api/v1/units", token: admin,
                                                  json: ["departmentID": departmentID.uuidString, "code": "120001", "name": "示例区第一中学"])
            #expect(unit.status == .created, "\(unit.body.string)")
            let unitID = try unit.content.decode(CreatedReply.self).id
            let account = try await district.request(.POST, "/api/v1/accounts", token: admin,
                                                     json: ["username": "school-editor", "password": "a-long-password", "role": "unit-editor",
                                                            "scopeKind": "unit", "scopeID": unitID.uuidString.lowercased()])
            #expect(account.status == .created, "\(account.body.string)")
            let signedIn = try await district.request(.POST, "/api/v1/sessions", json: ["username": "school-editor", "password": "a-long-password"])
            #expect(signedIn.status == .created)
            // The same code twice in one region is refused; a short password too; another region's administrator cannot add here.
            #expect(try await district.request(.POST, "/api/v1/departments", token: admin,
                                               json: ["regionID": district.region.id.uuidString, "code": "120", "name": "重复"]).status == .unprocessableEntity)
            #expect(try await district.request(.POST, "/api/v1/accounts", token: admin,
                                               json: ["username": "weak", "password": "short", "role": "unit-editor", "scopeKind": "unit",
                                                      "scopeID": unitID.uuidString]).status == .unprocessableEntity)
            let outsider = try await district.signIn("out-bureau-administrator")
            #expect(try await district.request(.POST, "/api/v1/units", token: outsider,
                                               json: ["departmentID": departmentID.uuidString, "code": "120002", "name": "越权"]).status == .forbidden)
            let trail = try await district.request(.GET, "/api/v1/audit", token: admin).content.decode(AuditPageReply.self).items.map(\.action)
            #expect(trail.contains("create-department") && trail.contains("create-unit") && trail.contains("create-account"))
        }
    }

    @Test func anAPITokenDoesOnlyWhatItsScopesGrant() async throws {
        try await withServer { district in
            let admin = try await district.signIn("in-bureau-administrator")
            func token(_ scopes: [String]) async throws -> String {
                let response = try await district.request(.POST, "/api/v1/api-tokens", token: admin,
                                                          body: try JSONSerialization.data(withJSONObject: ["username": "in-api-client", "scopes": scopes]))
                #expect(response.status == .created, "\(response.body.string)")
                return try response.content.decode(TokenReply.self).token
            }
            let reader = try await token(["read"])
            let uploader = try await token(["checks"])
            let compliance = "/api/v1/regions/\(district.region.id)/compliance?year=2024"
            #expect(try await district.request(.GET, compliance, token: reader).status == .ok)
            #expect(try await district.request(.GET, compliance, token: uploader).status == .forbidden)
            let emptyUpload = Data("--b\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n空\r\n--b--\r\n".utf8)
            var headers = HTTPHeaders()
            headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=b")
            for (bearer, status) in [(reader, HTTPResponseStatus.forbidden), (uploader, .unprocessableEntity)] {
                headers.bearerAuthorization = BearerAuthorization(token: bearer)
                let response = try await district.app.testing().sendRequest(.POST, "/api/v1/checks", headers: headers, body: ByteBuffer(data: emptyUpload))
                #expect(response.status == status, "\(response.body.string)")
            }
            // Tokens go to API-client accounts only, with known scopes.
            let wrong = try await district.request(.POST, "/api/v1/api-tokens", token: admin,
                                                   body: try JSONSerialization.data(withJSONObject: ["username": "in-unit-editor", "scopes": ["read"]]))
            #expect(wrong.status == .unprocessableEntity)
            let unknown = try await district.request(.POST, "/api/v1/api-tokens", token: admin,
                                                     body: try JSONSerialization.data(withJSONObject: ["username": "in-api-client", "scopes": ["write"]]))
            #expect(unknown.status == .unprocessableEntity)
            let trail = try await district.request(.GET, "/api/v1/audit", token: admin).content.decode(AuditPageReply.self).items
            #expect(trail.filter { $0.action == "create-api-token" }.count == 2)
        }
    }
}

struct AuditPageReply: Decodable, Sendable { var items: [AuditEventReply] }
