import FluentKit
import Foundation
import GongkaiCore
import GongkaiFiles
import GongkaiWorkflow
import SQLKit

extension Store {
    /// Starts version 1 (or the next number) of the unit's budget for the budget's year and phase,
    /// as a draft. Refused while another version of the same unit, year and phase is still in
    /// preparation or review: one version moves through the workflow at a time.
    public func createVersion(unitID: UUID, budget: Budget, by actor: Actor) async throws -> StoredVersion {
        try await write { db in
            let unit = try await unitOn(db, unitID)
            if case .failure(let refusal) = Workflow.mayEdit(.draft, by: actor, at: unit.place) { throw StoreError.refused(refusal) }
            return try await insertVersion(unit: unit, budget: budget, replaces: nil, by: actor, on: db)
        }
    }

    /// Starts a corrected version of a published one: a new draft that names the version it replaces.
    /// The published version stays as it is, and public, until the correction is published.
    public func createCorrection(of versionID: UUID, budget: Budget, by actor: Actor) async throws -> StoredVersion {
        try await write { db in
            let record = try await versionRecord(versionID, on: db)
            let unit = try await unitOn(db, record.unitID)
            if case .failure(let refusal) = Workflow.mayCorrect(try Self.state(record), by: actor, at: unit.place) { throw StoreError.refused(refusal) }
            guard budget.year == record.fiscalYear, budget.phase.rawValue == record.phase else {
                throw StoreError.invalid("更正版本的年度和种类须与原版本相同（\(record.fiscalYear) 年\(DocumentKind(rawValue: record.phase)?.chineseName ?? record.phase)）")
            }
            return try await insertVersion(unit: unit, budget: budget, replaces: versionID, by: actor, on: db)
        }
    }

    /// Replaces the budget data of an editable version (draft or returned); with `expected`, only
    /// while its content's sha256 is still that (the content an editor's form was made from), else a conflict.
    public func updateBudget(of versionID: UUID, to budget: Budget, by actor: Actor, replacing expected: String? = nil) async throws -> StoredVersion {
        try await write { db in
            let record = try await versionRecord(versionID, on: db)
            if let expected, expected != record.contentSHA256 { throw StoreError.conflict("该版本在您打开之后已被修改，请刷新后在最新数据上重新修改") }
            let unit = try await unitOn(db, record.unitID)
            let state = try Self.state(record)
            if case .failure(let refusal) = Workflow.mayEdit(state, by: actor, at: unit.place) { throw StoreError.refused(refusal) }
            guard budget.year == record.fiscalYear, budget.phase.rawValue == record.phase else {
                throw StoreError.invalid("预算数据的年度和种类须与该版本相同（\(record.fiscalYear) 年\(DocumentKind(rawValue: record.phase)?.chineseName ?? record.phase)）")
            }
            let content = try Self.content(budget)
            let time = now()
            let updated = try await sql(db).update(VersionRecord.schema)
                .set("content", to: content.json).set("content_sha256", to: content.sha256)
                .set("total_expenditure_fen", to: budget.expenditureSums.total.fen).set("updated_at", to: time)
                .where("id", .equal, versionID).where("state", .equal, state.rawValue)
                .returning("id").all()
            guard !updated.isEmpty else { throw StoreError.conflict("该版本刚被他人处理，请刷新后重试") }
            try await appendAudit(AuditEntry(actor: actor, action: "edit-version", objectKind: "version", objectID: versionID.uuidString,
                                             region: unit.regionID, versionID: versionID, contentHash: content.sha256), on: db)
            return try Self.version(try await versionRecord(versionID, on: db))
        }
    }

