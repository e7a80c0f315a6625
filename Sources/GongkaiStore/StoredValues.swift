import Foundation
import GongkaiCore
import GongkaiWorkflow

/// A region as stored.
public struct StoredRegion: Sendable, Equatable, Codable {
    /// The store's id.
    public var id: UUID
    /// The region's code (a 行政区划代码 or the bureau's own).
    public var code: String
    /// Its name (示例区).
    public var name: String
}

/// A 主管部门 as stored.
public struct StoredDepartment: Sendable, Equatable, Codable {
    /// The store's id.
    public var id: UUID
    /// Its region.
    public var regionID: UUID
    /// The department's code in the budget system.
    public var code: String
    /// Its name.
    public var name: String
}

/// A budget unit as stored, with where it sits.
public struct StoredUnit: Sendable, Equatable, Codable {
    /// The store's id.
    public var id: UUID
    /// Its 主管部门.
    public var departmentID: UUID
    /// Its region.
    public var regionID: UUID
    /// The unit's code in the budget system.
    public var code: String
    /// Its name.
    public var name: String
    /// Where the public asks for information (依申请公开), if given.
    public var contact: String?

    /// The unit's place, for scope checks.
    public var place: UnitPlace {
        UnitPlace(unit: id.uuidString, department: departmentID.uuidString, region: regionID.uuidString)
    }
}

/// A staff account as stored (without its password hash).
public struct StoredAccount: Sendable, Equatable, Codable {
    /// The store's id.
    public var id: UUID
    /// The sign-in name.
    public var username: String
    /// The name shown.
    public var displayName: String
    /// What the account may do, and where.
    public var actor: Actor
}

/// A version of a unit's budget or 决算, as stored.
public struct StoredVersion: Sendable, Equatable {
    /// The store's id.
    public var id: UUID
    /// The unit.
    public var unitID: UUID
    /// The fiscal year.
    public var fiscalYear: Int
    /// 预算 or 决算.
    public var phase: DocumentKind
    /// 1 for the first version of this unit, year and phase, then 2, 3 …
    public var number: Int
    /// Where it stands.
    public var state: VersionState
    /// The budget data.
    public var budget: Budget
    /// sha256 of the stored budget JSON.
    public var contentSHA256: String
    /// 支出合计 in fen.
    public var totalExpenditureFen: Int64
    /// The published version this one corrects, if any.
    public var replacesID: UUID?
    /// The version that corrected this one, once it is published.
    public var supersededByID: UUID?
    /// The 批复 date (yyyy-MM-dd), once recorded.
    public var approvalDate: String?
    /// The last return comment, if any.
    public var lastComment: String?
    /// When it was created, last changed, submitted and published (ISO 8601, UTC).
    public var createdAt: String
    /// When it was last changed.
    public var updatedAt: String
    /// When it was last submitted.
    public var submittedAt: String?
    /// When it was published.
    public var publishedAt: String?
}

/// One file of a published package, as stored.
public struct StoredFile: Sendable, Equatable, Codable {
    /// The file's path in the package (`name.pdf`, `csv/01-收支总表.csv` …).
    public var name: String
    /// Its media type.
    public var mediaType: String
    /// sha256 of its bytes (hex).
    public var sha256: String
    /// Its size in bytes.
    public var size: Int64
}

/// A file to publish: its path in the package and its bytes.
public struct PublishedFileInput: Sendable {
    /// The file's path in the package.
    public var name: String
    /// Its bytes.
    public var data: Data

    /// Creates a file to publish.
    public init(name: String, data: Data) {
        self.name = name
        self.data = data
    }

    /// The media type its extension gives.
    var mediaType: String {
        switch (name as NSString).pathExtension.lowercased() {
        case "pdf": "application/pdf"
        case "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        case "html": "text/html; charset=utf-8"
        case "json": "application/json"
        case "csv": "text/csv; charset=utf-8"
        case "md": "text/markdown; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}

/// What the budget rules found on a version's content, for the steps they gate (submission and
/// publication): the content's sha256 ties the verdict to the data it was reached on.
public struct RuleVerdict: Sendable, Equatable {
    /// The sha256 of the content the rules ran on (`StoredVersion.contentSHA256`).
    public var contentSHA256: String
    /// How many error findings they reported.
    public var errorFindings: Int

    /// Creates a verdict.
    public init(contentSHA256: String, errorFindings: Int) {
        self.contentSHA256 = contentSHA256
        self.errorFindings = errorFindings
    }
}
