import FluentKit
import Foundation

/// One version of a unit's budget or 决算 for one year: its data, where it stands in the workflow,
/// and, once published, when and under which 批复.
final class VersionRecord: Model, @unchecked Sendable {
    static let schema = "budget_versions"

    @ID(key: .id) var id: UUID?
    @Field(key: "unit_id") var unitID: UUID
    @Field(key: "fiscal_year") var fiscalYear: Int
    @Field(key: "phase") var phase: String
    @Field(key: "number") var number: Int
    @Field(key: "state") var state: String
    @Field(key: "content") var content: String
    @Field(key: "content_sha256") var contentSHA256: String
    @Field(key: "total_expenditure_fen") var totalExpenditureFen: Int64
    @OptionalField(key: "replaces_id") var replacesID: UUID?
    @OptionalField(key: "superseded_by_id") var supersededByID: UUID?
    @OptionalField(key: "approval_date") var approvalDate: String?
    @OptionalField(key: "last_comment") var lastComment: String?
    @Field(key: "created_at") var createdAt: String
    @Field(key: "updated_at") var updatedAt: String
    @OptionalField(key: "submitted_at") var submittedAt: String?
    @OptionalField(key: "published_at") var publishedAt: String?

    init() {}
}

/// A file's bytes, stored once under their sha256 and never changed.
final class BlobRecord: Model, @unchecked Sendable {
    static let schema = "blobs"

    @ID(custom: "sha256", generatedBy: .user) var id: String?
    @Field(key: "size") var size: Int64
    @Field(key: "data") var data: Data
    @Field(key: "created_at") var createdAt: String

    init() {}

    init(sha256: String, data: Data, createdAt: String) {
        id = sha256
        size = Int64(data.count)
        self.data = data
        self.createdAt = createdAt
    }
}

/// One file of a published version's package (PDF, XLSX, HTML, JSON, a CSV table …).
final class PublicationFileRecord: Model, @unchecked Sendable {
    static let schema = "publication_files"

    @ID(key: .id) var id: UUID?
    @Field(key: "version_id") var versionID: UUID
    @Field(key: "name") var name: String
    @Field(key: "media_type") var mediaType: String
    @Field(key: "sha256") var sha256: String
    @Field(key: "size") var size: Int64

    init() {}

    init(versionID: UUID, name: String, mediaType: String, sha256: String, size: Int64) {
        self.versionID = versionID
        self.name = name
        self.mediaType = mediaType
        self.sha256 = sha256
        self.size = size
    }
}

/// One row of the hash-chained audit trail.
final class AuditRecord: Model, @unchecked Sendable {
    static let schema = "audit_events"

    @ID(custom: "sequence", generatedBy: .user) var id: Int64?
    @Field(key: "time") var time: String
    @Field(key: "actor") var actor: String
    @Field(key: "role") var role: String
    @Field(key: "action") var action: String
    @Field(key: "object_kind") var objectKind: String
    @Field(key: "object_id") var objectID: String
    @OptionalField(key: "version_id") var versionID: String?
    @OptionalField(key: "reason") var reason: String?
    @OptionalField(key: "region") var region: String?
    @OptionalField(key: "content_hash") var contentHash: String?
    @Field(key: "previous_hash") var previousHash: String
    @Field(key: "hash") var hash: String

    init() {}
}
