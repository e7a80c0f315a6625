import Vapor

/// Answers 405 with an `Allow` header, instead of 404, for a path the API has under other methods.
struct MethodNotAllowedMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let parts = request.url.path.split(separator: "/").map(String.init)
        let allowed = Endpoints.all.filter { Self.matches($0.components, parts) }.map(\.method)
        if !allowed.isEmpty, !allowed.contains(request.method), !(request.method == .HEAD && allowed.contains(.GET)) {
            let methods = allowed.map(\.rawValue).joined(separator: ", ")
            let response = try await Problem(.methodNotAllowed, code: "method-not-allowed", title: "此接口不支持 \(request.method.rawValue)，可用：\(methods)")
                .encodeResponse(status: .methodNotAllowed, for: request)
            response.headers.replaceOrAdd(name: .allow, value: methods)
            response.headers.contentType = HTTPMediaType(type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])
            return response
        }
        return try await next.respond(to: request)
    }

    private static func matches(_ components: [PathComponent], _ parts: [String]) -> Bool {
        guard components.count == parts.count else { return false }
        return zip(components, parts).allSatisfy { component, part in
            if case .constant(let text) = component { return text == part }
            return !part.isEmpty
        }
    }
}