    /// Takes a workflow step other than publishing. Submission is gated by the rules: `verdict` says
    /// what they found on which content, and is refused when the version's content has changed since
    /// (or when there is no verdict). Exactly one of two people acting on the same version at once
    /// succeeds; the other gets a conflict.
    public func apply(_ action: WorkflowAction, to versionID: UUID, by actor: Actor, comment: String? = nil,
                      verdict: RuleVerdict? = nil) async throws -> StoredVersion {
        guard action != .publish else { throw StoreError.invalid("公开须通过 publish 写入公开文件") }
        return try await write { db in
            let record = try await versionRecord(versionID, on: db)
            let unit = try await unitOn(db, record.unitID)
            let state = try Self.state(record)
            // A verdict on other content says nothing about this one: a conflict, whatever it found.
            if Workflow.transition(action).gatedByRules { try Self.require(verdict, matches: record) }
            let next: VersionState
            switch Workflow.decide(action, on: state, by: actor, at: unit.place, comment: comment, errorFindings: verdict?.errorFindings ?? 0,
                                   hasApprovalDate: record.approvalDate != nil) {
            case .success(let target): next = target
            case .failure(let refusal): throw StoreError.refused(refusal)
            }
            let time = now()
            var update = try sql(db).update(VersionRecord.schema).set("state", to: next.rawValue).set("updated_at", to: time)
            if action == .submit { update = update.set("submitted_at", to: time) }
            if next == .returned { update = update.set("last_comment", to: comment) }
            let updated = try await update.where("id", .equal, versionID).where("state", .equal, state.rawValue)
                .where("content_sha256", .equal, record.contentSHA256).returning("id").all()
            guard !updated.isEmpty else { throw StoreError.conflict("该版本刚被他人处理，请刷新后重试") }
            try await appendAudit(AuditEntry(actor: actor, action: action.rawValue, objectKind: "version", objectID: versionID.uuidString,
                                             region: unit.regionID, versionID: versionID, reason: comment, contentHash: record.contentSHA256), on: db)
            return try Self.version(try await versionRecord(versionID, on: db))
        }
    }

    /// Publishes an approved version with its rendered files, in one transaction: the files are
    /// stored under their sha256 and listed for the version, then the version is marked published
    /// with the 批复 date and the time, and the version it corrects (if any) is marked superseded.
    /// `verdict` is what the rules found on the content the files were rendered from; `index` is
    /// what the portal reads of it (it replaces the superseded version's).
    public func publish(_ versionID: UUID, files: [PublishedFileInput], approvalDate: String, by actor: Actor,
                        verdict: RuleVerdict, index: PublicationIndex) async throws -> StoredVersion {
        guard Self.isDate(approvalDate) else { throw StoreError.invalid("批复日期“\(approvalDate)”应为 年-月-日，如 2026-02-10") }
        return try await write { db in
            let record = try await versionRecord(versionID, on: db)
            let unit = try await unitOn(db, record.unitID)
            let state = try Self.state(record)
            try Self.require(verdict, matches: record)
            if case .failure(let refusal) = Workflow.decide(.publish, on: state, by: actor, at: unit.place, comment: nil,
                                                            errorFindings: verdict.errorFindings, hasApprovalDate: true) {
                throw StoreError.refused(refusal)
            }
            guard !files.isEmpty else { throw StoreError.invalid("公开的文件包是空的") }
            let time = now()
            for file in files {
                let digest = SHA256.hex(file.data)
                try await storeBlob(file.data, sha256: digest, time: time, on: db)
                try await PublicationFileRecord(versionID: versionID, name: file.name, mediaType: file.mediaType, sha256: digest,
                                                size: Int64(file.data.count)).create(on: db)
                try await appendAudit(AuditEntry(actor: actor, action: "publish-file", objectKind: "file", objectID: file.name,
                                                 region: unit.regionID, versionID: versionID, contentHash: digest), on: db)
            }
            let updated = try await sql(db).update(VersionRecord.schema)
                .set("state", to: VersionState.published.rawValue).set("updated_at", to: time)
                .set("published_at", to: time).set("approval_date", to: approvalDate)
                .where("id", .equal, versionID).where("state", .equal, state.rawValue)
                .where("content_sha256", .equal, record.contentSHA256).returning("id").all()
            guard !updated.isEmpty else { throw StoreError.conflict("该版本刚被他人处理，请刷新后重试") }
            if let replaced = record.replacesID {
                let superseded = try await sql(db).update(VersionRecord.schema)
                    .set("state", to: VersionState.superseded.rawValue).set("superseded_by_id", to: versionID).set("updated_at", to: time)
                    .where("id", .equal, replaced).where("state", .equal, VersionState.published.rawValue).returning("id").all()
                guard !superseded.isEmpty else { throw StoreError.conflict("被更正的版本已不是当前有效的公开版本，不能再以此更正替代") }
                try await appendAudit(AuditEntry(actor: actor, action: "supersede", objectKind: "version", objectID: replaced.uuidString,
                                                 region: unit.regionID, versionID: replaced, reason: "由第 \(record.number) 版更正"), on: db)
            }
            try await writeIndex(index, of: record, unit: unit, replacing: record.replacesID, on: db)
            try await appendAudit(AuditEntry(actor: actor, action: WorkflowAction.publish.rawValue, objectKind: "version", objectID: versionID.uuidString,
                                             region: unit.regionID, versionID: versionID, reason: "批复日期 \(approvalDate)",
                                             contentHash: record.contentSHA256), on: db)
            return try Self.version(try await versionRecord(versionID, on: db))
        }
    }

