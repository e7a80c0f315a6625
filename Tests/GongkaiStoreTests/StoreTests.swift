import FluentKit
import Foundation
import GongkaiCore
import GongkaiFiles
import GongkaiStore
import GongkaiWorkflow
import SQLKit
import Testing

/// Takes a new version of the example budget to `bureauApproved`.
func approvedVersion(_ district: District) async throws -> StoredVersion {
    let store = district.store
    let draft = try await store.createVersion(unitID: district.unit.id, budget: try exampleBudget(), by: district.editor)
    _ = try await store.apply(.submit, to: draft.id, by: district.submitter, verdict: noFindings(draft))
    _ = try await store.apply(.approveAsDepartment, to: draft.id, by: district.departmentReviewer)
    return try await store.apply(.approveAsBureau, to: draft.id, by: district.bureauReviewer)
}

let packageFiles = [
    PublishedFileInput(name: "单位预算.pdf", data: Data("%PDF-1.7 示例".utf8)),
    PublishedFileInput(name: "单位预算.xlsx", data: Data("PK 示例".utf8)),
    PublishedFileInput(name: "csv/01-收支总表.csv", data: Data("项目,预算数\n".utf8)),
]

/// A small portal index: one figure, one 科目 and one sentence.
let testIndex = PublicationIndex(
    figures: [IndexedFigure(measure: "expenditure", label: "支出合计", amount: Amount(fen: 123_400))],
    texts: [IndexedText(kind: .subject, text: "2050201 学前教育", anchor: "table-5"),
            IndexedText(kind: .sentence, text: "“三公”经费预算0.50万元，与上年持平。", anchor: "section-4")])

