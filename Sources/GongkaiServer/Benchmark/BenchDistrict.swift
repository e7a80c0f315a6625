import Foundation
import GongkaiCore
import GongkaiStore
import GongkaiWorkflow
import Vapor

/// A generated district for load benchmarks: `units` units under 50 departments of one region, each
/// with one published budget per year for `years` years, all made from one base budget (its year and
/// unit name changed). Each year's package is rendered once and published for every unit of that year,
/// so the blob store holds one copy; the rows, versions, files and audit events are one per unit-year,
/// as in a real district.
public enum BenchDistrict {
    /// What the benchmark requests: one unit with its published versions.
    public struct Sample: Sendable {
        /// A unit.
        public var unit: UUID
        /// Its latest published version.
        public var version: UUID
    }

    /// Seeds the district into a configured, empty application.
    public static func seed(_ app: Application, base: Budget, units: Int, years: Int) async throws -> Sample {
        let store = GongkaiApp.store(app)
        let publisher = Publisher(app, formats: [.html, .json, .csv])
        let region = try await store.createRegion(code: "999999", name: "基准测试区", by: Store.system)
        let bureau = Actor(id: "bench-bureau", role: .bureauReviewer, scope: Scope(kind: .region, id: region.id.uuidString))
        // One package per year (see the type's note): rendering 2,500 packages would take an hour.
        var packages: [Int: (files: [PublishedFileInput], errors: Int)] = [:]
        var departments: [StoredDepartment] = []
        for index in 0..<min(50, units) {
            departments.append(try await store.createDepartment(regionID: region.id, code: String(format: "%03d", index + 1), name: "基准部门\(index + 1)", by: Store.system))
        }
        var sample: Sample?
        for index in 0..<units {
            let department = departments[index % departments.count]
            let unit = try await store.createUnit(departmentID: department.id, code: String(format: "%@%03d", department.code, index / departments.count + 1),
                                                  name: "基准单位\(index + 1)", by: Store.system)
            let submitter = Actor(id: "bench-unit", role: .unitSubmitter, scope: Scope(kind: .unit, id: unit.id.uuidString))
            let reviewer = Actor(id: "bench-department", role: .departmentReviewer, scope: Scope(kind: .department, id: department.id.uuidString))
            for offset in 0..<years {
                var budget = base
                budget.year = base.year - years + 1 + offset
                budget.unit.name = unit.name
                // The assets are stated at the end of the year before.
                if budget.stateAssets.asOf != nil { budget.stateAssets.asOf = "\(budget.year - 1)年12月31日" }
                let version = try await store.createVersion(unitID: unit.id, budget: budget, by: submitter)
                if packages[budget.year] == nil {
                    let package = try await publisher.package(version, name: "基准")
                    packages[budget.year] = (package.files, package.verdict.errorFindings)
                }
                let package = packages[budget.year] ?? ([], 0)
                let verdict = RuleVerdict(contentSHA256: version.contentSHA256, errorFindings: package.errors)
                _ = try await store.apply(.submit, to: version.id, by: submitter, verdict: verdict)
                _ = try await store.apply(.approveAsDepartment, to: version.id, by: reviewer)
                _ = try await store.apply(.approveAsBureau, to: version.id, by: bureau)
                // The portal's index is the unit's own: its name is in the narrative's sentences.
                _ = try await store.publish(version.id, files: package.files, approvalDate: "\(budget.year)-02-10", by: bureau, verdict: verdict,
                                            index: try await publisher.index(version))
                sample = Sample(unit: unit.id, version: version.id)
            }
        }
        guard let sample else { throw StoreError.invalid("基准测试至少需要 1 个单位和 1 个年度") }
        return sample
    }
}
