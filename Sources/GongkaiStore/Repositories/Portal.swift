import FluentKit
import Foundation
import GongkaiCore
import GongkaiWorkflow
import SQLKit

/// What the public portal reads: the figures and texts of current public versions, search over them,
/// and publications in the order they were published.
extension Store {
    /// Writes a published version's figures and texts (in the publishing transaction), after removing
    /// those of the version it supersedes.
    func writeIndex(_ index: PublicationIndex, of record: VersionRecord, unit: StoredUnit, replacing replaced: UUID?, on db: any Database) async throws {
        let sql = try sql(db)
        if let replaced {
            try await sql.delete(from: "portal_figures").where("version_id", .equal, replaced).run()
            try await sql.delete(from: "portal_texts").where("version_id", .equal, replaced).run()
        }
        let id = try record.requireID()
        // Inserted in chunks: a statement may bind at most 32,766 values on SQLite and 65,535 on PostgreSQL.
        for chunk in index.figures.chunked(by: 500) {
            var insert = sql.insert(into: "portal_figures")
                .columns("id", "version_id", "unit_id", "region_id", "fiscal_year", "phase", "measure", "label", "basis", "amount_fen")
            for figure in chunk {
                insert = insert.values(SQLBind(UUID()), SQLBind(id), SQLBind(unit.id), SQLBind(unit.regionID), SQLBind(record.fiscalYear),
                                       SQLBind(record.phase), SQLBind(figure.measure), SQLBind(figure.label), SQLBind(figure.basis.rawValue),
                                       SQLBind(figure.amount.fen))
            }
            try await insert.run()
        }
        for chunk in index.texts.chunked(by: 500) {
            // Each distinct text is stored once, as a label; the version's texts point at their labels.
            var distinct: [String: IndexedText] = [:]
            for text in chunk { distinct["\(text.kind.rawValue)|\(text.text)"] = text }
            var labels = sql.insert(into: "portal_labels").columns("kind", "text")
            for text in distinct.values { labels = labels.values(SQLBind(text.kind.rawValue), SQLBind(text.text)) }
            try await labels.ignoringConflicts(with: ["kind", "text"]).run()
            var ids: [String: Int64] = [:]
            for row in try await sql.select().columns("id", "kind", "text").from("portal_labels")
                .where("text", .in, Array(Set(distinct.values.map(\.text)))).all() {
                ids["\(try row.decode(column: "kind", as: String.self))|\(try row.decode(column: "text", as: String.self))"] = try row.decode(column: "id", as: Int64.self)
            }
            var insert = sql.insert(into: "portal_texts")
                .columns("id", "version_id", "unit_id", "region_id", "fiscal_year", "phase", "label_id", "anchor")
            for text in chunk {
                guard let label = ids["\(text.kind.rawValue)|\(text.text)"] else { throw StoreError.invalid("检索文字“\(text.text.prefix(20))”未能保存") }
                insert = insert.values(SQLBind(UUID()), SQLBind(id), SQLBind(unit.id), SQLBind(unit.regionID), SQLBind(record.fiscalYear),
                                       SQLBind(record.phase), SQLBind(label), SQLBind(text.anchor))
            }
            try await insert.run()
        }
    }

    /// Indexes a published version that has no index yet (published before the portal existed); does
    /// nothing when it has one.
    public func indexPublishedVersion(_ versionID: UUID, index: PublicationIndex) async throws {
        try await write { db in
            guard let record = try await VersionRecord.find(versionID, on: db), record.state == VersionState.published.rawValue else {
                throw StoreError.notFound("已公开的预算版本 \(versionID)")
            }
            let existing = try await self.sql(db).select().column("id").from("portal_figures").where("version_id", .equal, versionID).limit(1).all()
            guard existing.isEmpty else { return }
            try await self.writeIndex(index, of: record, unit: try await self.unitOn(db, record.unitID), replacing: nil, on: db)
        }
    }

    /// Published versions without figures in the portal's index.
    public func unindexedPublishedVersions() async throws -> [StoredVersion] {
        let rows = try await sql(database).raw("""
            SELECT id FROM budget_versions v WHERE v.state = \(bind: VersionState.published.rawValue)
            AND NOT EXISTS (SELECT 1 FROM portal_figures f WHERE f.version_id = v.id)
            """).all()
        var versions: [StoredVersion] = []
        for row in rows { versions.append(try await version(try row.decode(column: "id", as: UUID.self))) }
        return versions
    }

