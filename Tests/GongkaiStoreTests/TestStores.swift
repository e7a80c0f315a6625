import FluentKit
import Foundation
import GongkaiCore
import GongkaiStore
import GongkaiTestSupport
import GongkaiWorkflow
import SQLKit

/// The databases the store's tests run on: SQLite in memory always, and PostgreSQL when
/// `GONGKAI_TEST_POSTGRES_URL` names a server (`.ci/run` starts one), each test in a database of its own.
enum Backend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite
    case postgres

    var description: String { rawValue }

    static var postgresURL: String? { ProcessInfo.processInfo.environment["GONGKAI_TEST_POSTGRES_URL"] }

    /// The backends to run on here; PostgreSQL only when configured.
    static var available: [Backend] { postgresURL == nil ? [.sqlite] : [.sqlite, .postgres] }
}

/// A district with one department, two units and an account of every role.
struct District: Sendable {
    let store: Store
    /// The same store on another connection handle, for work that must really run at once.
    let secondHandle: Store
    let region: StoredRegion
    let department: StoredDepartment
    let unit: StoredUnit
    let otherUnit: StoredUnit
    let editor: Actor
    let submitter: Actor
    let departmentReviewer: Actor
    let bureauReviewer: Actor
    let administrator: Actor
    let otherUnitSubmitter: Actor
}

/// Runs `body` on a freshly migrated store on `backend`, then closes (and on PostgreSQL drops) it.
func withStore<T: Sendable>(_ backend: Backend, _ body: @Sendable (Store, OpenedDatabase) async throws -> T) async throws -> T {
    let (location, cleanup) = try await freshLocation(backend)
    let opened = try OpenedDatabase(location)
    do {
        try await opened.migrate()
        let result = try await body(Store(database: opened.database), opened)
        await opened.close()
        try await cleanup()
        return result
    } catch {
        await opened.close()
        try? await cleanup()
        throw error
    }
}

/// Runs `body` on a seeded district.
func withDistrict<T: Sendable>(_ backend: Backend, _ body: @Sendable (District) async throws -> T) async throws -> T {
    try await withStore(backend) { store, opened in try await body(try await seedDistrict(store, secondHandle: Store(database: opened.database))) }
}

func seedDistrict(_ store: Store, secondHandle: Store) async throws -> District {
    let system = Store.system
    let region = try await store.createRegion(code: "500999", name: "示例区", by: system)
    let department = try await store.createDepartment(regionID: region.id, code: "105", name: "示例区民政局", by: system)
    let unit = try await store.createUnit(departmentID: department.id, code: "105001", name: "示例区养老服务中心", contact: "023-00000000", by: system)
    let otherUnit = try await store.createUnit(departmentID: department.id, code: "105002", name: "示例区救助站", by: system)
    func account(_ name: String, _ role: Role, _ scope: Scope) async throws -> Actor {
        try await store.createAccount(username: name, displayName: name, passwordHash: "not-a-real-hash", role: role, scope: scope, by: system).actor
    }
    return District(
        store: store, secondHandle: secondHandle, region: region, department: department, unit: unit, otherUnit: otherUnit,
        editor: try await account("editor", .unitEditor, Scope(kind: .unit, id: unit.id.uuidString)),
        submitter: try await account("submitter", .unitSubmitter, Scope(kind: .unit, id: unit.id.uuidString)),
        departmentReviewer: try await account("dept", .departmentReviewer, Scope(kind: .department, id: department.id.uuidString)),
        bureauReviewer: try await account("bureau", .bureauReviewer, Scope(kind: .region, id: region.id.uuidString)),
        administrator: try await account("admin", .bureauAdministrator, Scope(kind: .region, id: region.id.uuidString)),
        otherUnitSubmitter: try await account("other", .unitSubmitter, Scope(kind: .unit, id: otherUnit.id.uuidString)))
}

/// What the store is told the rules found on a version: nothing (the store does not run the rules;
/// the server does, and the server's tests run them).
func noFindings(_ version: StoredVersion) -> RuleVerdict { RuleVerdict(contentSHA256: version.contentSHA256, errorFindings: 0) }

/// Why the store refused `body`, or nil when it did not refuse it as a workflow step.
func refusal<T: Sendable>(_ body: @Sendable () async throws -> T) async -> WorkflowRefusal.Reason? {
    do {
        _ = try await body()
        return nil
    } catch StoreError.refused(let refusal) {
        return refusal.reason
    } catch {
        return nil
    }
}

/// The founding example's budget, kept as data in `examples/`.
func exampleBudget() throws -> Budget {
    try JSONDecoder().decode(Budget.self, from: Data(contentsOf: URL(fileURLWithPath: TestFiles.example("chongqing-laoganbu-2023-budget.json"))))
}

/// Runs `body` with a new, empty PostgreSQL database, dropped afterwards.
func withFreshPostgres(_ body: @Sendable (DatabaseLocation) async throws -> Void) async throws {
    let (location, cleanup) = try await freshLocation(.postgres)
    do {
        try await body(location)
        try await cleanup()
    } catch {
        try? await cleanup()
        throw error
    }
}

private func freshLocation(_ backend: Backend) async throws -> (DatabaseLocation, @Sendable () async throws -> Void) {
    switch backend {
    case .sqlite:
        return (.sqliteMemory(UUID().uuidString), {})
    case .postgres:
        guard let adminURL = Backend.postgresURL, var components = URLComponents(string: adminURL) else { throw StoreError.badLocation("GONGKAI_TEST_POSTGRES_URL") }
        let name = "gongkai_test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased().prefix(16)
        try await adminSQL(adminURL, "CREATE DATABASE \(name)")
        components.path = "/" + name
        let url = components.string!
        return (.postgres(url), { try await adminSQL(adminURL, "DROP DATABASE IF EXISTS \(name) WITH (FORCE)") })
    }
}

private func adminSQL(_ url: String, _ statement: String) async throws {
    let admin = try OpenedDatabase(.postgres(url))
    do {
        try await (admin.database as! any SQLDatabase).raw("\(unsafeRaw: statement)").run()
        await admin.close()
    } catch {
        await admin.close()
        throw error
    }
}