@Suite struct StoreWorkflowTests {
    @Test(arguments: Backend.available)
    func aDraftGoesFromTheUnitThroughBothReviewsToPublished(_ backend: Backend) async throws {
        try await withDistrict(backend) { district in
            let store = district.store
            var budget = try exampleBudget()
            let draft = try await store.createVersion(unitID: district.unit.id, budget: budget, by: district.editor)
            #expect(draft.state == .draft && draft.number == 1)
            #expect(draft.totalExpenditureFen == budget.expenditureSums.total.fen)
            budget.unit.staffCount = (budget.unit.staffCount ?? 0) + 1
            let edited = try await store.updateBudget(of: draft.id, to: budget, by: district.editor)
            #expect(edited.budget == budget && edited.contentSHA256 != draft.contentSHA256)
            // A verdict on the content before the edit no longer counts.
            #expect(await conflict { try await store.apply(.submit, to: draft.id, by: district.submitter, verdict: noFindings(draft)) })
            let submitted = try await store.apply(.submit, to: draft.id, by: district.submitter, verdict: noFindings(edited))
            #expect(submitted.state == .submitted && submitted.submittedAt != nil)
            #expect(try await store.apply(.approveAsDepartment, to: draft.id, by: district.departmentReviewer).state == .departmentApproved)
            #expect(try await store.apply(.approveAsBureau, to: draft.id, by: district.bureauReviewer).state == .bureauApproved)
            let published = try await store.publish(draft.id, files: packageFiles, approvalDate: "2026-02-10", by: district.bureauReviewer,
                                                    verdict: noFindings(edited), index: testIndex)
            #expect(published.state == .published && published.approvalDate == "2026-02-10" && published.publishedAt != nil)
            let files = try await store.files(ofVersion: draft.id)
            #expect(files.map(\.name) == packageFiles.map(\.name).sorted())
            for file in packageFiles {
                let stored = try #require(files.first { $0.name == file.name })
                #expect(stored.sha256 == SHA256.hex(file.data))
                #expect(try await store.blob(stored.sha256) == file.data)
            }
            let actions = try await store.auditEvents(ofVersion: draft.id).map(\.action)
            #expect(actions == ["create-version", "edit-version", "submit", "approve-as-department", "approve-as-bureau",
                                "publish-file", "publish-file", "publish-file", "publish"])
            let verification = try await store.verifyAudit()
            #expect(verification.firstBreak == nil)
            #expect(verification.verified == Int64(try await store.auditEvents().count))
        }
    }

    @Test(arguments: Backend.available)
    func aReturnedVersionKeepsTheCommentAndIsEditedAndSubmittedAgain(_ backend: Backend) async throws {
        try await withDistrict(backend) { district in
            let store = district.store
            let draft = try await store.createVersion(unitID: district.unit.id, budget: try exampleBudget(), by: district.editor)
            _ = try await store.apply(.submit, to: draft.id, by: district.submitter, verdict: noFindings(draft))
            let returned = try await store.apply(.returnAsDepartment, to: draft.id, by: district.departmentReviewer, comment: "三公经费变动原因未说明")
            #expect(returned.state == .returned && returned.lastComment == "三公经费变动原因未说明")
            let edited = try await store.updateBudget(of: draft.id, to: try exampleBudget(), by: district.editor)
            #expect(try await store.apply(.submit, to: draft.id, by: district.submitter, verdict: noFindings(edited)).state == .submitted)
            let reasons = try await store.auditEvents(ofVersion: draft.id).compactMap(\.reason)
            #expect(reasons.contains("三公经费变动原因未说明"))
        }
    }

    @Test(arguments: Backend.available)
    func errorFindingsBlockSubmission(_ backend: Backend) async throws {
        try await withDistrict(backend) { district in
            let draft = try await district.store.createVersion(unitID: district.unit.id, budget: try exampleBudget(), by: district.editor)
            let found = RuleVerdict(contentSHA256: draft.contentSHA256, errorFindings: 1)
            #expect(await refusal { try await district.store.apply(.submit, to: draft.id, by: district.submitter, verdict: found) } == .blockedByFindings)
            // Without a verdict at all, submission is refused too.
            await #expect(throws: StoreError.self) { try await district.store.apply(.submit, to: draft.id, by: district.submitter) }
            #expect(try await district.store.version(draft.id).state == .draft)
        }
    }

    @Test(arguments: Backend.available)
    func nobodyActsOutsideTheirScope(_ backend: Backend) async throws {
        try await withDistrict(backend) { district in
            let store = district.store
            let budget = try exampleBudget()
            #expect(await refusal { try await store.createVersion(unitID: district.unit.id, budget: budget, by: district.otherUnitSubmitter) } == .outOfScope)
            let draft = try await store.createVersion(unitID: district.unit.id, budget: budget, by: district.editor)
            #expect(await refusal { try await store.updateBudget(of: draft.id, to: budget, by: district.departmentReviewer) } == .roleNotAllowed)
            let verdict = noFindings(draft)
            #expect(await refusal { try await store.apply(.submit, to: draft.id, by: district.otherUnitSubmitter, verdict: verdict) } == .outOfScope)
            #expect(await refusal { try await store.apply(.submit, to: draft.id, by: district.editor, verdict: verdict) } == .roleNotAllowed)
        }
    }

    @Test(arguments: Backend.available)
    func oneVersionMovesThroughTheWorkflowAtATime(_ backend: Backend) async throws {
        try await withDistrict(backend) { district in
            _ = try await district.store.createVersion(unitID: district.unit.id, budget: try exampleBudget(), by: district.editor)
            await #expect(throws: StoreError.self) {
                try await district.store.createVersion(unitID: district.unit.id, budget: try exampleBudget(), by: district.editor)
            }
        }
    }
}

