import Foundation
import GongkaiStore
import Vapor

/// Signing in, as the API and the staff pages do it: refused after too many failures in the window;
/// an unknown name costs as much time as a wrong password, so the answer's timing tells nothing.
enum SignIn {
    /// A new session token for the account, when the password is right.
    static func session(username: String, password: String, for req: Request) async throws -> (token: String, expiry: Date, account: StoredAccount) {
        let settings = req.application.gongkai
        let since = Date().addingTimeInterval(-settings.loginWindow)
        guard try await req.store.failedSignIns(username: username, since: since) < settings.loginAttempts else {
            throw Problem(.tooManyRequests, code: "sign-in-throttled", title: "登录失败次数过多，请 \(Int(settings.loginWindow / 60)) 分钟后再试")
        }
        let found = try await req.store.account(named: username)
        let verified = try await req.password.async.verify(password, created: found?.passwordHash ?? req.application.unknownAccountHash)
        guard let found, verified else {
            try await req.store.recordSignIn(username: username, succeeded: false)
            throw Problem(.unauthorized, code: "bad-credentials", title: "用户名或密码不正确")
        }
        try await req.store.recordSignIn(username: username, succeeded: true)
        let token = Tokens.make()
        let expiry = Date().addingTimeInterval(settings.sessionLifetime)
        try await req.store.createToken(hash: Tokens.digest(token), accountID: found.account.id, kind: "session", expiresAt: expiry)
        return (token, expiry, found.account)
    }

    /// The cookie the staff pages keep their session in.
    static let cookieName = "gongkai_session"
}

/// Finds the account of the staff pages' session cookie (a sign-in session, never an API token).
/// The cookie is HttpOnly and SameSite=Strict, and pages that change anything also check that the
/// request comes from this site (`SameOriginMiddleware`).
struct SessionCookieAuthenticator: AsyncRequestAuthenticator {
    func authenticate(request: Request) async throws {
        guard request.auth.get(Caller.self) == nil, let token = request.cookies[SignIn.cookieName]?.string, !token.isEmpty else { return }
        let hash = Tokens.digest(token)
        guard let found = try await request.store.account(forTokenHash: hash), found.scopes == nil else { return }
        request.auth.login(Caller(account: found.account, tokenHash: hash, scopes: nil))
    }
}

/// Refuses a page's POST that another site's form sent: its Origin (or, without one, its Referer)
/// must be this site.
struct SameOriginMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.method == .POST {
            let origin = request.headers.first(name: "Origin") ?? request.headers.first(name: .referer)
            guard let origin, let host = URL(string: origin)?.host, let port = URL(string: origin).map({ $0.port.map { ":\($0)" } ?? "" }),
                  host + port == request.headers.first(name: .host) else {
                throw Problem(.forbidden, code: "cross-site", title: "请从本站页面提交表单")
            }
        }
        return try await next.respond(to: request)
    }
}
