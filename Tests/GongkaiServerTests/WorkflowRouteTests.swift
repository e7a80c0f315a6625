import Foundation
import GongkaiFiles
import GongkaiTestSupport
import GongkaiServer
import GongkaiStore
import GongkaiWorkflow
@testable import GongkaiXLSX
import Testing
import Vapor
import VaporTesting

@Suite struct WorkflowRouteTests {
    @Test func aBudgetGoesFromDraftToPublishedThroughTheAPIAndItsFilesAreServedByDigest() async throws {
        try await withServer { district in
            let submitter = try await district.signIn("in-unit-submitter")
            let reviewer = try await district.signIn("in-department-reviewer")
            let bureau = try await district.signIn("in-bureau-reviewer")
            let created = try await district.request(.POST, "/api/v1/units/\(district.unit.id)/versions", token: submitter, body: try exampleBudgetJSON())
            #expect(created.status == .created, "\(created.body.string)")
            let draft = try created.content.decode(VersionReply.self)
            #expect(draft.state == "draft" && draft.number == 1)

            // Not public yet: the public does not see it at all.
            #expect(try await district.request(.GET, "/api/v1/versions/\(draft.id)").status == .notFound)

            for (token, action, state) in [(submitter, "submit", "submitted"), (reviewer, "approve-as-department", "department-approved"),
                                           (bureau, "approve-as-bureau", "bureau-approved")] {
                let response = try await district.request(.POST, "/api/v1/versions/\(draft.id)/actions/\(action)", token: token)
                #expect(response.status == .ok, "\(action): \(response.body.string)")
                #expect(try response.content.decode(VersionReply.self).state == state)
            }
            let withoutDate = try await district.request(.POST, "/api/v1/versions/\(draft.id)/actions/publish", token: bureau)
            #expect(withoutDate.status == .unprocessableEntity)
            #expect(try problem(withoutDate).title.contains("批复日期"))
            let published = try await district.request(.POST, "/api/v1/versions/\(draft.id)/actions/publish", token: bureau,
                                                       json: ["approvalDate": "2026-02-10"])
            #expect(published.status == .ok, "\(published.body.string)")
            let version = try published.content.decode(VersionReply.self)
            #expect(version.state == "published" && version.approvalDate == "2026-02-10" && version.publishedAt != nil)

            // Public now, with every rendered file downloadable by its digest.
            let files = try await district.request(.GET, "/api/v1/versions/\(draft.id)/files").content.decode([FileReply].self)
            #expect(files.contains { $0.name.hasSuffix(".html") } && files.contains { $0.name.hasSuffix(".json") } && files.contains { $0.name.hasPrefix("csv/") })
            for file in files.prefix(3) {
                let download = try await district.request(.GET, file.url)
                #expect(download.status == .ok)
                let bytes = Data(download.body.readableBytesView)
                #expect(SHA256.hex(bytes) == file.sha256 && Int64(bytes.count) == file.size)
                #expect(download.headers.first(name: .eTag) == "\"\(file.sha256)\"")
            }
            let html = try #require(files.first { $0.name.hasSuffix(".html") })
            let page = String(decoding: Data(try await district.request(.GET, html.url).body.readableBytesView), as: UTF8.self)
            #expect(page.contains("石柱土家族自治县老干部活动中心"))

            // The trail names every step, and the chain is intact.
            let admin = try await district.signIn("in-bureau-administrator")
            let trail = try await district.request(.GET, "/api/v1/versions/\(draft.id)/audit", token: admin).content.decode([AuditEventReply].self)
            #expect(Array(trail.map(\.action).prefix(4)) == ["create-version", "submit", "approve-as-department", "approve-as-bureau"])
            #expect(trail.last?.action == "publish")
            let verification = try await district.request(.GET, "/api/v1/audit/verification", token: admin).content.decode(VerificationReply.self)
            #expect(verification.intact)
        }
    }

    @Test func noRouteChangesAPublishedVersion() async throws {
        try await withServer { district in
            let id = try await publishedVersion(district)
            let before = try await district.request(.GET, "/api/v1/versions/\(id)").content.decode(VersionReply.self)
            var tokens: [String] = []
            for name in district.insiders.values { tokens.append(try await district.signIn(name)) }
            var budget = try JSONSerialization.jsonObject(with: try exampleBudgetJSON()) as! [String: Any]
            budget["year"] = 2023
            let changed = try JSONSerialization.data(withJSONObject: budget)
            // Refused as not allowed or not possible, never by a failure of the server.
            let refusals: Set<UInt> = [403, 409, 422]
            for token in tokens {
                let edit = try await district.request(.PUT, "/api/v1/versions/\(id)/budget", token: token, body: changed)
                #expect(refusals.contains(edit.status.code), "edit: \(edit.status.code) \(edit.body.string)")
                for action in WorkflowAction.allCases {
                    let response = try await district.request(.POST, "/api/v1/versions/\(id)/actions/\(action.rawValue)", token: token,
                                                              json: ["comment": "改", "approvalDate": "2026-03-01"])
                    #expect(refusals.contains(response.status.code), "\(action.rawValue): \(response.status.code) \(response.body.string)")
                }
            }
            let after = try await district.request(.GET, "/api/v1/versions/\(id)").content.decode(VersionReply.self)
            #expect(after == before)
        }
    }

