import FluentKit
import Foundation
import GongkaiCore
import GongkaiStore
import GongkaiWorkflow
import Vapor

/// An error as the API returns it: RFC 9457 problem details, with the message in Chinese.
struct Problem: Content, Error {
    /// A stable identifier of the kind of problem.
    var type: String
    /// The message the user reads.
    var title: String
    /// The HTTP status.
    var status: Int
    /// More detail, where there is any.
    var detail: String?

    init(_ status: HTTPResponseStatus, code: String, title: String, detail: String? = nil) {
        type = "urn:gongkai:problem:\(code)"
        self.title = title
        self.status = Int(status.code)
        self.detail = detail
    }

    /// The problem an error is to the caller; anything unexpected is a 500 that tells nothing inside.
    static func from(_ error: any Error) -> Problem {
        switch error {
        case let problem as Problem: return problem
        case let store as StoreError: return from(store)
        case let refusal as WorkflowRefusal: return from(StoreError.refused(refusal))
        case let reading as GongkaiError:
            return Problem(.unprocessableEntity, code: "unreadable-budget", title: reading.message, detail: "\(reading)")
        case let decoding as DecodingError:
            return Problem(.badRequest, code: "malformed-body", title: "请求正文格式不正确", detail: String(describing: decoding))
        case let abort as any AbortError:
            return Problem(abort.status, code: "http-\(abort.status.code)", title: chineseTitles[abort.status.code] ?? abort.reason)
        case let database as any DatabaseError where database.isConstraintFailure:
            return Problem(.conflict, code: "conflict", title: "与已保存的数据冲突（可能刚被他人修改），请刷新后重试")
        default:
            return Problem(.internalServerError, code: "internal", title: "服务器内部错误，请稍后重试或联系管理员")
        }
    }

    /// What the HTTP errors Vapor itself raises say to a Chinese reader.
    static let chineseTitles: [UInt: String] = [
        400: "请求格式不正确",
        401: "请先登录",
        403: "您没有权限进行此操作",
        404: "页面或接口不存在",
        413: "上传内容过大（批量检查上限 200 MB，其余 20 MB）",
        415: "不支持该内容类型",
        422: "请求内容无法处理",
        500: "服务器内部错误，请稍后重试或联系管理员",
    ]

    static func from(_ error: StoreError) -> Problem {
        switch error {
        case .notFound: return Problem(.notFound, code: "not-found", title: error.message)
        case .conflict: return Problem(.conflict, code: "conflict", title: error.message)
        case .invalid, .badLocation: return Problem(.unprocessableEntity, code: "invalid", title: error.message)
        case .unsupportedDatabase: return Problem(.internalServerError, code: "internal", title: error.message)
        case .refused(let refusal):
            let status: HTTPResponseStatus = switch refusal.reason {
            case .outOfScope, .roleNotAllowed: .forbidden
            case .wrongState: .conflict
            case .commentRequired, .blockedByFindings, .approvalDateMissing: .unprocessableEntity
            }
            return Problem(status, code: refusal.reason.rawValue, title: refusal.message)
        }
    }
}

/// Turns every error into problem+json, so no route answers with Vapor's English default.
struct ProblemMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let problem = Problem.from(error)
            if problem.status >= 500 { request.logger.error("\(request.method) \(request.url.path): \(String(reflecting: error))") }
            let response = Response(status: HTTPResponseStatus(statusCode: problem.status))
            try response.content.encode(problem, as: .json)
            response.headers.contentType = HTTPMediaType(type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])
            return response
        }
    }
}