    /// A version by id.
    public func version(_ id: UUID) async throws -> StoredVersion {
        try Self.version(try await versionRecord(id, on: database))
    }

    /// Every version of a unit, newest year first, then by phase and number.
    public func versions(ofUnit unitID: UUID) async throws -> [StoredVersion] {
        try await VersionRecord.query(on: database).filter(\.$unitID == unitID)
            .sort(\.$fiscalYear, .descending).sort(\.$phase).sort(\.$number).all().map(Self.version)
    }

    /// Versions in the given states, ordered by id, after the cursor, at most `limit`.
    public func versions(inStates states: [VersionState], after: UUID? = nil, limit: Int = 100) async throws -> [StoredVersion] {
        var query = VersionRecord.query(on: database).filter(\.$state ~~ states.map(\.rawValue))
        if let after { query = query.filter(\.$id > after) }
        return try await query.sort(\.$id).limit(limit).all().map(Self.version)
    }

    /// The files of a published version, by name.
    public func files(ofVersion id: UUID) async throws -> [StoredFile] {
        try await PublicationFileRecord.query(on: database).filter(\.$versionID == id).sort(\.$name).all()
            .map { StoredFile(name: $0.name, mediaType: $0.mediaType, sha256: $0.sha256, size: $0.size) }
    }

    /// The bytes stored under a sha256.
    public func blob(_ sha256: String) async throws -> Data {
        guard let record = try await BlobRecord.find(sha256, on: database) else { throw StoreError.notFound("文件 \(sha256)") }
        return record.data
    }

    // MARK: - Helpers

    private func insertVersion(unit: StoredUnit, budget: Budget, replaces: UUID?, by actor: Actor, on db: any Database) async throws -> StoredVersion {
        let existing = try await VersionRecord.query(on: db).filter(\.$unitID == unit.id).filter(\.$fiscalYear == budget.year)
            .filter(\.$phase == budget.phase.rawValue).all()
        if let open = existing.first(where: { !(VersionState(rawValue: $0.state)?.isPublic ?? true) }) {
            throw StoreError.invalid("该单位 \(budget.year) 年\(budget.phase.chineseName)已有第 \(open.number) 版在编制或审核中（\(VersionState(rawValue: open.state)?.chineseName ?? open.state)），请在该版本上修改")
        }
        if replaces == nil, let published = existing.first(where: { $0.state == VersionState.published.rawValue }) {
            throw StoreError.invalid("该单位 \(budget.year) 年\(budget.phase.chineseName)已公开第 \(published.number) 版；如需修改，请新建更正版本")
        }
        let content = try Self.content(budget)
        let time = now()
        let record = VersionRecord()
        record.id = UUID()
        record.unitID = unit.id
        record.fiscalYear = budget.year
        record.phase = budget.phase.rawValue
        record.number = (existing.map(\.number).max() ?? 0) + 1
        record.state = VersionState.draft.rawValue
        record.content = content.json
        record.contentSHA256 = content.sha256
        record.totalExpenditureFen = budget.expenditureSums.total.fen
        record.replacesID = replaces
        record.createdAt = time
        record.updatedAt = time
        try await record.create(on: db)
        let id = try record.requireID()
        try await appendAudit(AuditEntry(actor: actor, action: replaces == nil ? "create-version" : "create-correction", objectKind: "version",
                                         objectID: id.uuidString, region: unit.regionID, versionID: id, reason: replaces.map { "更正 \($0.uuidString)" },
                                         contentHash: content.sha256), on: db)
        return try Self.version(record)
    }

    private func versionRecord(_ id: UUID, on db: any Database) async throws -> VersionRecord {
        guard let record = try await VersionRecord.find(id, on: db) else { throw StoreError.notFound("预算版本 \(id)") }
        return record
    }

