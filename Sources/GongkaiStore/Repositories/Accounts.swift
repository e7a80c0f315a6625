import FluentKit
import Foundation
import GongkaiWorkflow

extension Store {
    /// Adds an account. `passwordHash` is already hashed (Bcrypt); the store never sees a password.
    public func createAccount(username: String, displayName: String, passwordHash: String, role: Role, scope: Scope, by actor: Actor) async throws -> StoredAccount {
        guard role.scopeKind == scope.kind else {
            throw StoreError.invalid("角色“\(role.chineseName)”的管理范围应为\(role.scopeKind.rawValue)，实为\(scope.kind.rawValue)")
        }
        guard username != Self.system.id else { throw StoreError.invalid("用户名 \(username) 为系统保留") }
        return try await write { db in
            let region = try await regionID(of: scope, on: db)
            try Self.requireAdministrator(actor, of: region)
            guard try await AccountRecord.query(on: db).filter(\.$username == username).first() == nil else {
                throw StoreError.invalid("用户名 \(username) 已被使用")
            }
            let record = AccountRecord(username: username, displayName: displayName, passwordHash: passwordHash, role: role.rawValue,
                                       scopeKind: scope.kind.rawValue, scopeID: scope.id, createdAt: now())
            try await record.create(on: db)
            let id = try record.requireID()
            try await appendAudit(AuditEntry(actor: actor, action: "create-account", objectKind: "account", objectID: username, region: region,
                                             reason: role.rawValue), on: db)
            return StoredAccount(id: id, username: username, displayName: displayName, actor: Actor(id: username, role: role, scope: scope))
        }
    }

    /// The region a scope lies in.
    private func regionID(of scope: Scope, on db: any Database) async throws -> UUID {
        guard let id = UUID(uuidString: scope.id) else { throw StoreError.invalid("管理范围的编号 \(scope.id) 无效") }
        switch scope.kind {
        case .region:
            guard try await RegionRecord.find(id, on: db) != nil else { throw StoreError.notFound("地区 \(id)") }
            return id
        case .department:
            guard let department = try await DepartmentRecord.find(id, on: db) else { throw StoreError.notFound("部门 \(id)") }
            return department.regionID
        case .unit:
            guard let unit = try await UnitRecord.find(id, on: db), let department = try await DepartmentRecord.find(unit.departmentID, on: db) else {
                throw StoreError.notFound("单位 \(id)")
            }
            return department.regionID
        }
    }

    /// An account and its password hash, by sign-in name.
    public func account(named username: String) async throws -> (account: StoredAccount, passwordHash: String)? {
        guard let record = try await AccountRecord.query(on: database).filter(\.$username == username).first() else { return nil }
        return (try Self.account(record), record.passwordHash)
    }

    /// Stores a token's sha256 for an account, valid until `expiresAt`.
    public func createToken(hash: String, accountID: UUID, kind: String, expiresAt: Date) async throws {
        let record = TokenRecord(tokenHash: hash, accountID: accountID, kind: kind, createdAt: now(),
                                 expiresAt: Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(expiresAt))
        try await record.create(on: database)
    }

    /// The account a token's sha256 belongs to and the token's scopes (nil for a sign-in session,
    /// which may do all its account's role may), if the token exists and has not expired.
    public func account(forTokenHash hash: String) async throws -> (account: StoredAccount, scopes: [String]?)? {
        guard let token = try await TokenRecord.query(on: database).filter(\.$tokenHash == hash).first(), token.expiresAt > now(),
              let record = try await AccountRecord.find(token.accountID, on: database) else { return nil }
        return (try Self.account(record), token.scopes.map { $0.split(separator: ",").map(String.init) })
    }

    /// Issues a long-lived token with `scopes` to an API-client account (its sha256 is stored, the
    /// caller hands the token out once), by an administrator of the account's region, audited.
    public func createAPIToken(hash: String, for username: String, scopes: [String], expiresAt: Date, by actor: Actor) async throws {
        guard !scopes.isEmpty, scopes.allSatisfy({ !$0.isEmpty && !$0.contains(",") }) else { throw StoreError.invalid("API 令牌至少要有一项权限") }
        try await write { db in
            guard let record = try await AccountRecord.query(on: db).filter(\.$username == username).first() else {
                throw StoreError.notFound("账号 \(username)")
            }
            let account = try Self.account(record)
            guard account.actor.role == .apiClient else { throw StoreError.invalid("只有接口调用账号（api-client）可以持有 API 令牌") }
            let region = try await regionID(of: account.actor.scope, on: db)
            try Self.requireAdministrator(actor, of: region)
            let expiry = Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(expiresAt)
            try await TokenRecord(tokenHash: hash, accountID: try record.requireID(), kind: "api", createdAt: now(), expiresAt: expiry,
                                  scopes: scopes.joined(separator: ",")).create(on: db)
            try await appendAudit(AuditEntry(actor: actor, action: "create-api-token", objectKind: "account", objectID: username, region: region,
                                             reason: "权限 \(scopes.joined(separator: "、"))，有效至 \(expiry)"), on: db)
        }
    }

    /// Ends a token (signing out).
    public func deleteToken(hash: String) async throws {
        try await TokenRecord.query(on: database).filter(\.$tokenHash == hash).delete()
    }

    static func account(_ record: AccountRecord) throws -> StoredAccount {
        guard let role = Role(rawValue: record.role), let kind = ScopeKind(rawValue: record.scopeKind) else {
            throw StoreError.invalid("账号 \(record.username) 的角色或范围无效")
        }
        return StoredAccount(id: try record.requireID(), username: record.username, displayName: record.displayName,
                             actor: Actor(id: record.username, role: role, scope: Scope(kind: kind, id: record.scopeID)))
    }
}

extension Store {
    /// Records a sign-in attempt for `username`.
    public func recordSignIn(username: String, succeeded: Bool) async throws {
        try await SignInAttemptRecord(username: username, time: now(), succeeded: succeeded).create(on: database)
    }

    /// Failed sign-ins for `username` since `since` and since its last successful one.
    public func failedSignIns(username: String, since: Date) async throws -> Int {
        let from = Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(since)
        let attempts = try await SignInAttemptRecord.query(on: database).filter(\.$username == username).filter(\.$time >= from)
            .sort(\.$time, .descending).all()
        return attempts.prefix { !$0.succeeded }.count
    }
}
