import Foundation
import GongkaiStore
import GongkaiTestSupport
import GongkaiWorkflow
import Testing

/// `gongkai setup` on a new SQLite file: the region and its administrator, once.
@Suite struct SetupCommandTests {
    @Test func setupAddsARegionWithItsAdministratorAndRefusesToAddItTwice() async throws {
        let file = try TestFiles.temporaryDirectory().appendingPathComponent("gongkai.sqlite")
        setenv("GONGKAI_ADMIN_PASSWORD", "setup-password-1", 1)
        let arguments = ["setup", "--region-code", "310107", "--region-name", "上海市普陀区", "--username", "pt-admin", "--database-url", "sqlite:\(file.path)"]
        let first = try GongkaiProcess.run(arguments)
        #expect(first.status == 0, "\(first.errors)")
        #expect(first.output.contains("上海市普陀区"))
        let opened = try OpenedDatabase(.sqliteFile(file.path))
        let store = Store(database: opened.database)
        let found = try await store.account(named: "pt-admin")
        let regions = try await store.regions()
        await opened.close()
        let admin = try #require(found)
        #expect(admin.account.actor.role == .bureauAdministrator)
        #expect(admin.account.actor.scope == Scope(kind: .region, id: try #require(regions.first { $0.code == "310107" }).id.uuidString))
        #expect(admin.passwordHash.hasPrefix("$2b$12$") && !admin.passwordHash.contains("setup-password-1"))
        let second = try GongkaiProcess.run(arguments)
        #expect(second.status != 0)
        #expect(second.errors.contains("310107"))
    }
}
