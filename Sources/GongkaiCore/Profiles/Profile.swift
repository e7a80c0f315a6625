import Foundation

/// What a region, level and document kind require of a disclosure: its tables, its sections, the
/// performance-weight convention, and the rows of the inspection checklist. Profiles are data
/// (`Resources/profiles/*.json`), so a new region is a new file.
public struct Profile: Sendable, Codable {
    /// A required table: its kind and the Chinese title users know it by.
    public struct RequiredTable: Sendable, Codable {
        /// The table kind.
        public var kind: TableKind
        /// The title in this profile's wording.
        public var title: String
        /// Other titles this profile uses for the kind (e.g. 部门收支总表 in a unit budget).
        public var acceptedTitles: [String]?
    }

    /// A required narrative section.
    public struct RequiredSection: Sendable, Codable {
        /// The section kind.
        public var kind: NarrativeSectionKind
        /// The section's title in this profile's wording.
        public var title: String
        /// Sections of other kinds that hold this content in the profile's documents (the overall figures
        /// stated in a 部门预算情况说明, for instance).
        public var alsoIn: [NarrativeSectionKind]?
        /// Headings the profile's documents open this content with, where the national wording reads them
        /// otherwise or not at all (部门情况说明 for the duties).
        public var headings: [String]?
    }

    /// The performance-weight convention of the profile's templates.
    public struct PerformanceWeights: Sendable, Codable {
        /// What the indicator weights of one project must total.
        public var indicatorTotal: Decimal
        /// The separate weight of 预算执行率 (10 of 100 in the Chongqing template), if any.
        public var executionRateWeight: Decimal?
    }

    /// One row of the inspection checklist (检查表).
    public struct ChecklistRow: Sendable, Codable {
        /// The group column (及时性, 内容规范性).
        public var group: String
        /// The row label.
        public var label: String
        /// What the row covers: `document`, `cover`, `contents`, `section:<kind>`, `table:<kind>`.
        public var covers: [String]
    }

    /// How to recognise documents of the profile.
    public struct Detection: Sendable, Codable {
        /// Words that name the region or kind of body (上海市, 重庆市, 大学): strong evidence in the
        /// document's title or unit name, weaker in its opening paragraphs.
        public var keywords: [String]
        /// Words that count only in the document's title, unit name or a table's 编制单位 (国家, 大学):
        /// common in any document's prose, telling only in a name.
        public var nameKeywords: [String]?
        /// Table titles typical of the profile.
        public var tableTitleHints: [String]
        /// The money unit its tables use.
        public var moneyUnit: MoneyUnit?
    }

    /// The profile id, e.g. `shanghai-unit-budget`.
    public var id: String
    /// The Chinese name.
    public var title: String
    /// The region or body of government the profile describes (北京市, 中央部门); nil for the national minimum.
    public var region: String?
    /// The years of documents the profile describes, when its templates changed (nil: every year).
    public var years: ClosedRange<Int>?
    /// Budget or final accounts; nil when any.
    public var kind: DocumentKind?
    /// Unit or department; nil when any.
    public var level: DocumentLevel?
    /// Tables that must be present.
    public var requiredTables: [RequiredTable]
    /// Sections that must be present.
    public var requiredSections: [RequiredSection]
    /// Indicator-weight convention, nil when the templates have no weights.
    public var performanceWeights: PerformanceWeights?
    /// Whether 机关运行经费 must equal the 公用经费 of the general-budget basic expenditure table.
    public var operatingCostsEqualPublicCosts: Bool
    /// The checklist title.
    public var checklistTitle: String
    /// The checklist rows.
    public var checklist: [ChecklistRow]
    /// Detection hints.
    public var detection: Detection
    /// How Gongkai lays out a package of this profile when it writes one; nil when it writes none.
    public var render: RenderLayout?

    /// The Chinese title the profile gives a table kind.
    public func tableTitle(for kind: TableKind) -> String {
        requiredTables.first { $0.kind == kind }?.title ?? kind.chineseName
    }

    /// Every title the profile uses for tables, for wording checks.
    public var allTableTitles: [String] {
        requiredTables.flatMap { [$0.title] + ($0.acceptedTitles ?? []) }
    }
}

extension Profile {
    /// All bundled profiles, in a stable order.
    public static func bundled() throws -> [Profile] {
        try ProfileStore.shared.all()
    }

    /// The bundled profile with `id`, or a thrown error listing the ids there are.
    public static func named(_ id: String) throws -> Profile {
        let all = try bundled()
        guard let profile = all.first(where: { $0.id == id }) else {
            throw GongkaiError(.profileInvalid, "没有名为“\(id)”的检查口径；可用：\(all.map(\.id).joined(separator: ", "))")
        }
        return profile
    }
}

/// Loads the bundled profile files once.
private final class ProfileStore: @unchecked Sendable {
    static let shared = ProfileStore()
    private let lock = NSLock()
    private var cached: [Profile]?

    func all() throws -> [Profile] {
        lock.lock()
        defer { lock.unlock() }
        if let cached { return cached }
        guard let directory = Bundle.module.url(forResource: "profiles", withExtension: nil) else {
            throw GongkaiError(.profileInvalid, "内置检查口径文件缺失（安装不完整）")
        }
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path))?.filter { $0.hasSuffix(".json") }.sorted() ?? []
        var profiles: [Profile] = []
        for file in files {
            let url = directory.appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: url.path) else { continue }
            do {
                profiles.append(try JSONDecoder().decode(Profile.self, from: data))
            } catch {
                throw GongkaiError(.profileInvalid, "检查口径文件格式错误", path: url.path, cause: GongkaiError.Detail(String(describing: error)))
            }
        }
        cached = profiles
        return profiles
    }
}
