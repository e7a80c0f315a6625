import Foundation
import GongkaiCore
import GongkaiReport
import GongkaiStore
import GongkaiWorkflow
import Vapor

/// What the 财政局 reads of its region: the filled 检查表 of a checked batch, and how the region's
/// units stand on publishing a year's disclosures on time.
enum ComplianceHandlers {
    /// The batch's 检查表 as the district's workbook: one sheet per checked file, then 汇总 with the
    /// five dimensions of each and their counts.
    @Sendable static func checklist(_ req: Request) async throws -> Response {
        let progress = try await CheckHandlers.visibleBatch(req)
        // Every file of the batch has its row; one not yet checked is judged on nothing.
        let documents = try progress.files.map { file in
            try BatchFileBody.checklist(of: file) ?? ChecklistDocument(notChecked: file.name, reason: "尚未检查完（\(file.job.state.chineseName)）")
        }
        let title = "\(progress.batch.name) 预决算公开检查汇总"
        let data = try await req.application.workThreads.runIfActive { try ChecklistWorkbookWriter.workbook(documents, title: title) }
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        response.headers.replaceOrAdd(name: .contentDisposition, value: contentDisposition("检查表-\(progress.batch.id.uuidString.prefix(8)).xlsx"))
        return response
    }

    /// `attachment` (or `inline`) with an ASCII name for old clients and the real one percent-encoded (RFC 6266).
    static func contentDisposition(_ name: String, fallback: String = "checklist.xlsx", inline: Bool = false) -> String {
        let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
        return "\(inline ? "inline" : "attachment"); filename=\"\(fallback)\"; filename*=UTF-8''\(name.addingPercentEncoding(withAllowedCharacters: unreserved) ?? fallback)"
    }

    /// Each unit of the caller's region for a year and phase: published or not, and 及时性 from
    /// the 批复 date and the time of first publication; counted per 主管部门 and for the region.
    /// API clients read what the public reads: versions not yet public do not show.
    @Sendable static func region(_ req: Request) async throws -> Response {
        let regionID = try req.uuid("regionID")
        guard try req.caller().actor.scope.id == regionID.uuidString else { throw StoreError.notFound("地区 \(regionID)") }
        let region = try await req.store.region(regionID)
        guard let year = try req.query.get(Int?.self, at: "year"), (2000...2100).contains(year) else {
            throw Problem(.badRequest, code: "bad-year", title: "year 应为 2000 到 2100 之间的年度，如 2026")
        }
        let phaseText = try req.query.get(String?.self, at: "phase") ?? DocumentKind.budget.rawValue
        guard let phase = DocumentKind(rawValue: phaseText) else {
            throw Problem(.badRequest, code: "bad-phase", title: "phase 应为 budget（预算）或 final-accounts（决算）")
        }
        let deadline = try DimensionMap.standard().deadlineDays
        let seesUnpublished = Workflow.staffReaders.contains(try req.caller().actor.role)
        let units = try await req.store.publications(inRegion: regionID, year: year, phase: phase).map { publications in
            var visible = publications
            if !seesUnpublished { visible.versions = visible.versions.filter(\.state.isPublic) }
            return UnitComplianceBody(visible, deadlineDays: deadline)
        }
        var departments: [String: ComplianceCountsBody] = [:]
        for unit in units { departments[unit.departmentID.uuidString, default: ComplianceCountsBody(name: unit.departmentName)].add(unit) }
        var total = ComplianceCountsBody(name: region.name)
        for unit in units { total.add(unit) }
        let body = RegionComplianceBody(regionID: regionID, year: year, phase: phase.rawValue, deadlineDays: deadline, total: total,
                                        departments: departments.values.sorted { $0.name < $1.name }, units: units)
        return try await body.encodeResponse(for: req)
    }
}

/// One unit's standing for a year and phase.
struct UnitComplianceBody: Content {
    var unitID: UUID
    var unitName: String
    var departmentID: UUID
    var departmentName: String
    /// `published`, `in-preparation` (a version exists, none public yet) or `not-started`.
    var status: String
    var versionID: UUID?
    var approvalDate: String?
    var publishedAt: String?
    var timeliness: DimensionVerdict

