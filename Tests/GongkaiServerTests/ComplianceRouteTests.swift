import Foundation
import GongkaiCore
import GongkaiReport
import GongkaiTestSupport
import GongkaiServer
import GongkaiStore
import GongkaiXLSX
import Testing
import Vapor
import VaporTesting

struct RollUpReply: Decodable, Sendable {
    struct Counts: Decodable, Sendable { var dimension: String; var met: Int; var notMet: Int; var unknown: Int }
    var documents: Int
    var dimensions: [Counts]
}

struct VerdictReply: Decodable, Sendable { var dimension: String; var outcome: String; var errors: Int; var note: String? }

struct BatchReply: Decodable, Sendable {
    struct File: Decodable, Sendable { var name: String; var unitName: String?; var dimensions: [VerdictReply]? }
    struct Department: Decodable, Sendable { var department: String; var rollUp: RollUpReply }
    var files: [File]
    var dimensions: RollUpReply
    var departments: [Department]
}

struct RegionComplianceReply: Decodable, Sendable {
    struct Counts: Decodable, Sendable { var name: String; var units: Int; var published: Int; var onTime: Int; var late: Int; var notPublished: Int }
    struct Unit: Decodable, Sendable { var unitID: UUID; var status: String; var approvalDate: String?; var timeliness: VerdictReply }
    var total: Counts
    var departments: [Counts]
    var units: [Unit]
}

