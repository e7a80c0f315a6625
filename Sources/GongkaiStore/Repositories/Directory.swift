import FluentKit
import Foundation
import GongkaiWorkflow

extension Store {
    /// Adds a region. Only the system actor may (whoever installs the server seeds its regions): a
    /// region's administrator manages what lies inside that region, not the list of regions.
    public func createRegion(code: String, name: String, by actor: Actor) async throws -> StoredRegion {
        try Self.requireAdministrator(actor)
        return try await write { db in
            guard try await RegionRecord.query(on: db).filter(\.$code == code).first() == nil else {
                throw StoreError.invalid("地区代码 \(code) 已存在")
            }
            let record = RegionRecord(code: code, name: name)
            try await record.create(on: db)
            let id = try record.requireID()
            try await appendAudit(AuditEntry(actor: actor, action: "create-region", objectKind: "region", objectID: id.uuidString, region: id,
                                             reason: name), on: db)
            return StoredRegion(id: id, code: code, name: name)
        }
    }

    /// Adds a 主管部门 to a region, within the administrator's region.
    public func createDepartment(regionID: UUID, code: String, name: String, by actor: Actor) async throws -> StoredDepartment {
        try Self.requireAdministrator(actor, of: regionID)
        return try await write { db in
            guard try await RegionRecord.find(regionID, on: db) != nil else { throw StoreError.notFound("地区 \(regionID)") }
            guard try await DepartmentRecord.query(on: db).filter(\.$regionID == regionID).filter(\.$code == code).first() == nil else {
                throw StoreError.invalid("部门代码 \(code) 在该地区已存在")
            }
            let record = DepartmentRecord(regionID: regionID, code: code, name: name)
            try await record.create(on: db)
            let id = try record.requireID()
            try await appendAudit(AuditEntry(actor: actor, action: "create-department", objectKind: "department", objectID: id.uuidString,
                                             region: regionID, reason: name), on: db)
            return StoredDepartment(id: id, regionID: regionID, code: code, name: name)
        }
    }

    /// Adds a unit under a 主管部门, within the administrator's region.
    public func createUnit(departmentID: UUID, code: String, name: String, contact: String? = nil, by actor: Actor) async throws -> StoredUnit {
        try await write { db in
            guard let department = try await DepartmentRecord.find(departmentID, on: db) else { throw StoreError.notFound("部门 \(departmentID)") }
            try Self.requireAdministrator(actor, of: department.regionID)
            guard try await UnitRecord.query(on: db).filter(\.$departmentID == departmentID).filter(\.$code == code).first() == nil else {
                throw StoreError.invalid("单位代码 \(code) 在该部门已存在")
            }
            let record = UnitRecord(departmentID: departmentID, code: code, name: name, contact: contact)
            try await record.create(on: db)
            let id = try record.requireID()
            try await appendAudit(AuditEntry(actor: actor, action: "create-unit", objectKind: "unit", objectID: id.uuidString,
                                             region: department.regionID, reason: name), on: db)
            return StoredUnit(id: id, departmentID: departmentID, regionID: department.regionID, code: code, name: name, contact: contact)
        }
    }

    /// Every region, by code.
    public func regions() async throws -> [StoredRegion] {
        try await RegionRecord.query(on: database).sort(\.$code).all().map { StoredRegion(id: try $0.requireID(), code: $0.code, name: $0.name) }
    }

    /// A region by id.
    public func region(_ id: UUID) async throws -> StoredRegion {
        guard let record = try await RegionRecord.find(id, on: database) else { throw StoreError.notFound("地区 \(id)") }
        return StoredRegion(id: try record.requireID(), code: record.code, name: record.name)
    }

    /// A department by id.
    public func department(_ id: UUID) async throws -> StoredDepartment {
        guard let record = try await DepartmentRecord.find(id, on: database) else { throw StoreError.notFound("部门 \(id)") }
        return StoredDepartment(id: try record.requireID(), regionID: record.regionID, code: record.code, name: record.name)
    }

    /// The departments of a region, by code.
    public func departments(inRegion regionID: UUID) async throws -> [StoredDepartment] {
        try await DepartmentRecord.query(on: database).filter(\.$regionID == regionID).sort(\.$code).all()
            .map { StoredDepartment(id: try $0.requireID(), regionID: $0.regionID, code: $0.code, name: $0.name) }
    }

    /// A unit by id.
    public func unit(_ id: UUID) async throws -> StoredUnit {
        guard let record = try await UnitRecord.find(id, on: database) else { throw StoreError.notFound("单位 \(id)") }
        let department = try await self.department(record.departmentID)
        return try Self.unit(record, regionID: department.regionID)
    }

    /// Units in a scope (every unit when nil), ordered by id, after the cursor `after`, at most `limit`.
    public func units(in scope: Scope?, after: UUID? = nil, limit: Int = 100) async throws -> [StoredUnit] {
        let departments = try await DepartmentRecord.query(on: database).all()
        let regionOf = Dictionary(uniqueKeysWithValues: try departments.map { (try $0.requireID(), $0.regionID) })
        var query = UnitRecord.query(on: database)
        if let scope, let id = UUID(uuidString: scope.id) {
            switch scope.kind {
            case .unit: query = query.filter(\.$id == id)
            case .department: query = query.filter(\.$departmentID == id)
            case .region: query = query.filter(\.$departmentID ~~ departments.filter { $0.regionID == id }.compactMap(\.id))
            }
        } else if scope != nil {
            return []
        }
        if let after { query = query.filter(\.$id > after) }
        return try await query.sort(\.$id).limit(limit).all().map { record in
            guard let region = regionOf[record.departmentID] else { throw StoreError.notFound("部门 \(record.departmentID)") }
            return try Self.unit(record, regionID: region)
        }
    }

    static func unit(_ record: UnitRecord, regionID: UUID) throws -> StoredUnit {
        StoredUnit(id: try record.requireID(), departmentID: record.departmentID, regionID: regionID, code: record.code, name: record.name, contact: record.contact)
    }

    /// The system actor, which seeds a new installation before any administrator exists.
    public static let system = Actor(id: "system", role: .bureauAdministrator, scope: Scope(kind: .region, id: "*"))

    static func requireAdministrator(_ actor: Actor, of regionID: UUID? = nil) throws {
        guard actor.role == .bureauAdministrator else {
            throw StoreError.refused(WorkflowRefusal(reason: .roleNotAllowed, message: "只有财政局管理员可以管理地区、部门、单位和账号"))
        }
        if actor == system { return }
        guard let regionID, actor.scope.kind == .region, actor.scope.id == regionID.uuidString else {
            throw StoreError.refused(WorkflowRefusal(reason: .outOfScope, message: "该地区不在您的管理范围内"))
        }
    }
}