    @Test func aBudgetWithErrorFindingsCannotBeSubmittedUntilItIsFixed() async throws {
        try await withServer { district in
            let submitter = try await district.signIn("in-unit-submitter")
            var budget = try JSONSerialization.jsonObject(with: try exampleBudgetJSON()) as! [String: Any]
            let balanced = budget["income"]
            // One yuan more income than spending: the budget no longer balances.
            budget["income"] = [["source": "generalBudget", "amount": "1909799.00"]]
            let created = try await district.request(.POST, "/api/v1/units/\(district.unit.id)/versions", token: submitter,
                                                     body: try JSONSerialization.data(withJSONObject: budget))
            let draft = try created.content.decode(VersionReply.self)
            let findings = try await district.request(.GET, "/api/v1/versions/\(draft.id)/findings", token: submitter).content.decode([FindingReply].self)
            #expect(findings.contains { $0.severity == "error" })
            let refused = try await district.request(.POST, "/api/v1/versions/\(draft.id)/actions/submit", token: submitter)
            #expect(refused.status == .unprocessableEntity)
            #expect(try problem(refused).title.contains("错误"), "\(refused.body.string)")
            #expect(try await district.request(.GET, "/api/v1/versions/\(draft.id)", token: submitter).content.decode(VersionReply.self).state == "draft")
            budget["income"] = balanced
            let fixed = try await district.request(.PUT, "/api/v1/versions/\(draft.id)/budget", token: submitter,
                                                   body: try JSONSerialization.data(withJSONObject: budget))
            #expect(fixed.status == .ok, "\(fixed.body.string)")
            let submitted = try await district.request(.POST, "/api/v1/versions/\(draft.id)/actions/submit", token: submitter)
            #expect(submitted.status == .ok, "\(submitted.body.string)")
        }
    }

    @Test func aCorrectionIsPublishedBesideTheVersionItReplaces() async throws {
        try await withServer { district in
            let first = try await publishedVersion(district)
            let editor = try await district.signIn("in-unit-editor")
            let created = try await district.request(.POST, "/api/v1/versions/\(first)/corrections", token: editor, body: try exampleBudgetJSON())
            #expect(created.status == .created, "\(created.body.string)")
            let correction = try created.content.decode(VersionReply.self)
            #expect(correction.replacesID == first && correction.number == 2)
            try await advanceToPublished(district, correction.id)
            let old = try await district.request(.GET, "/api/v1/versions/\(first)").content.decode(VersionReply.self)
            #expect(old.state == "superseded" && old.supersededByID == correction.id)
            let listed = try await district.request(.GET, "/api/v1/units/\(district.unit.id)/versions").content.decode([VersionReply].self)
            #expect(Set(listed.map(\.state)) == ["published", "superseded"])
        }
    }

    @Test func repeatedFailedSignInsAreThrottledEvenBeforeTheRightPassword() async throws {
        try await withServer { district in
            for _ in 0..<5 {
                #expect(try await district.request(.POST, "/api/v1/sessions", json: ["username": "in-unit-editor", "password": "wrong"]).status == .unauthorized)
            }
            let blocked = try await district.request(.POST, "/api/v1/sessions", json: ["username": "in-unit-editor", "password": testPassword])
            #expect(blocked.status == .tooManyRequests)
            #expect(try await district.request(.POST, "/api/v1/sessions", json: ["username": "in-unit-submitter", "password": testPassword]).status == .created)
        }
    }

    @Test func errorsAreProblemDetailsInChinese() async throws {
        try await withServer { district in
            let missing = try await district.request(.GET, "/api/v1/versions/\(UUID())")
            #expect(missing.status == .notFound)
            #expect(missing.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            #expect(try problem(missing).title.hasPrefix("未找到"))
            let unsigned = try await district.request(.GET, "/api/v1/me")
            #expect(unsigned.status == .unauthorized)
            #expect(try problem(unsigned).title == "请先登录")
            let submitter = try await district.signIn("in-unit-submitter")
            let garbage = try await district.request(.POST, "/api/v1/units/\(district.unit.id)/versions", token: submitter, body: Data("{\"year\": \"二〇二六\"}".utf8))
            #expect(garbage.status == .unprocessableEntity || garbage.status == .badRequest)
            #expect(try problem(garbage).title.isEmpty == false)
        }
    }
}

struct AuditEventReply: Decodable, Sendable { var action: String }
struct FindingReply: Decodable, Sendable { var rule: String; var severity: String }
struct VerificationReply: Decodable, Sendable { var intact: Bool }

