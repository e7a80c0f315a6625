import FluentKit
import Foundation
import GongkaiCore
import GongkaiWorkflow
import SQLKit

/// A unit's publications of one year and phase, as the bureau's timeliness check reads them.
public struct UnitPublications: Sendable, Equatable {
    /// One version, without its budget data.
    public struct Entry: Sendable, Equatable {
        /// The version's id.
        public var id: UUID
        /// Its number.
        public var number: Int
        /// Its state.
        public var state: VersionState
        /// The 批复 date, once published.
        public var approvalDate: String?
        /// When it was published.
        public var publishedAt: String?
    }

    /// The unit.
    public var unit: StoredUnit
    /// Its 主管部门.
    public var department: StoredDepartment
    /// Its versions of the year and phase, by number.
    public var versions: [Entry]

    /// The version first published: a correction published later does not change when the
    /// disclosure was first public.
    public var firstPublished: Entry? { versions.filter { $0.publishedAt != nil }.min { $0.number < $1.number } }
}

extension Store {
    /// Every unit of a region, each with its versions of `year` and `phase` (budget data left out),
    /// by department and unit code.
    public func publications(inRegion regionID: UUID, year: Int, phase: DocumentKind) async throws -> [UnitPublications] {
        let departments = try await DepartmentRecord.query(on: database).filter(\.$regionID == regionID).sort(\.$code).all()
        guard !departments.isEmpty else { return [] }
        let units = try await UnitRecord.query(on: database).filter(\.$departmentID ~~ departments.compactMap(\.id)).sort(\.$code).all()
        guard !units.isEmpty else { return [] }
        let rows = try await sql(database).select()
            .columns("id", "unit_id", "number", "state", "approval_date", "published_at").from(VersionRecord.schema)
            .where("fiscal_year", .equal, year).where("phase", .equal, phase.rawValue)
            .where("unit_id", .in, units.compactMap(\.id))
            .all()
        var byUnit: [UUID: [UnitPublications.Entry]] = [:]
        for row in rows {
            let stateText = try row.decode(column: "state", as: String.self)
            guard let state = VersionState(rawValue: stateText) else { throw StoreError.invalid("版本状态“\(stateText)”无效") }
            let entry = UnitPublications.Entry(id: try row.decode(column: "id", as: UUID.self), number: try row.decode(column: "number", as: Int.self),
                                               state: state, approvalDate: try row.decode(column: "approval_date", as: String?.self),
                                               publishedAt: try row.decode(column: "published_at", as: String?.self))
            byUnit[try row.decode(column: "unit_id", as: UUID.self), default: []].append(entry)
        }
        let departmentByID = Dictionary(uniqueKeysWithValues: try departments.map { (try $0.requireID(), $0) })
        return try units.map { record in
            guard let department = departmentByID[record.departmentID] else { throw StoreError.notFound("部门 \(record.departmentID)") }
            return UnitPublications(unit: try Self.unit(record, regionID: regionID),
                                    department: StoredDepartment(id: try department.requireID(), regionID: regionID, code: department.code, name: department.name),
                                    versions: (byUnit[try record.requireID()] ?? []).sorted { $0.number < $1.number })
        }
    }
}