    func unitOn(_ db: any Database, _ id: UUID) async throws -> StoredUnit {
        guard let record = try await UnitRecord.find(id, on: db) else { throw StoreError.notFound("单位 \(id)") }
        guard let department = try await DepartmentRecord.find(record.departmentID, on: db) else { throw StoreError.notFound("部门 \(record.departmentID)") }
        return try Self.unit(record, regionID: department.regionID)
    }

    /// The budget as stored: JSON with sorted keys, so equal budgets have equal digests.
    static func content(_ budget: Budget) throws -> (json: String, sha256: String) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(budget)
        return (String(decoding: data, as: UTF8.self), SHA256.hex(data))
    }

    static func state(_ record: VersionRecord) throws -> VersionState {
        guard let state = VersionState(rawValue: record.state) else { throw StoreError.invalid("版本状态“\(record.state)”无效") }
        return state
    }

    static func version(_ record: VersionRecord) throws -> StoredVersion {
        guard let phase = DocumentKind(rawValue: record.phase) else { throw StoreError.invalid("版本种类“\(record.phase)”无效") }
        let budget = try JSONDecoder().decode(Budget.self, from: Data(record.content.utf8))
        return StoredVersion(id: try record.requireID(), unitID: record.unitID, fiscalYear: record.fiscalYear, phase: phase, number: record.number,
                             state: try state(record), budget: budget, contentSHA256: record.contentSHA256,
                             totalExpenditureFen: record.totalExpenditureFen, replacesID: record.replacesID, supersededByID: record.supersededByID,
                             approvalDate: record.approvalDate, lastComment: record.lastComment, createdAt: record.createdAt,
                             updatedAt: record.updatedAt, submittedAt: record.submittedAt, publishedAt: record.publishedAt)
    }

    /// Stores bytes under their sha256 unless they are stored already (by this transaction, an
    /// earlier one or one committing at the same moment: the insert then does nothing).
    func storeBlob(_ data: Data, sha256 digest: String, time: String, on db: any Database) async throws {
        try await sql(db).insert(into: BlobRecord.schema).columns("sha256", "size", "data", "created_at")
            .values(SQLBind(digest), SQLBind(Int64(data.count)), SQLBind(data), SQLBind(time))
            .ignoringConflicts(with: ["sha256"]).run()
    }

    /// Refuses a rule-gated step without a verdict, or with one on other content than the version's.
    private static func require(_ verdict: RuleVerdict?, matches record: VersionRecord) throws {
        guard let verdict else { throw StoreError.invalid("报送和公开须先检查预算数据") }
        guard verdict.contentSHA256 == record.contentSHA256 else { throw StoreError.conflict("预算数据在检查之后已被修改，请重新操作") }
    }

    static func isDate(_ text: String) -> Bool {
        let parts = text.split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]) else { return false }
        var components = DateComponents(year: year, month: month, day: day)
        components.calendar = Calendar(identifier: .gregorian)
        return (2000...2100).contains(year) && components.isValidDate
    }
}

extension Store {
    /// A file of a public (published or superseded) version, by its sha256; files uploaded for
    /// checking, or published by no version, are not found.
    public func publishedFile(_ sha256: String) async throws -> StoredFile {
        let publicStates = VersionState.allCases.filter(\.isPublic).map(\.rawValue)
        let rows = try await sql(database).select().columns(SQLColumn("name", table: "f"), SQLColumn("media_type", table: "f"), SQLColumn("size", table: "f"))
            .from(SQLAlias(SQLIdentifier(PublicationFileRecord.schema), as: SQLIdentifier("f")))
            .join(SQLAlias(SQLIdentifier(VersionRecord.schema), as: SQLIdentifier("v")), method: SQLJoinMethod.inner,
                  on: SQLColumn("version_id", table: "f"), .equal, SQLColumn("id", table: "v"))
            .where(SQLColumn("sha256", table: "f"), .equal, SQLBind(sha256))
            .where(SQLColumn("state", table: "v"), .in, SQLBind.group(publicStates))
            .limit(1).all()
        if let row = rows.first {
            return StoredFile(name: try row.decode(column: "name", as: String.self), mediaType: try row.decode(column: "media_type", as: String.self),
                              sha256: sha256, size: try row.decode(column: "size", as: Int64.self))
        }
        throw StoreError.notFound("公开文件 \(sha256)")
    }
}