    /// The figures of the units' current publications (every year and phase), optionally of one
    /// year, by year.
    public func figures(ofUnits unitIDs: [UUID], year: Int? = nil) async throws -> [PublishedFigure] {
        guard !unitIDs.isEmpty else { return [] }
        var query = try sql(database).select()
            .columns("unit_id", "version_id", "fiscal_year", "phase", "measure", "label", "basis", "amount_fen").from("portal_figures")
            .where("unit_id", .in, unitIDs)
        if let year { query = query.where("fiscal_year", .equal, year) }
        return try await query.orderBy("fiscal_year").all().map { row in
            let phaseText = try row.decode(column: "phase", as: String.self)
            guard let phase = DocumentKind(rawValue: phaseText) else { throw StoreError.invalid("版本种类“\(phaseText)”无效") }
            let basis = FigureBasis(rawValue: try row.decode(column: "basis", as: String.self)) ?? .stated
            return PublishedFigure(unitID: try row.decode(column: "unit_id", as: UUID.self), versionID: try row.decode(column: "version_id", as: UUID.self),
                                   year: try row.decode(column: "fiscal_year", as: Int.self), phase: phase,
                                   figure: IndexedFigure(measure: try row.decode(column: "measure", as: String.self),
                                                         label: try row.decode(column: "label", as: String.self), basis: basis,
                                                         amount: Amount(fen: try row.decode(column: "amount_fen", as: Int64.self))))
        }
    }

    /// Units whose name contains `query`, then texts of current publications that contain it
    /// (newest year first, among the places of the first `searchedLabels` distinct texts that match), at most `limit` of each; `kind` keeps texts of one kind. The text is
    /// matched as given, so a query of two Chinese characters (三公) finds what contains them.
    public func search(_ query: String, kind: IndexedTextKind? = nil, limit: Int = 50) async throws -> [SearchHit] {
        let needle = query.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !needle.isEmpty else { return [] }
        let sql = try sql(database)
        let contains = isPostgres(database) ? "strpos" : "instr"
        var hits: [SearchHit] = []
        var units: [UUID: StoredUnit] = [:]
        if kind == nil {
            let rows = try await sql.raw("""
                SELECT u.id, u.department_id, u.code, u.name, u.contact, d.region_id FROM units u JOIN departments d ON d.id = u.department_id
                WHERE \(unsafeRaw: contains)(u.name, \(bind: needle)) > 0 ORDER BY u.code LIMIT \(bind: limit)
                """).all()
            for row in rows {
                let unit = try Self.unit(row)
                units[unit.id] = unit
                hits.append(SearchHit(unit: unit, kind: nil, text: unit.name))
            }
        }
        // The distinct texts are scanned first (a few per cent of the texts' rows in a district: the
        // database would otherwise start from the texts' rows), their ids read back as one list.
        let kindFilter = kind.map { SQLQueryString("AND kind = \(bind: $0.rawValue)") } ?? SQLQueryString("")
        let joinIDs = isPostgres(database) ? "string_agg(id::text, ',')" : "group_concat(id)"
        let joined = try await sql.raw("""
            SELECT \(unsafeRaw: joinIDs) AS ids FROM (SELECT id FROM portal_labels
            WHERE \(unsafeRaw: contains)(text, \(bind: needle)) > 0 \(kindFilter) ORDER BY id LIMIT \(bind: Self.searchedLabels)) matched
            """).first()?.decode(column: "ids", as: String?.self)
        let idList = (joined ?? "").split(separator: ",").compactMap { Int64($0) }.sorted()
        // The newest places of a few hundred labels each, merged by the database: each part reads its
        // labels' places from the covering index (PostgreSQL scans every place for a long list), and
        // the newest `limit` of all are among the parts' newest `limit` each.
        let parts = idList.chunked(by: 200).map { chunk in
            SQLQueryString("""
                SELECT * FROM (SELECT unit_id, label_id, anchor, fiscal_year, phase FROM portal_texts WHERE label_id IN \(SQLBind.group(Array(chunk)))
                ORDER BY fiscal_year DESC, unit_id, label_id, phase, anchor LIMIT \(bind: limit)) part
                """)
        }
        let rows = parts.isEmpty ? [] : try await sql.raw("""
            SELECT * FROM (\(parts.joined(separator: " UNION ALL "))) places ORDER BY fiscal_year DESC, unit_id, label_id, phase, anchor LIMIT \(bind: limit)
            """).all()
        var labels: [Int64: (kind: IndexedTextKind, text: String)] = [:]
        let shown = Set(try rows.map { try $0.decode(column: "label_id", as: Int64.self) })
        if !shown.isEmpty {
            for row in try await sql.raw("SELECT id, kind, text FROM portal_labels WHERE id IN \(SQLBind.group(Array(shown)))").all() {
                guard let kind = IndexedTextKind(rawValue: try row.decode(column: "kind", as: String.self)) else { continue }
                labels[try row.decode(column: "id", as: Int64.self)] = (kind, try row.decode(column: "text", as: String.self))
            }
        }
        let missing = Set(try rows.map { try $0.decode(column: "unit_id", as: UUID.self) }).subtracting(units.keys)
        if !missing.isEmpty {
            let found = try await sql.raw("""
                SELECT u.id, u.department_id, u.code, u.name, u.contact, d.region_id FROM units u JOIN departments d ON d.id = u.department_id
                WHERE u.id IN \(SQLBind.group(Array(missing)))
                """).all()
            for row in found {
                let unit = try Self.unit(row)
                units[unit.id] = unit
            }
        }
        for row in rows {
            guard let unit = units[try row.decode(column: "unit_id", as: UUID.self)],
                  let label = labels[try row.decode(column: "label_id", as: Int64.self)] else { continue }
            hits.append(SearchHit(unit: unit, kind: label.kind, text: label.text,
                                  year: try row.decode(column: "fiscal_year", as: Int.self),
                                  phase: DocumentKind(rawValue: try row.decode(column: "phase", as: String.self)),
                                  anchor: try row.decode(column: "anchor", as: String.self)))
        }
        return hits
    }

