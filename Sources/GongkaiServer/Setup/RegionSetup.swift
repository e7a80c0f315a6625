import Foundation
import GongkaiStore
import GongkaiWorkflow
import Vapor

/// The first step on a new server (`gongkai setup`): a region and its first 财政局 administrator,
/// who then sets up the region's departments, units and accounts through the API.
public enum RegionSetup {
    /// Migrates the database at `location` and adds the region with its administrator (password
    /// hashed with Bcrypt at `cost`); returns the region.
    public static func run(location: DatabaseLocation, regionCode: String, regionName: String, username: String, password: String,
                           cost: Int = 12) async throws -> StoredRegion {
        guard password.count >= 10 else { throw StoreError.invalid("管理员密码至少 10 个字符") }
        guard username != Store.system.id else { throw StoreError.invalid("用户名 \(username) 为系统保留") }
        let hash = try Bcrypt.hash(password, cost: cost)
        let opened = try OpenedDatabase(location)
        do {
            try await opened.migrate()
            let store = Store(database: opened.database)
            let region = try await store.createRegion(code: regionCode, name: regionName, by: Store.system)
            _ = try await store.createAccount(username: username, displayName: "\(regionName)财政局管理员", passwordHash: hash, role: .bureauAdministrator,
                                              scope: Scope(kind: .region, id: region.id.uuidString), by: Store.system)
            await opened.close()
            return region
        } catch {
            await opened.close()
            throw error
        }
    }
}
