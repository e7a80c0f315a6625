import Foundation
import GongkaiStore
import GongkaiTestSupport
import GongkaiWorkflow
import SQLKit
import Testing

/// `gongkai audit verify` on an SQLite file written by the store.
@Suite struct AuditCommandTests {
    /// A database file with a region, a department and a unit (three audit events).
    private func databaseFile() async throws -> URL {
        let file = try TestFiles.temporaryDirectory().appendingPathComponent("gongkai.sqlite")
        let opened = try OpenedDatabase(.sqliteFile(file.path))
        try await opened.migrate()
        let store = Store(database: opened.database)
        let region = try await store.createRegion(code: "500999", name: "示例区", by: Store.system)
        let department = try await store.createDepartment(regionID: region.id, code: "105", name: "示例区民政局", by: Store.system)
        _ = try await store.createUnit(departmentID: department.id, code: "105001", name: "示例区养老服务中心", by: Store.system)
        await opened.close()
        return file
    }

    @Test func anIntactTrailIsReportedWithItsLength() async throws {
        let file = try await databaseFile()
        let result = try GongkaiProcess.run(["audit", "verify", "--database-url", "sqlite:\(file.path)"])
        #expect(result.status == 0, "\(result.errors)")
        #expect(result.output.contains("共 3 条"))
    }

    @Test func anEditedRowIsReportedByNumberWithExitStatus1() async throws {
        let file = try await databaseFile()
        let opened = try OpenedDatabase(.sqliteFile(file.path))
        let sql = opened.database as! any SQLDatabase
        try await sql.raw("DROP TRIGGER audit_events_unchanged").run()
        try await sql.update("audit_events").set("reason", to: "另一个部门").where("sequence", .equal, 2).run()
        await opened.close()
        let result = try GongkaiProcess.run(["audit", "verify", "--database-url", "sqlite:\(file.path)"])
        #expect(result.status == 1)
        #expect(result.output.contains("第 2 条"))
    }

    @Test func aMissingDatabaseFileIsAnErrorNotANewEmptyDatabase() throws {
        let missing = try TestFiles.temporaryDirectory().appendingPathComponent("none.sqlite")
        let result = try GongkaiProcess.run(["audit", "verify", "--database-url", "sqlite:\(missing.path)"])
        #expect(result.status == 2)
        #expect(result.errors.contains("不存在"))
        #expect(!FileManager.default.fileExists(atPath: missing.path))
    }
}
