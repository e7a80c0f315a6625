import GongkaiCore

/// A paragraph of the narrative, with an optional bold lead-in (（一）职能职责。).
public struct RenderedParagraph: Sendable, Equatable, Codable {
    /// The bold lead-in, if any.
    public var lead: String?
    /// The text.
    public var text: String

    /// Creates a paragraph.
    public init(lead: String? = nil, _ text: String) {
        self.lead = lead
        self.text = text
    }
}

/// A chapter of the narrative (一、单位基本情况).
public struct RenderedSection: Sendable, Equatable, Codable {
    /// The heading as printed.
    public var heading: String
    /// The paragraphs.
    public var paragraphs: [RenderedParagraph]

    /// Creates a section.
    public init(heading: String, paragraphs: [RenderedParagraph]) {
        self.heading = heading
        self.paragraphs = paragraphs
    }
}

/// A complete disclosure package rendered from a budget: cover, narrative and tables, ready for the
/// writers (HTML, PDF, XLSX, CSV, JSON, text).
public struct RenderedDocument: Sendable, Equatable {
    /// The profile it was rendered with.
    public var profileID: String
    /// The unit's (or department's) name.
    public var unitName: String
    /// The fiscal year.
    public var year: Int
    /// Budget or final accounts.
    public var kind: DocumentKind
    /// Unit or department.
    public var level: DocumentLevel
    /// The document title (石柱土家族自治县老干部活动中心2023年单位预算情况说明).
    public var title: String
    /// Lines printed on the cover under the title.
    public var coverLines: [String]
    /// The narrative title (情况说明), printed above the sections.
    public var narrativeTitle: String
    /// The narrative.
    public var sections: [RenderedSection]
    /// The heading printed before the tables (2023年单位预算公开表).
    public var tablesHeading: String
    /// The tables.
    public var tables: [RenderedTable]
    /// Whether the narrative comes after the tables (as Shanghai's 其他相关情况说明 does) — only the
    /// sections from this index on are printed after the tables.
    public var sectionsAfterTables: Int?
    /// How the profile prints it: page, fonts, sizes.
    public var print: RenderLayout.Print

    /// Creates a document.
    public init(profileID: String, unitName: String, year: Int, kind: DocumentKind, level: DocumentLevel, title: String, coverLines: [String],
                narrativeTitle: String, sections: [RenderedSection], tablesHeading: String, tables: [RenderedTable], sectionsAfterTables: Int? = nil,
                print: RenderLayout.Print) {
        self.profileID = profileID
        self.unitName = unitName
        self.year = year
        self.kind = kind
        self.level = level
        self.title = title
        self.coverLines = coverLines
        self.narrativeTitle = narrativeTitle
        self.sections = sections
        self.tablesHeading = tablesHeading
        self.tables = tables
        self.sectionsAfterTables = sectionsAfterTables
        self.print = print
    }

    /// The 目录: every section heading and every table, in the order printed (表一 财政拨款收支总表).
    public var contents: [String] {
        sectionsBeforeTables.map(\.heading) + [tablesHeading]
            + tables.map { table in (table.number.map { "\($0) " } ?? "") + (table.contentsTitle ?? table.title) }
            + trailingSections.map(\.heading)
    }

    /// Sections printed before the tables.
    public var sectionsBeforeTables: [RenderedSection] { Array(sections.prefix(sectionsAfterTables ?? sections.count)) }
    /// Sections printed after the tables.
    public var trailingSections: [RenderedSection] { Array(sections.dropFirst(sectionsAfterTables ?? sections.count)) }
}