/// Creates the example budget for `district.unit` and publishes it; returns the version id.
func publishedVersion(_ district: ServedDistrict) async throws -> UUID {
    let submitter = try await district.signIn("in-unit-submitter")
    let created = try await district.request(.POST, "/api/v1/units/\(district.unit.id)/versions", token: submitter, body: try exampleBudgetJSON())
    let id = try created.content.decode(VersionReply.self).id
    try await advanceToPublished(district, id)
    return id
}

/// Takes a draft through submission, both approvals and publication.
func advanceToPublished(_ district: ServedDistrict, _ id: UUID) async throws {
    let steps = [("in-unit-submitter", "submit"), ("in-department-reviewer", "approve-as-department"), ("in-bureau-reviewer", "approve-as-bureau"),
                 ("in-bureau-reviewer", "publish")]
    for (account, action) in steps {
        let response = try await district.request(.POST, "/api/v1/versions/\(id)/actions/\(action)", token: try await district.signIn(account),
                                                  json: ["approvalDate": "2026-02-10"])
        #expect(response.status == .ok, "\(action): \(response.body.string)")
    }
}

@Suite struct CheckRouteTests {
    @Test func aBureauUploadsFilesAWorkerChecksThemAndTheFindingsAreReadBack() async throws {
        try await withServer { district in
            let token = try await district.signIn("in-bureau-reviewer")
            let example = try Data(contentsOf: URL(fileURLWithPath: TestFiles.example("chongqing-unit-budget-2024.md")))
            let created = try await upload(district, token: token, [("name", nil, Data("2024 年抽查".utf8)), ("files", "单位预算.md", example),
                                                                   ("files", "空.pdf", Data("not a pdf".utf8))])
            #expect(created.status == .created, "\(created.body.string)")
            let batch = try created.content.decode(BatchProgress.self)
            #expect(batch.total == 2 && batch.byState["queued"] == 2 && batch.batch.name == "2024 年抽查")

            let processed = try await GongkaiApp.worker(district.app, timeout: 30).run(untilIdle: true)
            #expect(processed == 2)
            let progress = try await district.request(.GET, "/api/v1/checks/\(batch.batch.id)", token: token).content.decode(BatchProgress.self)
            #expect(progress.byState["done"] == 2)
            let budget = try #require(progress.files.first { $0.name == "单位预算.md" })
            #expect(budget.job.outcome == "checked" && (budget.job.errorFindings ?? 0) > 0)
            #expect(progress.files.first { $0.name == "空.pdf" }?.job.outcome == "unreadable")
            let findings = try await district.request(.GET, "/api/v1/checks/\(batch.batch.id)/jobs/\(budget.job.id)/findings", token: token)
                .content.decode([CheckFinding].self)
            #expect(findings.filter { $0.severity == "error" }.count == budget.job.errorFindings)

            // Another region's bureau does not see the batch.
            let outsider = try await district.signIn("out-bureau-reviewer")
            #expect(try await district.request(.GET, "/api/v1/checks/\(batch.batch.id)", token: outsider).status == .notFound)
        }
    }

    @Test func aZipStandsForTheFilesInItAndADamagedOneIsRefused() async throws {
        try await withServer { district in
            let token = try await district.signIn("in-bureau-reviewer")
            let example = try Data(contentsOf: URL(fileURLWithPath: TestFiles.example("chongqing-unit-budget-2024.md")))
            let archive = try ZipArchiveBuilder.archive([("2024/单位预算.md", example), ("2024/说明.txt", Data("本批次为 2024 年单位预算。".utf8))])
            let created = try await upload(district, token: token, [("files", "普陀区.zip", archive)])
            #expect(created.status == .created, "\(created.body.string)")
            let batch = try created.content.decode(BatchProgress.self)
            #expect(batch.files.map(\.name) == ["普陀区.zip/2024/单位预算.md", "普陀区.zip/2024/说明.txt"])
            #expect(try await GongkaiApp.worker(district.app, timeout: 30).run(untilIdle: true) == 2)

            var damaged = archive
            damaged.removeLast(30)
            let refused = try await upload(district, token: token, [("files", "损坏.zip", damaged)])
            #expect(refused.status == .unprocessableEntity)
            #expect(try problem(refused).title.contains("损坏.zip"))
        }
    }
}

/// Posts a multipart upload to `/api/v1/checks`: each part a field, with a file name for files.
private func upload(_ district: ServedDistrict, token: String, _ parts: [(field: String, filename: String?, data: Data)]) async throws -> TestingHTTPResponse {
    let boundary = "gongkai-test-boundary"
    var body = Data()
    for part in parts {
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(part.field)\"".utf8))
        if let name = part.filename { body.append(Data("; filename=\"\(name)\"\r\nContent-Type: application/octet-stream".utf8)) }
        body.append(Data("\r\n\r\n".utf8) + part.data + Data("\r\n".utf8))
    }
    body.append(Data("--\(boundary)--\r\n".utf8))
    var headers = HTTPHeaders()
    headers.bearerAuthorization = BearerAuthorization(token: token)
    headers.replaceOrAdd(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
    return try await district.app.testing().sendRequest(.POST, "/api/v1/checks", headers: headers, body: ByteBuffer(data: body))
}
