import Foundation
@testable import GongkaiServer
import Testing
import Vapor

/// The hand-kept `/openapi.yaml` must describe exactly the routes the server registers.
@Suite struct OpenAPIDocumentTests {
    /// (method path, operationId, whether it declares bearer security), read from the document's
    /// `paths:` block by indentation: paths at two spaces, methods at four, their keys at six.
    private func operations() throws -> [String: (operationID: String, secured: Bool)] {
        let url = try #require(Bundle.module.url(forResource: "openapi", withExtension: "yaml"))
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: "paths:") else { Issue.record("no paths:"); return [:] }
        var result: [String: (String, Bool)] = [:]
        var path = "", method = ""
        for line in lines[(start + 1)...] {
            if line.hasPrefix("  "), !line.hasPrefix("   "), line.hasSuffix(":") { path = String(line.dropFirst(2).dropLast()); continue }
            if line.hasPrefix("    "), !line.hasPrefix("     "), line.hasSuffix(":") { method = String(line.dropFirst(4).dropLast()).uppercased(); continue }
            let key = "\(method) \(path)"
            if line.hasPrefix("      operationId: ") { result[key] = (String(line.dropFirst("      operationId: ".count)), result[key]?.1 ?? false) }
            if line.hasPrefix("      security:") { result[key] = (result[key]?.0 ?? "", true) }
        }
        return result
    }

    @Test func theDocumentListsEveryEndpointWithItsOperationIdAndNothingElse() throws {
        let documented = try operations()
        let served = Dictionary(uniqueKeysWithValues: Endpoints.all.map { ("\($0.method.rawValue) \($0.path)", $0) })
        #expect(Set(documented.keys) == Set(served.keys))
        for (key, endpoint) in served {
            #expect(documented[key]?.operationID == endpoint.operationID, "\(key)")
            #expect(documented[key]?.secured == (endpoint.access != .anyone), "\(key): security in the document does not match the route's access")
        }
    }

    @Test func theServerServesTheDocument() async throws {
        try await withServer { district in
            let response = try await district.request(.GET, "/openapi.yaml")
            #expect(response.status == .ok)
            #expect(response.body.string.hasPrefix("openapi: 3.1.0"))
        }
    }
}