@Suite struct PublishedVersionTests {
    @Test(arguments: Backend.available)
    func noStoreCallChangesAPublishedVersion(_ backend: Backend) async throws {
        try await withDistrict(backend) { district in
            let store = district.store
            let version = try await approvedVersion(district)
            let published = try await store.publish(version.id, files: packageFiles, approvalDate: "2026-02-10", by: district.bureauReviewer,
                                                    verdict: noFindings(version), index: testIndex)
            var changed = published.budget
            changed.unit.staffCount = 99
            await #expect(throws: StoreError.self) { try await store.updateBudget(of: version.id, to: changed, by: district.editor) }
            for action in WorkflowAction.allCases where action != .publish {
                for actor in [district.submitter, district.departmentReviewer, district.bureauReviewer, district.administrator] {
                    await #expect(throws: StoreError.self) {
                        try await store.apply(action, to: version.id, by: actor, comment: "再改", verdict: noFindings(version))
                    }
                }
            }
            await #expect(throws: StoreError.self) {
                try await store.publish(version.id, files: packageFiles, approvalDate: "2026-03-01", by: district.bureauReviewer, verdict: noFindings(version), index: testIndex)
            }
            await #expect(throws: StoreError.self) { try await store.createVersion(unitID: district.unit.id, budget: changed, by: district.editor) }
            #expect(try await store.version(version.id) == published)
            #expect(try await store.files(ofVersion: version.id).count == packageFiles.count)
        }
    }

    @Test(arguments: Backend.available)
    func theDatabaseRefusesToChangeWhatIsPublishedEvenToDirectSQL(_ backend: Backend) async throws {
        try await withDistrict(backend) { district in
            let store = district.store
            let version = try await approvedVersion(district)
            _ = try await store.publish(version.id, files: packageFiles, approvalDate: "2026-02-10", by: district.bureauReviewer,
                                                    verdict: noFindings(version), index: testIndex)
            let sql = try #require(store.database as? any SQLDatabase)
            let id = version.id
            let attempts: [String: @Sendable () async throws -> Void] = [
                "edit content": { try await sql.update("budget_versions").set("content", to: "{}").where("id", .equal, id).run() },
                "back to draft": { try await sql.update("budget_versions").set("state", to: "draft").where("id", .equal, id).run() },
                "new 批复 date": { try await sql.update("budget_versions").set("approval_date", to: "2026-01-01").where("id", .equal, id).run() },
                "delete version": { try await sql.delete(from: "budget_versions").where("id", .equal, id).run() },
                "edit blob": { try await sql.update("blobs").set("data", to: Data("x".utf8)).run() },
                "delete file": { try await sql.delete(from: "publication_files").run() },
                "edit file digest": { try await sql.update("publication_files").set("sha256", to: "0").run() },
                "delete audit": { try await sql.delete(from: "audit_events").run() },
                "supersede with other content": {
                    try await sql.update("budget_versions").set("state", to: "superseded").set("superseded_by_id", to: UUID())
                        .set("content", to: "{}").where("id", .equal, id).run()
                },
                "add a file": {
                    try await sql.insert(into: "publication_files").columns("id", "version_id", "name", "media_type", "sha256", "size")
                        .values(SQLBind(UUID()), SQLBind(id), SQLBind("追加.pdf"), SQLBind("application/pdf"),
                                SQLBind(SHA256.hex(packageFiles[0].data)), SQLBind(Int64(1))).run()
                },
            ]
            for (name, attempt) in attempts {
                let message = await errorText(attempt)
                #expect(message?.contains("gongkai:") == true, "\(name): \(message ?? "was allowed")")
            }
            if sql.dialect.name == "postgresql" {
                for table in ["budget_versions", "blobs", "publication_files", "audit_events"] {
                    let message = await errorText { try await sql.raw("\(unsafeRaw: "TRUNCATE \(table) CASCADE")").run() }
                    #expect(message?.contains("gongkai:") == true, "truncate \(table): \(message ?? "was allowed")")
                }
            }
            #expect(try await store.version(version.id).state == .published)
            #expect(try await store.files(ofVersion: version.id).count == packageFiles.count)
        }
    }

    @Test(arguments: Backend.available)
    func aCorrectionSupersedesThePublishedVersionAndBothStayPublic(_ backend: Backend) async throws {
        try await withDistrict(backend) { district in
            let store = district.store
            let first = try await approvedVersion(district)
            let original = try await store.publish(first.id, files: packageFiles, approvalDate: "2026-02-10", by: district.bureauReviewer,
                                                   verdict: noFindings(first), index: testIndex)
            var corrected = original.budget
            corrected.unit.staffCount = (corrected.unit.staffCount ?? 0) + 2
            let correction = try await store.createCorrection(of: first.id, budget: corrected, by: district.editor)
            #expect(correction.number == 2 && correction.replacesID == first.id && correction.state == .draft)
            #expect(try await store.version(first.id).state == .published)
            _ = try await store.apply(.submit, to: correction.id, by: district.submitter, verdict: noFindings(correction))
            _ = try await store.apply(.approveAsDepartment, to: correction.id, by: district.departmentReviewer)
            _ = try await store.apply(.approveAsBureau, to: correction.id, by: district.bureauReviewer)
            let newFiles = [PublishedFileInput(name: "单位预算.pdf", data: Data("%PDF-1.7 更正".utf8))]
            _ = try await store.publish(correction.id, files: newFiles, approvalDate: "2026-02-10", by: district.bureauReviewer,
                                        verdict: noFindings(correction), index: testIndex)
            let old = try await store.version(first.id)
            #expect(old.state == .superseded && old.supersededByID == correction.id)
            #expect(old.budget == original.budget && old.publishedAt == original.publishedAt)
            #expect(try await store.files(ofVersion: first.id).count == packageFiles.count)
            #expect(try await store.version(correction.id).state == .published)
            await #expect(throws: StoreError.self) { try await store.createCorrection(of: first.id, budget: corrected, by: district.editor) }
            #expect(try await store.verifyAudit().firstBreak == nil)
        }
    }

    @Test(arguments: Backend.available)
    func aPublicationThatFailsHalfwayLeavesNothingWritten(_ backend: Backend) async throws {
        try await withDistrict(backend) { district in
            let store = district.store
            let version = try await approvedVersion(district)
            let eventsBefore = try await store.auditEvents().count
            // The same name twice: the second file row violates the unique name, after the first was written.
            let clashing = [PublishedFileInput(name: "a.pdf", data: Data("one".utf8)), PublishedFileInput(name: "a.pdf", data: Data("two".utf8))]
            await #expect(throws: (any Error).self) {
                try await store.publish(version.id, files: clashing, approvalDate: "2026-02-10", by: district.bureauReviewer, verdict: noFindings(version), index: testIndex)
            }
            #expect(try await store.version(version.id).state == .bureauApproved)
            #expect(try await store.files(ofVersion: version.id).isEmpty)
            await #expect(throws: StoreError.self) { try await store.blob(SHA256.hex(Data("one".utf8))) }
            #expect(try await store.auditEvents().count == eventsBefore)
        }
    }
}

