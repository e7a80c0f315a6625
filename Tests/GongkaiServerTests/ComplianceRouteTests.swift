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
    var files: [File]
    var dimensions: RollUpReply
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
            #expect(after.dimensions.documents == 2)
            #expect(after.dimensions.dimensions.first { $0.dimension == "accuracy" }.map { ($0.notMet, $0.unknown) } ?? (0, 0) == (1, 1))

            let checklist = try await district.request(.GET, "/api/v1/checks/\(batch.id)/checklist", token: token)
            #expect(checklist.status == .ok)
            #expect(checklist.headers.contentType?.subType.contains("spreadsheetml") == true)
            let workbook = try XLSXReader.read(data: Data(checklist.body.readableBytesView))
            #expect(workbook.sheets.count == 3 && workbook.sheets.last?.name == "汇总")
            #expect(workbook.sheets[0].cell(row: 3, column: 1)?.value == .text("单位名称: 示例县老年大学"))

            let outsider = try await district.signIn("out-bureau-reviewer")
            #expect(try await district.request(.GET, "/api/v1/checks/\(batch.id)/checklist", token: outsider).status == .notFound)
        }
    }

    @Test func theRegionSeesWhichUnitsPublishedAndWhetherOnTime() async throws {
        try await withServer { district in
            _ = try await publishedVersion(district)
            let bureau = try await district.signIn("in-bureau-reviewer")
            let year = try JSONDecoder().decode(YearReply.self, from: try exampleBudgetJSON()).year
            let response = try await district.request(.GET, "/api/v1/regions/\(district.region.id)/compliance?year=\(year)&phase=budget", token: bureau)
            #expect(response.status == .ok, "\(response.body.string)")
            let compliance = try response.content.decode(RegionComplianceReply.self)
            let unit = try #require(compliance.units.first { $0.unitID == district.unit.id })
            #expect(unit.status == "published" && unit.approvalDate == "2026-02-10")
            // Published today against a 批复 of 2026-02-10: on time only while today is within 20 days of it.
            let expected = ComplianceAssessor.timeliness(approvalDate: "2026-02-10", published: Date.ISO8601FormatStyle().format(Date()), days: 20)
            #expect(unit.timeliness.outcome == expected.outcome.rawValue)
            #expect(compliance.units.first { $0.unitID == district.otherUnit.id }?.status == "not-started")
            #expect(compliance.total.units == 2 && compliance.total.published == 1 && compliance.total.notPublished == 1)
            #expect(compliance.total.onTime + compliance.total.late == 1)
            #expect(compliance.departments.map(\.units).reduce(0, +) == 2)

            let outsider = try await district.signIn("out-bureau-reviewer")
            #expect(try await district.request(.GET, "/api/v1/regions/\(district.region.id)/compliance?year=\(year)", token: outsider).status == .notFound)
            #expect(try await district.request(.GET, "/api/v1/regions/\(district.region.id)/compliance", token: bureau).status == .badRequest)
        }
    }
}

struct YearReply: Decodable, Sendable { var year: Int }
