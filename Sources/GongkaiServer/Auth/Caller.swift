import GongkaiFiles
import GongkaiStore
import GongkaiWorkflow
import Vapor

/// The signed-in account making a request.
struct Caller: Authenticatable, Sendable {
    /// The account.
    let account: StoredAccount
    /// The sha256 of the token it signed in with.
    let tokenHash: String
    /// The token's scopes when it is an API token; nil for a sign-in session.
    let scopes: Set<APIScope>?

    var actor: Actor { account.actor }
}

/// Finds the account of a `Authorization: Bearer` token.
struct TokenAuthenticator: AsyncBearerAuthenticator {
    func authenticate(bearer: BearerAuthorization, for request: Request) async throws {
        let hash = Tokens.digest(bearer.token)
        guard let found = try await request.store.account(forTokenHash: hash) else { return }
        // A scope this build does not know grants nothing.
        let scopes = found.scopes.map { Set($0.compactMap(APIScope.init(rawValue:))) }
        request.auth.login(Caller(account: found.account, tokenHash: hash, scopes: scopes))
    }
}

/// What an API token may be used for. A sign-in session has no scopes: it may do what its
/// account's role allows.
enum APIScope: String, Sendable, Codable, CaseIterable {
    /// Every GET the account's role allows.
    case read
    /// Uploading files for batch checking.
    case checks
}

/// Random bearer tokens; only their sha256 is stored.
enum Tokens {
    /// A new token: 32 random bytes, URL-safe base64.
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// The digest stored for a token.
    static func digest(_ token: String) -> String { GongkaiFiles.SHA256.hex(Data(token.utf8)) }
}