    /// The most distinct texts one search looks at (the earliest stored): a word found in more than
    /// this many different sentences is better narrowed by a longer query.
    static let searchedLabels = 2_000

    /// Public versions (published or superseded) in the order they were published, newest first,
    /// at most `limit`, before the cursor `(publishedAt, id)` of the last one read; `regionID` keeps one region's.
    public func publicationSummaries(regionID: UUID? = nil, before cursor: (publishedAt: String, id: UUID)? = nil,
                                     limit: Int = 100) async throws -> [PublicationSummary] {
        let publicStates = VersionState.allCases.filter(\.isPublic).map(\.rawValue)
        let region = regionID.map { SQLQueryString("AND d.region_id = \(bind: $0)") } ?? SQLQueryString("")
        let after = cursor.map { SQLQueryString("AND (v.published_at < \(bind: $0.publishedAt) OR (v.published_at = \(bind: $0.publishedAt) AND v.id < \(bind: $0.id)))") }
            ?? SQLQueryString("")
        let rows = try await sql(database).raw("""
            SELECT v.id AS version_id, v.fiscal_year, v.phase, v.number, v.state, v.approval_date, v.published_at, v.total_expenditure_fen,
                   u.id, u.department_id, u.code, u.name, u.contact, d.region_id
            FROM budget_versions v JOIN units u ON u.id = v.unit_id JOIN departments d ON d.id = u.department_id
            WHERE v.state IN \(SQLBind.group(publicStates)) \(region) \(after)
            ORDER BY v.published_at DESC, v.id DESC LIMIT \(bind: limit)
            """).all()
        return try rows.map { row in
            let phaseText = try row.decode(column: "phase", as: String.self)
            guard let phase = DocumentKind(rawValue: phaseText) else { throw StoreError.invalid("版本种类“\(phaseText)”无效") }
            return PublicationSummary(unit: try Self.unit(row), versionID: try row.decode(column: "version_id", as: UUID.self),
                                      year: try row.decode(column: "fiscal_year", as: Int.self), phase: phase,
                                      number: try row.decode(column: "number", as: Int.self), state: try row.decode(column: "state", as: String.self),
                                      approvalDate: try row.decode(column: "approval_date", as: String?.self),
                                      publishedAt: try row.decode(column: "published_at", as: String.self),
                                      totalExpenditure: Amount(fen: try row.decode(column: "total_expenditure_fen", as: Int64.self)))
        }
    }

