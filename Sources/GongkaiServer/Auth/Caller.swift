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

    var actor: Actor { account.actor }
}

/// Finds the account of a `Authorization: Bearer` token.
struct TokenAuthenticator: AsyncBearerAuthenticator {
    func authenticate(bearer: BearerAuthorization, for request: Request) async throws {
        let hash = Tokens.digest(bearer.token)
        if let account = try await request.store.account(forTokenHash: hash) {
            request.auth.login(Caller(account: account, tokenHash: hash))
        }
    }
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