@Suite struct ConcurrencyAndAuditTests {
    @Test(arguments: Backend.available)
    func twoReviewersActingAtOnceExactlyOneWins(_ backend: Backend) async throws {
        try await withDistrict(backend) { district in
            let store = district.store
            for round in 0..<5 {
                var budget = try exampleBudget()
                budget.year += round
                let draft = try await store.createVersion(unitID: district.unit.id, budget: budget, by: district.editor)
                _ = try await store.apply(.submit, to: draft.id, by: district.submitter, verdict: noFindings(draft))
                // Two handles, two connections: the two steps really run at once.
                let other = district.secondHandle
                async let approve = outcome { try await store.apply(.approveAsDepartment, to: draft.id, by: district.departmentReviewer) }
                async let giveBack = outcome {
                    try await other.apply(.returnAsDepartment, to: draft.id, by: district.departmentReviewer, comment: "请修改")
                }
                let results = await [approve, giveBack]
                let winners = results.compactMap { try? $0.get() }
                #expect(winners.count == 1, "round \(round): \(results)")
                let final = try await store.version(draft.id)
                #expect(final.state == winners.first?.state)
                let reviews = try await store.auditEvents(ofVersion: draft.id).filter { $0.action.hasSuffix("-as-department") }
                #expect(reviews.count == 1)
            }
            #expect(try await store.verifyAudit().firstBreak == nil)
        }
    }

    @Test(arguments: Backend.available)
    func auditVerificationFindsTheEditedRow(_ backend: Backend) async throws {
        try await withDistrict(backend) { district in
            let store = district.store
            let version = try await approvedVersion(district)
            let target = try #require(try await store.auditEvents(ofVersion: version.id).first { $0.action == "approve-as-department" })
            let sql = try #require(store.database as? any SQLDatabase)
            // Someone with the database's own rights turns the write-once guard off and rewrites history.
            if sql.dialect.name == "postgresql" {
                try await sql.raw("ALTER TABLE audit_events DISABLE TRIGGER audit_events_write_once").run()
            } else {
                try await sql.raw("DROP TRIGGER audit_events_unchanged").run()
            }
            try await sql.update("audit_events").set("actor", to: "someone-else").where("sequence", .equal, target.sequence).run()
            let verification = try await store.verifyAudit()
            #expect(verification.firstBreak?.sequence == target.sequence)
            #expect(verification.verified == target.sequence - 1)
        }
    }
}

