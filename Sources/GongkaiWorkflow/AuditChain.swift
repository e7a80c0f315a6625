import Foundation
import GongkaiFiles

/// One change, as the audit trail records it. Events are appended, never changed; each carries the
/// hash of the one before, so an edited or deleted row breaks the chain at that point. (Rows cut
/// off the end leave a shorter chain that still verifies: compare the length and last hash with a
/// copy kept elsewhere to detect that.)
public struct AuditEvent: Sendable, Equatable, Codable {
    /// Position in the trail, from 1.
    public var sequence: Int64
    /// When it happened (UTC, ISO 8601 with milliseconds).
    public var time: String
    /// Who acted (an account name, or `system`).
    public var actor: String
    /// The actor's role when acting.
    public var role: String
    /// What was done (`create-version`, `edit-version`, a workflow action, `publish-file` …).
    public var action: String
    /// The kind of object acted on (`version`, `unit`, `user` …).
    public var objectKind: String
    /// The object's id.
    public var objectID: String
    /// The budget version concerned, if any.
    public var versionID: String?
    /// The comment or reason given, if any.
    public var reason: String?
    /// The region the object lies in (its id), so that a region's administrators read their own
    /// region's events; nil for events of no region.
    public var region: String?
    /// A digest of the object's content after the change (the budget's sha256), if any.
    public var contentHash: String?
    /// The `hash` of the event before (64 zeros for the first).
    public var previousHash: String
    /// sha256 of this event's canonical form, `previousHash` included.
    public var hash: String

    /// Creates an event from its fields and the hash of the one before; computes `hash`.
    public init(sequence: Int64, time: String, actor: String, role: String, action: String, objectKind: String, objectID: String,
                versionID: String? = nil, reason: String? = nil, region: String? = nil, contentHash: String? = nil, previousHash: String) {
        self.sequence = sequence
        self.time = time
        self.actor = actor
        self.role = role
        self.action = action
        self.objectKind = objectKind
        self.objectID = objectID
        self.versionID = versionID
        self.reason = reason
        self.region = region
        self.contentHash = contentHash
        self.previousHash = previousHash
        hash = ""
        hash = computedHash
    }

    /// The hash the event's fields give; differs from `hash` when a field was changed afterwards.
    public var computedHash: String {
        // One field per line, each escaped, in a fixed order, absent optionals marked apart from
        // empty ones: no two different events share a form.
        func escaped(_ text: String) -> String { text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n") }
        func optional(_ text: String?) -> String { text.map { "=" + escaped($0) } ?? "-" }
        let fields: [String] = [String(sequence), escaped(time), escaped(actor), escaped(role), escaped(action), escaped(objectKind),
                                escaped(objectID), optional(versionID), optional(reason), optional(region), optional(contentHash), escaped(previousHash)]
        let canonical = fields.joined(separator: "\n")
        return SHA256.hex(Data(canonical.utf8))
    }
}

/// Where the audit chain first fails to hold.
public struct AuditBreak: Sendable, Equatable {
    /// The sequence number of the first event that does not verify.
    public var sequence: Int64
    /// How many events verified before it.
    public var verified: Int64
    /// What is wrong, in Chinese.
    public var message: String
}

/// Verification of an audit trail read in sequence order.
public enum AuditChain {
    /// The `previousHash` of the first event.
    public static let genesis = String(repeating: "0", count: 64)

    /// The first event that breaks the chain, or nil when every event verifies: each event's hash
    /// must match its fields, name the hash of the one before, and follow it by one in sequence.
    /// A trail read in pages is verified page by page, each continuing from the last event before it
    /// (`startingAfter` its sequence, `previousHash` its hash).
    public static func firstBreak<Events: Sequence>(in events: Events, startingAfter: Int64 = 0, previousHash: String = genesis) -> AuditBreak?
    where Events.Element == AuditEvent {
        var previous = previousHash
        var expected: Int64 = startingAfter + 1
        for event in events {
            if event.sequence != expected {
                return AuditBreak(sequence: event.sequence, verified: expected - 1, message: "审计记录缺号：应为第 \(expected) 条，实为第 \(event.sequence) 条（有记录被删除或插入）")
            }
            if event.previousHash != previous {
                return AuditBreak(sequence: event.sequence, verified: expected - 1, message: "第 \(event.sequence) 条记录的前一哈希与第 \(expected - 1) 条不符（前面的记录被改动或替换）")
            }
            if event.computedHash != event.hash {
                return AuditBreak(sequence: event.sequence, verified: expected - 1, message: "第 \(event.sequence) 条记录的内容与其哈希不符（该记录在写入后被改动）")
            }
            previous = event.hash
            expected += 1
        }
        return nil
    }
}