    init(_ publications: UnitPublications, deadlineDays: Int) {
        unitID = publications.unit.id
        unitName = publications.unit.name
        departmentID = publications.department.id
        departmentName = publications.department.name
        let first = publications.firstPublished
        status = first != nil ? "published" : publications.versions.isEmpty ? "not-started" : "in-preparation"
        versionID = first?.id
        approvalDate = first?.approvalDate
        publishedAt = first?.publishedAt
        timeliness = ComplianceAssessor.timeliness(approvalDate: first?.approvalDate, published: first?.publishedAt, days: deadlineDays)
    }
}

/// Units counted by standing, for a 主管部门 or the region.
struct ComplianceCountsBody: Content {
    var name: String
    var units = 0
    var published = 0
    var onTime = 0
    var late = 0
    var notPublished = 0

    init(name: String) {
        self.name = name
    }

    mutating func add(_ unit: UnitComplianceBody) {
        units += 1
        if unit.status == "published" { published += 1 } else { notPublished += 1 }
        if unit.timeliness.outcome == .met { onTime += 1 }
        if unit.timeliness.outcome == .notMet { late += 1 }
    }
}

struct RegionComplianceBody: Content {
    var regionID: UUID
    var year: Int
    var phase: String
    var deadlineDays: Int
    var total: ComplianceCountsBody
    var departments: [ComplianceCountsBody]
    var units: [UnitComplianceBody]
}

/// A batch's progress, each file with its job and (once checked) its five dimensions, and the
/// batch's counts per dimension over the files checked so far, in all and per 主管部门.
struct BatchBody: Content {
    struct DepartmentRollUp: Content {
        var department: String
        var rollUp: ComplianceRollUp
    }

    var batch: CheckBatch
    var total: Int
    var byState: [String: Int]
    var files: [BatchFileBody]
    var dimensions: ComplianceRollUp
    var departments: [DepartmentRollUp]

    init(_ progress: BatchProgress) throws {
        batch = progress.batch
        total = progress.total
        byState = progress.byState
        // Each stored checklist is decoded once, for its file's row and for the counts.
        let checklists = try progress.files.map { try BatchFileBody.checklist(of: $0) }
        files = zip(progress.files, checklists).map { BatchFileBody($0, checklist: $1) }
        let checked = checklists.compactMap { $0 }
        dimensions = ComplianceRollUp(checked.map(\.dimensions))
        departments = ComplianceRollUp.byDepartment(checked).map { DepartmentRollUp(department: $0.department, rollUp: $0.rollUp) }
    }
}

struct BatchFileBody: Content {
    var name: String
    var job: JobBody
    var unitName: String?
    var year: Int?
    var dimensions: [DimensionVerdict]?

    init(_ file: BatchProgress.BatchFile, checklist: ChecklistDocument?) {
        name = file.name
        job = JobBody(file.job)
        unitName = checklist?.metadata?.unitName
        year = checklist?.metadata?.year
        dimensions = checklist?.dimensions
    }

    /// The checklist a finished job stored, named as the file is in this batch (the job may have
    /// been made by an earlier upload of the same bytes under another name); nil before it is done.
    static func checklist(of file: BatchProgress.BatchFile) throws -> ChecklistDocument? {
        let job = file.job
        guard let text = job.assessment else { return nil }
        do {
            var document = try JSONDecoder().decode(ChecklistDocument.self, from: Data(text.utf8))
            document.path = file.name
            return document
        } catch {
            throw StoreError.invalid("检查任务 \(job.id) 保存的检查表无法读取：\(error)")
        }
    }
}

/// A job as the API shows it (its stored assessment is shown as `dimensions` beside it).
struct JobBody: Content {
    var id: UUID
    var sha256: String
    var fileName: String
    var state: JobState
    var attempts: Int
    var outcome: String?
    var error: String?
    var profile: String?
    var errorFindings: Int?
    var finishedAt: String?

    init(_ job: CheckJob) {
        id = job.id
        sha256 = job.sha256
        fileName = job.fileName
        state = job.state
        attempts = job.attempts
        outcome = job.outcome
        error = job.error
        profile = job.profile
        errorFindings = job.errorFindings
        finishedAt = job.finishedAt
    }
}
