import Foundation
import GongkaiCore
import GongkaiImport
import GongkaiStore
import GongkaiWorkflow
import Vapor

/// `gongkai serve --demo`: a working system on a fresh machine. Seeds what `examples/demo-district.json`
/// describes — regions, departments, units, an account of every role, and budget versions from the
/// other examples: those given a 批复 date are taken through both reviews and published (with their
/// rendered files), the others stay drafts for the walk-through in the README.
public enum DemoDistrict {
    /// One demo account, as printed at start.
    public struct Account: Sendable {
        /// Sign-in name.
        public var username: String
        /// Its role.
        public var role: Role
        /// What it is responsible for.
        public var scopeName: String
    }

    /// The demo file's content.
    struct Plan: Decodable {
        struct AccountPlan: Decodable {
            var username: String
            var role: Role
        }
        struct VersionPlan: Decodable {
            /// The budget file, relative to the examples folder.
            var budget: String
            /// Publish with this 批复 date; nil to leave a draft.
            var approvalDate: String?
        }
        struct UnitPlan: Decodable {
            var code: String
            var name: String
            var contact: String?
            var accounts: [AccountPlan]
            var versions: [VersionPlan]
        }
        struct DepartmentPlan: Decodable {
            var code: String
            var name: String
            var accounts: [AccountPlan]
            var units: [UnitPlan]
        }
        struct RegionPlan: Decodable {
            var code: String
            var name: String
            var accounts: [AccountPlan]
            var departments: [DepartmentPlan]
        }
        var password: String
        var regions: [RegionPlan]
    }

    /// Seeds the demo into a configured, empty application; returns the accounts and their password.
    public static func seed(_ app: Application, examples: URL) async throws -> (accounts: [Account], password: String) {
        let file = examples.appendingPathComponent("demo-district.json")
        let plan: Plan
        do {
            plan = try JSONDecoder().decode(Plan.self, from: Data(contentsOf: file))
        } catch {
            throw GongkaiError(.budgetInvalid, "演示数据 \(file.path) 无法读取：\(error.localizedDescription)", path: file.path)
        }
        let store = GongkaiApp.store(app)
        let publisher = Publisher(app)
        let hash = try await app.password.async.hash(plan.password)
        var accounts: [Account] = []

        func create(_ account: Plan.AccountPlan, scope: Scope, scopeName: String) async throws -> Actor {
            let stored = try await store.createAccount(username: account.username, displayName: "\(scopeName)\(account.role.chineseName)",
                                                       passwordHash: hash, role: account.role, scope: scope, by: Store.system)
            accounts.append(Account(username: account.username, role: account.role, scopeName: scopeName))
            return stored.actor
        }

        for regionPlan in plan.regions {
            let region = try await store.createRegion(code: regionPlan.code, name: regionPlan.name, by: Store.system)
            var bureau: [Actor] = []
            for account in regionPlan.accounts {
                bureau.append(try await create(account, scope: Scope(kind: .region, id: region.id.uuidString), scopeName: region.name))
            }
            for departmentPlan in regionPlan.departments {
                let department = try await store.createDepartment(regionID: region.id, code: departmentPlan.code, name: departmentPlan.name, by: Store.system)
                var reviewers: [Actor] = []
                for account in departmentPlan.accounts {
                    reviewers.append(try await create(account, scope: Scope(kind: .department, id: department.id.uuidString), scopeName: department.name))
                }
                for unitPlan in departmentPlan.units {
                    let unit = try await store.createUnit(departmentID: department.id, code: unitPlan.code, name: unitPlan.name, contact: unitPlan.contact, by: Store.system)
                    var staff: [Actor] = []
                    for account in unitPlan.accounts {
                        staff.append(try await create(account, scope: Scope(kind: .unit, id: unit.id.uuidString), scopeName: unit.name))
                    }
                    for versionPlan in unitPlan.versions {
                        let budget = try BudgetJSONReader.read(contentsOf: examples.appendingPathComponent(versionPlan.budget).path)
                        guard let author = staff.first else { throw GongkaiError(.budgetInvalid, "演示数据中单位“\(unit.name)”没有账号，无法建立预算", path: file.path) }
                        let version = try await store.createVersion(unitID: unit.id, budget: budget, by: author)
                        guard let approvalDate = versionPlan.approvalDate else { continue }
                        func account(_ role: Role, for action: WorkflowAction) throws -> Actor {
                            guard let actor = (staff + reviewers + bureau).first(where: { $0.role == role }) else {
                                throw GongkaiError(.budgetInvalid, "演示数据缺少\(role.chineseName)账号，无法“\(action.chineseName)”", path: file.path)
                            }
                            return actor
                        }
                        let package = try await publisher.package(version, name: unit.name)
                        _ = try await store.apply(.submit, to: version.id, by: try account(.unitSubmitter, for: .submit), verdict: package.verdict)
                        _ = try await store.apply(.approveAsDepartment, to: version.id, by: try account(.departmentReviewer, for: .approveAsDepartment))
                        _ = try await store.apply(.approveAsBureau, to: version.id, by: try account(.bureauReviewer, for: .approveAsBureau))
                        _ = try await store.publish(version.id, files: package.files, approvalDate: approvalDate,
                                                    by: try account(.bureauReviewer, for: .publish), verdict: package.verdict,
                                                    index: package.index)
                    }
                }
            }
        }
        return (accounts, plan.password)
    }
}
