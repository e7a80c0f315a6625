import FluentKit
import Foundation

/// A staff account: a person (or an API client) with one role and one scope.
final class AccountRecord: Model, @unchecked Sendable {
    static let schema = "accounts"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "role") var role: String
    @Field(key: "scope_kind") var scopeKind: String
    @Field(key: "scope_id") var scopeID: String
    @Field(key: "created_at") var createdAt: String

    init() {}

    init(username: String, displayName: String, passwordHash: String, role: String, scopeKind: String, scopeID: String, createdAt: String) {
        self.username = username
        self.displayName = displayName
        self.passwordHash = passwordHash
        self.role = role
        self.scopeKind = scopeKind
        self.scopeID = scopeID
        self.createdAt = createdAt
    }
}

/// A bearer token (a signed-in session or an API client's key), stored only as its sha256.
final class TokenRecord: Model, @unchecked Sendable {
    static let schema = "tokens"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "account_id") var accountID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "created_at") var createdAt: String
    @Field(key: "expires_at") var expiresAt: String
    @OptionalField(key: "scopes") var scopes: String?

    init() {}

    init(tokenHash: String, accountID: UUID, kind: String, createdAt: String, expiresAt: String, scopes: String? = nil) {
        self.tokenHash = tokenHash
        self.accountID = accountID
        self.kind = kind
        self.createdAt = createdAt
        self.expiresAt = expiresAt
        self.scopes = scopes
    }
}

/// One sign-in attempt.
final class SignInAttemptRecord: Model, @unchecked Sendable {
    static let schema = "sign_in_attempts"

    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "time") var time: String
    @Field(key: "succeeded") var succeeded: Bool

    init() {}

    init(username: String, time: String, succeeded: Bool) {
        self.username = username
        self.time = time
        self.succeeded = succeeded
    }
}
