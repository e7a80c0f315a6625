import Foundation

/// A year-versioned catalog of the 政府收支分类科目: code → official name, with per-row provenance.
///
/// The bundled catalog is rebuilt from public fragments and recall (see `SOURCES.md` of the shared data);
/// most rows are unverified, so a code missing from it is a warning, never an error.
public struct Catalog: Sendable {
    /// The budget year the catalog is for.
    public let year: Int
    /// Where the rows came from (bundled files, or the override file's path).
    public let origin: String
    private let entries: [ClassificationScheme: [String: CatalogEntry]]
    private let formerNamesByCode: [String: [FormerName]]
    private let childrenByName: [String: [CatalogEntry]]

    /// Creates a catalog from rows and known renames.
    public init(year: Int, origin: String, entries: [CatalogEntry], formerNames: [FormerName]) {
        self.year = year
        self.origin = origin
        var byScheme: [ClassificationScheme: [String: CatalogEntry]] = [:]
        var byName: [String: [CatalogEntry]] = [:]
        for entry in entries {
            byScheme[entry.scheme, default: [:]][entry.code] = entry
        }
        for scheme in byScheme.values {
            for entry in scheme.values {
                byName[ChineseText.comparisonKey(entry.name), default: []].append(entry)
            }
        }
        self.entries = byScheme
        self.formerNamesByCode = Dictionary(grouping: formerNames.filter { $0.formerName != $0.currentName }, by: \.code)
        self.childrenByName = byName
    }

    /// The row for `code`, if the catalog has it.
    public func entry(for code: ClassificationCode) -> CatalogEntry? {
        entries[code.scheme]?[code.digits]
    }

    /// Every known rename: a code's name before a given year.
    public var formerNames: [FormerName] {
        formerNamesByCode.values.flatMap { $0 }.sorted { $0.code < $1.code }
    }

    /// All rows of `scheme`, sorted by code.
    public func entries(of scheme: ClassificationScheme) -> [CatalogEntry] {
        (entries[scheme] ?? [:]).values.sorted { $0.code < $1.code }
    }

    /// Whether the catalog has any row for `scheme` (an override may bring only one scheme).
    public func covers(_ scheme: ClassificationScheme) -> Bool { !(entries[scheme]?.isEmpty ?? true) }

    /// If `name` is a name `code` had before this catalog's year, that former name record.
    public func formerName(of code: ClassificationCode, matching name: String) -> FormerName? {
        let key = ChineseText.comparisonKey(name)
        return formerNamesByCode[code.digits]?.first { ChineseText.comparisonKey($0.formerName) == key && $0.lastYear < year }
    }

    /// The codes whose official (or former) name is `name`, optionally only the children of `parent`.
    public func codes(named name: String, under parent: String? = nil) -> [String] {
        let key = ChineseText.comparisonKey(name)
        var found = (childrenByName[key] ?? []).map(\.code)
        for records in formerNamesByCode.values {
            for record in records where ChineseText.comparisonKey(record.formerName) == key { found.append(record.code) }
        }
        if let parent {
            found = found.filter { $0.hasPrefix(parent) && $0.count == parent.count + 2 }
        }
        return Array(Set(found)).sorted()
    }

    /// This catalog with `overrides` replacing or adding rows; schemes present in the overrides
    /// replace the bundled rows of that scheme entirely.
    public func overriding(with overrides: [CatalogEntry], origin: String) -> Catalog {
        let replaced = Set(overrides.map(\.scheme))
        var rows = entries.filter { !replaced.contains($0.key) }.flatMap { $0.value.values }
        rows += overrides
        return Catalog(year: year, origin: origin, entries: rows, formerNames: formerNames)
    }
}

extension Catalog {
    /// The catalog bundled with Gongkai, as it applies to `year` (rows added later are left out).
    public static func bundled(year: Int) throws -> Catalog {
        try BundledCatalogCache.shared.catalog(year: year)
    }

    /// Reads catalog rows from a CSV file with the header `code,name[,level][,scheme][,status,evidence]`.
    /// A row without `scheme` gets it from its first digit: 2 functional, 3 department economic,
    /// 5 government economic.
    public static func readOverride(at path: String) throws -> [CatalogEntry] {
        // Only a regular file is opened: reading a pipe would wait forever.
        if let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType, type != .typeRegular {
            throw GongkaiError(.notRegularFile, "分类科目文件不是普通文件（可能是文件夹、管道或设备），请指定一个 CSV 文件", path: path)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GongkaiError(.fileNotFound, "找不到分类科目文件，请检查路径", path: path)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw GongkaiError(.catalogInvalid, "分类科目文件不是 UTF-8 编码的 CSV", path: path)
        }
        return try parseRows(CSVTable(parsing: text), origin: path, defaultStatus: "user")
    }

