import FluentKit
import Foundation
import GongkaiWorkflow
import SQLKit

extension Store {
    /// What an audit event records, before it is numbered and chained.
    struct AuditEntry {
        var actor: String
        var role: String
        var action: String
        var objectKind: String
        var objectID: String
        var versionID: UUID?
        var reason: String?
        var region: UUID?
        var contentHash: String?

        init(actor: Actor, action: String, objectKind: String, objectID: String, region: UUID?, versionID: UUID? = nil, reason: String? = nil,
             contentHash: String? = nil) {
            self.actor = actor.id
            role = actor.role.rawValue
            self.action = action
            self.objectKind = objectKind
            self.objectID = objectID
            self.versionID = versionID
            self.reason = reason
            self.region = region
            self.contentHash = contentHash
        }
    }

    /// Appends an event inside the caller's write transaction. On PostgreSQL the table is locked for
    /// the rest of the transaction so that two writers never chain onto the same event; on SQLite the
    /// write transaction holds the database's write lock from its start (`write`). The sequence is
    /// the primary key, so a second event with the same number is refused rather than forking the chain.
    @discardableResult
    func appendAudit(_ entry: AuditEntry, on database: any Database) async throws -> AuditEvent {
        if isPostgres(database) {
            try await sql(database).raw("LOCK TABLE audit_events IN SHARE ROW EXCLUSIVE MODE").run()
        }
        let last = try await AuditRecord.query(on: database).sort(\.$id, .descending).first()
        let event = AuditEvent(sequence: (last?.id ?? 0) + 1, time: now(), actor: entry.actor, role: entry.role, action: entry.action,
                               objectKind: entry.objectKind, objectID: entry.objectID, versionID: entry.versionID?.uuidString,
                               reason: entry.reason, region: entry.region?.uuidString, contentHash: entry.contentHash,
                               previousHash: last?.hash ?? AuditChain.genesis)
        let record = AuditRecord()
        record.id = event.sequence
        record.time = event.time
        record.actor = event.actor
        record.role = event.role
        record.action = event.action
        record.objectKind = event.objectKind
        record.objectID = event.objectID
        record.versionID = event.versionID
        record.reason = event.reason
        record.region = event.region
        record.contentHash = event.contentHash
        record.previousHash = event.previousHash
        record.hash = event.hash
        try await record.create(on: database)
        return event
    }

    /// Audit events in order, from `after` (exclusive), at most `limit`; only those of `region` when given.
    public func auditEvents(after: Int64 = 0, limit: Int = 1000, region: String? = nil) async throws -> [AuditEvent] {
        var query = AuditRecord.query(on: database).filter(\.$id > after)
        if let region { query = query.filter(\.$region == region) }
        return try await query.sort(\.$id, .ascending).limit(limit).all().map(Self.event)
    }

    /// Audit events about one version, in order.
    public func auditEvents(ofVersion id: UUID) async throws -> [AuditEvent] {
        try await AuditRecord.query(on: database).filter(\.$versionID == id.uuidString).sort(\.$id, .ascending).all().map(Self.event)
    }

    /// Walks the whole chain, a page at a time, and returns the first break, or nil and the number
    /// of events verified.
    public func verifyAudit() async throws -> (firstBreak: AuditBreak?, verified: Int64) {
        var after: Int64 = 0
        var previous = AuditChain.genesis
        while true {
            let page = try await auditEvents(after: after, limit: 1000)
            guard let last = page.last else { return (nil, after) }
            // Each page is verified as a continuation of the one before.
            if let broken = AuditChain.firstBreak(in: page, startingAfter: after, previousHash: previous) { return (broken, broken.verified) }
            after = last.sequence
            previous = last.hash
        }
    }

    static func event(_ record: AuditRecord) -> AuditEvent {
        var event = AuditEvent(sequence: record.id ?? 0, time: record.time, actor: record.actor, role: record.role, action: record.action,
                               objectKind: record.objectKind, objectID: record.objectID, versionID: record.versionID, reason: record.reason,
                               region: record.region, contentHash: record.contentHash, previousHash: record.previousHash)
        event.hash = record.hash
        return event
    }
}
