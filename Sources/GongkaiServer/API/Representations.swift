import Foundation
import GongkaiCore
import GongkaiRules
import GongkaiStore
import GongkaiWorkflow
import Vapor

/// A page of a list, with the cursor of the next page (nil on the last).
struct Page<Item: Content>: Content {
    var items: [Item]
    var nextCursor: String?
}

/// A unit in the API.
struct UnitBody: Content {
    var id: UUID
    var code: String
    var name: String
    var departmentID: UUID
    var regionID: UUID
    var contact: String?

    init(_ unit: StoredUnit) {
        id = unit.id
        code = unit.code
        name = unit.name
        departmentID = unit.departmentID
        regionID = unit.regionID
        contact = unit.contact
    }
}

/// A region in the API.
struct RegionBody: Content {
    var id: UUID
    var code: String
    var name: String

    init(_ region: StoredRegion) {
        id = region.id
        code = region.code
        name = region.name
    }
}

/// A budget version in the API; `budget` only on the version itself, not in lists.
struct VersionBody: Content {
    var id: UUID
    var unitID: UUID
    var fiscalYear: Int
    var phase: String
    var number: Int
    var state: String
    var stateName: String
    var contentSHA256: String
    var totalExpenditureFen: Int64
    var replacesID: UUID?
    var supersededByID: UUID?
    var approvalDate: String?
    var lastComment: String?
    var createdAt: String
    var updatedAt: String
    var submittedAt: String?
    var publishedAt: String?
    var budget: Budget?

    init(_ version: StoredVersion, withBudget: Bool) {
        id = version.id
        unitID = version.unitID
        fiscalYear = version.fiscalYear
        phase = version.phase.rawValue
        number = version.number
        state = version.state.rawValue
        stateName = version.state.chineseName
        contentSHA256 = version.contentSHA256
        totalExpenditureFen = version.totalExpenditureFen
        replacesID = version.replacesID
        supersededByID = version.supersededByID
        approvalDate = version.approvalDate
        lastComment = version.lastComment
        createdAt = version.createdAt
        updatedAt = version.updatedAt
        submittedAt = version.submittedAt
        publishedAt = version.publishedAt
        budget = withBudget ? version.budget : nil
    }
}

/// A published file in the API, with where to download it.
struct FileBody: Content {
    var name: String
    var mediaType: String
    var sha256: String
    var size: Int64
    var url: String

    init(_ file: StoredFile) {
        name = file.name
        mediaType = file.mediaType
        sha256 = file.sha256
        size = file.size
        url = "/api/v1/files/\(file.sha256)"
    }
}

/// A rule finding in the API.
struct FindingBody: Content {
    var rule: String
    var severity: String
    var message: String
    var table: String?
    var code: String?
    var column: String?
    var found: String?
    var expected: String?

    init(_ diagnostic: Diagnostic) {
        rule = diagnostic.rule
        severity = diagnostic.severity.rawValue
        message = diagnostic.message
        table = diagnostic.tableTitle
        code = diagnostic.code
        column = diagnostic.column
        found = diagnostic.found
        expected = diagnostic.expected
    }
}

/// An audit event in the API.
struct AuditEventBody: Content {
    var sequence: Int64
    var time: String
    var actor: String
    var role: String
    var action: String
    var objectKind: String
    var objectID: String
    var versionID: String?
    var reason: String?
    var region: String?
    var contentHash: String?
    var previousHash: String
    var hash: String

    init(_ event: AuditEvent) {
        sequence = event.sequence
        time = event.time
        actor = event.actor
        role = event.role
        action = event.action
        objectKind = event.objectKind
        objectID = event.objectID
        versionID = event.versionID
        reason = event.reason
        region = event.region
        contentHash = event.contentHash
        previousHash = event.previousHash
        hash = event.hash
    }
}

/// The signed-in account in the API.
struct AccountBody: Content {
    var username: String
    var displayName: String
    var role: String
    var roleName: String
    var scopeKind: String
    var scopeID: String

    init(_ account: StoredAccount) {
        username = account.username
        displayName = account.displayName
        role = account.actor.role.rawValue
        roleName = account.actor.role.chineseName
        scopeKind = account.actor.scope.kind.rawValue
        scopeID = account.actor.scope.id
    }
}

/// Sign-in request.
struct SignInBody: Content {
    var username: String
    var password: String
}

/// Sign-in response: the bearer token and when it expires.
struct SessionBody: Content {
    var token: String
    var expiresAt: String
    var account: AccountBody
}

/// A workflow action's request: the comment (for returns) and the 批复 date (for publishing).
struct ActionBody: Content {
    var comment: String?
    var approvalDate: String?
}

/// The audit chain's verification.
struct AuditVerificationBody: Content {
    var verified: Int64
    var intact: Bool
    var firstBreak: Int64?
    var message: String?
}