@Suite struct SchemaTests {
    @Test(.enabled(if: Backend.postgresURL != nil, "GONGKAI_TEST_POSTGRES_URL is not set: PostgreSQL is not compared"))
    func migrationsGiveTheSameTablesAndColumnsOnSQLiteAndPostgreSQL() async throws {
        let sqlite = try await withStore(.sqlite) { store, _ in try await schema(store.database) }
        let postgres = try await withStore(.postgres) { store, _ in try await schema(store.database) }
        #expect(sqlite == postgres)
        #expect(sqlite.keys.contains("budget_versions") && sqlite.keys.contains("audit_events"))
    }
}

/// The text of the error `body` throws, or nil when it succeeds.
private func errorText(_ body: @Sendable () async throws -> Void) async -> String? {
    do {
        try await body()
        return nil
    } catch {
        return String(reflecting: error)
    }
}

/// Whether `body` fails with a conflict.
private func conflict<T: Sendable>(_ body: @Sendable () async throws -> T) async -> Bool {
    do {
        _ = try await body()
        return false
    } catch StoreError.conflict {
        return true
    } catch {
        return false
    }
}

/// The result of async work, error included.
private func outcome<T: Sendable>(_ body: @Sendable () async throws -> T) async -> Result<T, any Error> {
    do { return .success(try await body()) } catch { return .failure(error) }
}

/// Table → [column: nullable], the part of a schema both databases describe alike.
private func schema(_ database: any Database) async throws -> [String: [String: Bool]] {
    let sql = try #require(database as? any SQLDatabase)
    var tables: [String: [String: Bool]] = [:]
    if sql.dialect.name == "postgresql" {
        let rows = try await sql.raw("""
            SELECT table_name, column_name, is_nullable FROM information_schema.columns
            WHERE table_schema = 'public' AND table_name <> '_fluent_migrations'
            """).all()
        for row in rows {
            tables[try row.decode(column: "table_name", as: String.self), default: [:]][try row.decode(column: "column_name", as: String.self)] =
                try row.decode(column: "is_nullable", as: String.self) == "YES"
        }
    } else {
        let names = try await sql.raw("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_fluent_migrations'").all()
        for row in names {
            let table = try row.decode(column: "name", as: String.self)
            for column in try await sql.raw("SELECT name, \"notnull\", pk FROM pragma_table_info(\(bind: table))").all() {
                let notNull = try column.decode(column: "notnull", as: Int.self) == 1 || column.decode(column: "pk", as: Int.self) > 0
                tables[table, default: [:]][try column.decode(column: "name", as: String.self)] = !notNull
            }
        }
    }
    return tables
}

@Suite struct MigrationLockTests {
    @Test(.enabled(if: Backend.postgresURL != nil, "GONGKAI_TEST_POSTGRES_URL is not set: no PostgreSQL to start two servers on"))
    func twoProcessesMigratingOneNewDatabaseAtOnceBothSucceed() async throws {
        try await withFreshPostgres { location in
            let handles = [try OpenedDatabase(location), try OpenedDatabase(location)]
            // Without the lock, both find no migrations run and the second CREATE TABLE fails.
            let outcomes = await withTaskGroup(of: Result<Void, any Error>.self) { group in
                for opened in handles {
                    group.addTask {
                        do { return .success(try await opened.migrate()) } catch { return .failure(error) }
                    }
                }
                var all: [Result<Void, any Error>] = []
                for await outcome in group { all.append(outcome) }
                return all
            }
            let migrated = try await handles[0].isMigrated()
            for opened in handles { await opened.close() }
            for outcome in outcomes { try outcome.get() }
            #expect(migrated)
        }
    }
}