@Suite struct ComplianceRouteTests {
    @Test func aCheckedBatchHasItsFiveDimensionsAndItsChecklistWorkbook() async throws {
        try await withServer { district in
            let token = try await district.signIn("in-bureau-reviewer")
            let example = try Data(contentsOf: URL(fileURLWithPath: TestFiles.example("chongqing-unit-budget-2024.md")))
            let batch = try await GongkaiApp.store(district.app).createBatch(
                name: "2024 年抽查", files: [CheckFile(name: "单位预算.md", data: example), CheckFile(name: "损坏.pdf", data: Data("%PDF-".utf8))],
                by: try #require(try await GongkaiApp.store(district.app).account(named: "in-bureau-reviewer")).account.actor)
            let before = try await district.request(.GET, "/api/v1/checks/\(batch.id)", token: token).content.decode(BatchReply.self)
            #expect(before.files.allSatisfy { $0.dimensions == nil } && before.dimensions.documents == 0)

            #expect(try await GongkaiApp.worker(district.app, timeout: 30).run(untilIdle: true) == 2)
            let after = try await district.request(.GET, "/api/v1/checks/\(batch.id)", token: token).content.decode(BatchReply.self)
            let budget = try #require(after.files.first { $0.name == "单位预算.md" })
            #expect(budget.unitName == "示例县老年大学")
            #expect(budget.dimensions?.first { $0.dimension == "accuracy" }?.outcome == "not-met")
            #expect(budget.dimensions?.first { $0.dimension == "timeliness" }?.outcome == "unknown")
            #expect(after.files.first { $0.name == "损坏.pdf" }?.dimensions?.allSatisfy { $0.outcome == "unknown" } == true)
            #expect(after.files.allSatisfy { $0.dimensions?.count == 5 })
            #expect(after.dimensions.documents == 2)
            #expect(after.departments.map(\.rollUp.documents).reduce(0, +) == 2)
            #expect(after.dimensions.dimensions.first { $0.dimension == "accuracy" }.map { ($0.notMet, $0.unknown) } ?? (0, 0) == (1, 1))

            let checklist = try await district.request(.GET, "/api/v1/checks/\(batch.id)/checklist", token: token)
            #expect(checklist.status == .ok)
            #expect(checklist.headers.contentType?.subType.contains("spreadsheetml") == true)
            let disposition = checklist.headers.first(name: .contentDisposition) ?? ""
            #expect(disposition.hasPrefix("attachment; filename=\"checklist.xlsx\"; filename*=UTF-8''%E6%A3%80%E6%9F%A5%E8%A1%A8-"))
            #expect(disposition.unicodeScalars.allSatisfy { $0.isASCII })
            let workbook = try XLSXReader.read(data: Data(checklist.body.readableBytesView))
            #expect(workbook.sheets.count == 3 && workbook.sheets.last?.name == "汇总")
            #expect(workbook.sheets[0].cell(row: 3, column: 1)?.value == .text("单位名称: 示例县老年大学"))

            let outsider = try await district.signIn("out-bureau-reviewer")
            #expect(try await district.request(.GET, "/api/v1/checks/\(batch.id)/checklist", token: outsider).status == .notFound)
        }
    }

    @Test func theRegionSeesWhichUnitsPublishedAndWhetherOnTime() async throws {
        try await withServer { district in
            let year = try JSONDecoder().decode(YearReply.self, from: try exampleBudgetJSON()).year
            let compliance = "/api/v1/regions/\(district.region.id)/compliance?year=\(year)&phase=budget"
            let bureau = try await district.signIn("in-bureau-reviewer")
            let client = try await district.signIn("in-api-client")
            // The unit is approved today (in China's time zone) and published at once: on time.
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
            let today = calendar.dateComponents([.year, .month, .day], from: Date())
            let approvedToday = String(format: "%04d-%02d-%02d", today.year!, today.month!, today.day!)
            try await publish(district, unit: district.unit.id, submitter: "in-unit-submitter", approvalDate: approvedToday)
            // The other unit's draft shows to the bureau as in preparation, to an API client not at all.
            let draft = try await district.request(.POST, "/api/v1/units/\(district.otherUnit.id)/versions",
                                                   token: try await district.signIn("out-unit-submitter"), body: try exampleBudgetJSON())
            let draftID = try draft.content.decode(VersionReply.self).id
            func status(_ token: String) async throws -> String? {
                try await district.request(.GET, compliance, token: token).content.decode(RegionComplianceReply.self)
                    .units.first { $0.unitID == district.otherUnit.id }?.status
            }
            #expect(try await status(bureau) == "in-preparation")
            #expect(try await status(client) == "not-started")
            // Approved in 2020, published now: late.
            try await advance(district, draftID, submitter: "out-unit-submitter", approvalDate: "2020-01-06")

            let response = try await district.request(.GET, compliance, token: bureau)
            #expect(response.status == .ok, "\(response.body.string)")
            let reply = try response.content.decode(RegionComplianceReply.self)
            let onTime = try #require(reply.units.first { $0.unitID == district.unit.id })
            #expect(onTime.status == "published" && onTime.approvalDate == approvedToday && onTime.timeliness.outcome == "met")
            let late = try #require(reply.units.first { $0.unitID == district.otherUnit.id })
            #expect(late.timeliness.outcome == "not-met" && late.timeliness.note?.contains("2020-01-06") == true)
            #expect(reply.total.units == 2 && reply.total.published == 2 && reply.total.onTime == 1 && reply.total.late == 1)
            #expect(reply.departments.map(\.units).reduce(0, +) == 2)

            let outsider = try await district.signIn("out-bureau-reviewer")
            #expect(try await district.request(.GET, compliance, token: outsider).status == .notFound)
            #expect(try await district.request(.GET, "/api/v1/regions/\(district.region.id)/compliance", token: bureau).status == .badRequest)
        }
    }
}

/// Creates the example budget for a unit and takes it to published with the 批复 date given.
private func publish(_ district: ServedDistrict, unit: UUID, submitter: String, approvalDate: String) async throws {
    let created = try await district.request(.POST, "/api/v1/units/\(unit)/versions", token: try await district.signIn(submitter), body: try exampleBudgetJSON())
    try await advance(district, try created.content.decode(VersionReply.self).id, submitter: submitter, approvalDate: approvalDate)
}

private func advance(_ district: ServedDistrict, _ id: UUID, submitter: String, approvalDate: String) async throws {
    for (account, action) in [(submitter, "submit"), ("in-department-reviewer", "approve-as-department"), ("in-bureau-reviewer", "approve-as-bureau"),
                              ("in-bureau-reviewer", "publish")] {
        let response = try await district.request(.POST, "/api/v1/versions/\(id)/actions/\(action)", token: try await district.signIn(account),
                                                  json: ["approvalDate": approvalDate])
        #expect(response.status == .ok, "\(action): \(response.body.string)")
    }
}

struct YearReply: Decodable, Sendable { var year: Int }
