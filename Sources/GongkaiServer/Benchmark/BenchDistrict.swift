import Foundation
import GongkaiCore
import GongkaiStore
import GongkaiWorkflow
import Vapor

/// A generated district for load benchmarks: `units` units under 50 departments of one region, each
/// with one published budget per year for `years` years and, given a base 决算, one published 决算
/// per year, all made from the base budget and 决算 (their year and unit name changed). Each year's
/// package is rendered once and published for every unit of that year, so the blob store holds one
/// copy; the rows, versions, files, audit events and the portal's index are one per unit-year, as in
/// a real district (the index is each unit's own: its name is in the narrative's sentences).
public enum BenchDistrict {
    /// Seeds the district into a configured, empty application; returns the id of the last unit
    /// seeded, whose pages the benchmark requests.
    public static func seed(_ app: Application, base: Budget, finalAccounts: Budget?, units: Int, years: Int) async throws -> UUID {
        let store = GongkaiApp.store(app)
        let publisher = Publisher(app, formats: [.html, .json, .csv])
        let region = try await store.createRegion(code: "999999", name: "基准测试区", by: Store.system)
        let bureau = Actor(id: "bench-bureau", role: .bureauReviewer, scope: Scope(kind: .region, id: region.id.uuidString))
        // One package per year (see the type's note): rendering 2,500 packages would take an hour.
        var packages: [String: (files: [PublishedFileInput], errors: Int)] = [:]
        var departments: [StoredDepartment] = []
        for index in 0..<min(50, units) {
            departments.append(try await store.createDepartment(regionID: region.id, code: String(format: "%03d", index + 1), name: "基准部门\(index + 1)", by: Store.system))
        }
        var sample: UUID?
        for index in 0..<units {
            let department = departments[index % departments.count]
            let unit = try await store.createUnit(departmentID: department.id, code: String(format: "%@%03d", department.code, index / departments.count + 1),
                                                  name: "基准单位\(index + 1)", by: Store.system)
            let submitter = Actor(id: "bench-unit", role: .unitSubmitter, scope: Scope(kind: .unit, id: unit.id.uuidString))
            let reviewer = Actor(id: "bench-department", role: .departmentReviewer, scope: Scope(kind: .department, id: department.id.uuidString))
            for offset in 0..<years {
                for template in [base, finalAccounts].compactMap({ $0 }) {
                    var budget = template
                    budget.year = base.year - years + 1 + offset
                    budget.unit.name = unit.name
                    // A budget states the assets at the end of the year before, a 决算 at the end of its own year.
                    if budget.stateAssets.asOf != nil { budget.stateAssets.asOf = "\(budget.phase == .budget ? budget.year - 1 : budget.year)年12月31日" }
                    let version = try await store.createVersion(unitID: unit.id, budget: budget, by: submitter)
                    let key = "\(budget.year) \(budget.phase.rawValue)"
                    if packages[key] == nil {
                        let package = try await publisher.package(version, name: "基准")
                        packages[key] = (package.files, package.verdict.errorFindings)
                    }
                    let package = packages[key] ?? ([], 0)
                    let verdict = RuleVerdict(contentSHA256: version.contentSHA256, errorFindings: package.errors)
                    _ = try await store.apply(.submit, to: version.id, by: submitter, verdict: verdict)
                    _ = try await store.apply(.approveAsDepartment, to: version.id, by: reviewer)
                    _ = try await store.apply(.approveAsBureau, to: version.id, by: bureau)
                    // 决算 are approved in the summer after their year, budgets in the February of theirs.
                    let approval = budget.phase == .budget ? "\(budget.year)-02-10" : "\(budget.year + 1)-07-20"
                    _ = try await store.publish(version.id, files: package.files, approvalDate: approval, by: bureau, verdict: verdict,
                                                index: try await publisher.index(version))
                    sample = unit.id
                }
            }
        }
        guard let sample else { throw StoreError.invalid("基准测试至少需要 1 个单位和 1 个年度") }
        return sample
    }
}