    /// The current published versions of a region's year (and phase, if given), by id after the
    /// cursor, at most `limit`: the bulk download reads them page by page.
    public func currentPublications(inRegion regionID: UUID, year: Int, phase: DocumentKind?, after: UUID?, limit: Int) async throws -> [StoredVersion] {
        let phaseFilter = phase.map { SQLQueryString("AND v.phase = \(bind: $0.rawValue)") } ?? SQLQueryString("")
        let cursor = after.map { SQLQueryString("AND v.id > \(bind: $0)") } ?? SQLQueryString("")
        let rows = try await sql(database).raw("""
            SELECT v.id FROM budget_versions v JOIN units u ON u.id = v.unit_id JOIN departments d ON d.id = u.department_id
            WHERE d.region_id = \(bind: regionID) AND v.fiscal_year = \(bind: year) AND v.state = \(bind: VersionState.published.rawValue)
            \(phaseFilter) \(cursor) ORDER BY v.id LIMIT \(bind: limit)
            """).all()
        let ids = try rows.map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return [] }
        return try await VersionRecord.query(on: database).filter(\.$id ~~ ids).sort(\.$id).all().map(Self.version)
    }

    /// The years a region has current publications of, newest first.
    public func publishedYears(inRegion regionID: UUID) async throws -> [Int] {
        try await sql(database).raw("""
            SELECT DISTINCT fiscal_year FROM portal_figures WHERE region_id = \(bind: regionID) ORDER BY fiscal_year DESC
            """).all().map { try $0.decode(column: "fiscal_year", as: Int.self) }
    }

    /// A unit from a row of `units` joined with its department's `region_id`.
    static func unit(_ row: any SQLRow) throws -> StoredUnit {
        StoredUnit(id: try row.decode(column: "id", as: UUID.self), departmentID: try row.decode(column: "department_id", as: UUID.self),
                   regionID: try row.decode(column: "region_id", as: UUID.self), code: try row.decode(column: "code", as: String.self),
                   name: try row.decode(column: "name", as: String.self), contact: try row.decode(column: "contact", as: String?.self))
    }
}

extension Array {
    /// The array in consecutive pieces of at most `size` elements.
    func chunked(by size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

/// A version on a staff member's worklist, without its budget data.
public struct WorkItem: Sendable, Equatable {
    /// The version's id.
    public var versionID: UUID
    /// Its unit.
    public var unit: StoredUnit
    /// The fiscal year.
    public var year: Int
    /// 预算 or 决算.
    public var phase: DocumentKind
    /// Its number.
    public var number: Int
    /// Where it stands.
    public var state: VersionState
    /// When it last changed.
    public var updatedAt: String
    /// The last return comment.
    public var lastComment: String?
}

extension Store {
    /// The versions of units inside `scope` in one of `states`, most recently changed first, at most `limit`.
    public func workItems(in scope: Scope, states: [VersionState], limit: Int = 200) async throws -> [WorkItem] {
        guard let scopeID = UUID(uuidString: scope.id) else { return [] }
        let column = switch scope.kind {
        case .unit: "u.id"
        case .department: "u.department_id"
        case .region: "d.region_id"
        }
        let rows = try await sql(database).raw("""
            SELECT v.id AS version_id, v.fiscal_year, v.phase, v.number, v.state, v.updated_at, v.last_comment,
                   u.id, u.department_id, u.code, u.name, u.contact, d.region_id
            FROM budget_versions v JOIN units u ON u.id = v.unit_id JOIN departments d ON d.id = u.department_id
            WHERE \(unsafeRaw: column) = \(bind: scopeID) AND v.state IN \(SQLBind.group(states.map(\.rawValue)))
            ORDER BY v.updated_at DESC LIMIT \(bind: limit)
            """).all()
        return try rows.map { row in
            let phaseText = try row.decode(column: "phase", as: String.self)
            let stateText = try row.decode(column: "state", as: String.self)
            guard let phase = DocumentKind(rawValue: phaseText), let state = VersionState(rawValue: stateText) else {
                throw StoreError.invalid("版本“\(phaseText)/\(stateText)”无效")
            }
            return WorkItem(versionID: try row.decode(column: "version_id", as: UUID.self), unit: try Self.unit(row),
                            year: try row.decode(column: "fiscal_year", as: Int.self), phase: phase, number: try row.decode(column: "number", as: Int.self),
                            state: state, updatedAt: try row.decode(column: "updated_at", as: String.self),
                            lastComment: try row.decode(column: "last_comment", as: String?.self))
        }
    }
}