    static func parseRows(_ table: CSVTable, origin: String, defaultStatus: String,
                          scheme fixedScheme: ClassificationScheme? = nil) throws -> [CatalogEntry] {
        guard table.header.contains("code"), table.header.contains("name") else {
            throw GongkaiError(.catalogInvalid, "CSV 第 1 行应为表头 code,name[,level,scheme,status,evidence]，实际为：\(table.header.joined(separator: ","))", path: origin)
        }
        var result: [CatalogEntry] = []
        for row in table.rows {
            let code = table.value("code", in: row.fields) ?? ""
            let name = table.value("name", in: row.fields) ?? ""
            let place = SourceLocation(file: origin, line: row.line)
            guard let parsed = ClassificationCode(digits: code) else {
                throw GongkaiError(.catalogInvalid, "科目编码“\(code)”无效：应为 3、5 或 7 位数字（功能分类以 2 开头，经济分类以 3 或 5 开头）", path: origin, location: place)
            }
            guard !name.isEmpty else {
                throw GongkaiError(.catalogInvalid, "科目 \(code) 缺少名称", path: origin, location: place)
            }
            var scheme = fixedScheme ?? parsed.scheme
            if let text = table.value("scheme", in: row.fields), !text.isEmpty {
                guard let named = ClassificationScheme(rawValue: text) else {
                    throw GongkaiError(.catalogInvalid, "scheme 应为 functional、economic-department 或 economic-government，实际为“\(text)”", path: origin, location: place)
                }
                scheme = named
            }
            let status = table.value("status", in: row.fields).flatMap { $0.isEmpty ? nil : $0 } ?? defaultStatus
            let evidence = table.value("evidence", in: row.fields) ?? ""
            result.append(CatalogEntry(scheme: scheme, code: code, name: name, level: parsed.level,
                                       provenance: Provenance(status: status, evidence: evidence)))
        }
        return result
    }
}

/// Loads the bundled catalog files once per process.
private final class BundledCatalogCache: @unchecked Sendable {
    static let shared = BundledCatalogCache()
    private let lock = NSLock()
    private var base: (entries: [CatalogEntry], changes: [(since: Int, entry: CatalogEntry)], renames: [FormerName])?
    private var byYear: [Int: Catalog] = [:]

    func catalog(year: Int) throws -> Catalog {
        lock.lock()
        defer { lock.unlock() }
        if let cached = byYear[year] { return cached }
        let data = try base ?? loadFiles()
        base = data
        let added = data.changes.filter { $0.since <= year }.map(\.entry)
        let addedCodes = Set(added.map(\.code))
        let rows = data.entries.filter { !addedCodes.contains($0.code) } + added
        let catalog = Catalog(year: year, origin: "内置 2023 年政府收支分类科目（含后续年度增补）", entries: rows, formerNames: data.renames)
        byYear[year] = catalog
        return catalog
    }

    private func loadFiles() throws -> (entries: [CatalogEntry], changes: [(since: Int, entry: CatalogEntry)], renames: [FormerName]) {
        guard let directory = Bundle.module.url(forResource: "catalog", withExtension: nil) else {
            throw GongkaiError(.catalogInvalid, "内置分类科目文件缺失（安装不完整）")
        }
        func table(_ name: String) throws -> CSVTable {
            let url = directory.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path), let text = String(data: data, encoding: .utf8) else {
                throw GongkaiError(.catalogInvalid, "内置分类科目文件无法读取", path: url.path)
            }
            return CSVTable(parsing: text)
        }
        var entries: [CatalogEntry] = []
        let files: [(String, ClassificationScheme)] = [
            ("functional-2023", .functional), ("economic-department-2023", .economicDepartment),
            ("economic-government-2023", .economicGovernment),
        ]
        for (name, scheme) in files {
            let provenance = try table(name + ".provenance.csv")
            var statusByCode: [String: Provenance] = [:]
            for row in provenance.rows {
                if let code = provenance.value("code", in: row.fields) {
                    statusByCode[code] = Provenance(status: provenance.value("status", in: row.fields) ?? "unknown",
                                                    evidence: provenance.value("evidence", in: row.fields) ?? "")
                }
            }
            for var entry in try Catalog.parseRows(table(name + ".csv"), origin: name, defaultStatus: "unknown", scheme: scheme) {
                entry.provenance = statusByCode[entry.code] ?? entry.provenance
                entries.append(entry)
            }
        }
        let changesTable = try table("functional-changes.csv")
        var changes: [(Int, CatalogEntry)] = []
        for (row, entry) in zip(changesTable.rows, try Catalog.parseRows(changesTable, origin: "functional-changes", defaultStatus: "unknown", scheme: .functional)) {
            changes.append((Int(changesTable.value("since", in: row.fields) ?? "") ?? 9999, entry))
        }
        let renameTable = try table("renamed-names.csv")
        let renames = renameTable.rows.compactMap { row -> FormerName? in
            guard let code = renameTable.value("code", in: row.fields),
                  let former = renameTable.value("former_name", in: row.fields),
                  let last = Int(renameTable.value("last_year", in: row.fields) ?? ""),
                  let current = renameTable.value("current_name", in: row.fields) else { return nil }
            return FormerName(code: code, formerName: former, lastYear: last, currentName: current,
                              provenance: Provenance(status: renameTable.value("status", in: row.fields) ?? "",
                                                     evidence: renameTable.value("evidence", in: row.fields) ?? ""))
        }
        return (entries, changes, renames)
    }
}
