import Foundation
import NIOConcurrencyHelpers
import Vapor

/// Limits requests of callers who are not signed in (no token, or one that is not valid) to `limit`
/// per minute per client address (429 beyond); sign-in attempts count among them. Runs after
/// `TokenAuthenticator`. Counted per server process: behind several servers each allows its own share.
struct PublicRateLimit: AsyncMiddleware {
    let limit: Int
    private let windows = NIOLockedValueBox<[String: (minute: Int, count: Int)]>([:])

    init(limit: Int) {
        self.limit = limit
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard !request.auth.has(Caller.self) else { return try await next.respond(to: request) }
        let address = request.remoteAddress?.ipAddress ?? "unknown"
        let minute = Int(Date().timeIntervalSince1970 / 60)
        let allowed = windows.withLockedValue { windows in
            if windows.count > 100_000 { windows = windows.filter { $0.value.minute == minute } }
            var window = windows[address] ?? (minute, 0)
            if window.minute != minute { window = (minute, 0) }
            window.count += 1
            windows[address] = window
            return window.count <= limit
        }
        guard allowed else {
            throw Problem(.tooManyRequests, code: "rate-limited", title: "访问过于频繁，请一分钟后再试")
        }
        return try await next.respond(to: request)
    }
}
