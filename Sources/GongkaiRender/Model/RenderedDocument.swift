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
    /// How the 目录 lists the package: whether it names the narrative's title, whether it numbers the tables.
    public var contentsStyle: RenderLayout.ContentsStyle

    /// Creates a document.
    public init(profileID: String, unitName: String, year: Int, kind: DocumentKind, level: DocumentLevel, title: String, coverLines: [String],
                narrativeTitle: String, sections: [RenderedSection], tablesHeading: String, tables: [RenderedTable], sectionsAfterTables: Int? = nil,
                print: RenderLayout.Print, contentsStyle: RenderLayout.ContentsStyle = RenderLayout.ContentsStyle()) {
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
        self.contentsStyle = contentsStyle
    }

    /// What an entry of the 目录 points at.
    public enum ContentsTarget: Sendable, Equatable {
        /// The narrative's title.
        case narrative
        /// A section, by its index in ``sections``.
        case section(Int)
        /// The heading over the tables.
        case tables
        /// A table, by its index in ``tables``.
        case table(Int)
    }

    /// One entry of the 目录: its text, the heading it stands for as printed over its page, and what
    /// it points at.
    public struct ContentsEntry: Sendable, Equatable {
        /// The entry as the 目录 prints it (表一 财政拨款收支总表).
        public var text: String
        /// The heading printed where the entry begins.
        public var heading: String
        /// What it points at.
        public var target: ContentsTarget
    }

    /// The 目录's entries, in the order printed: the narrative's title where the layout lists it,
    /// every section heading, the tables' heading and every table.
    public var contentsEntries: [ContentsEntry] {
        let before = sectionsBeforeTables.count
        var entries: [ContentsEntry] = contentsStyle.namesNarrative ? [ContentsEntry(text: narrativeTitle, heading: narrativeTitle, target: .narrative)] : []
        entries += sectionsBeforeTables.enumerated().map { ContentsEntry(text: $0.element.heading, heading: $0.element.heading, target: .section($0.offset)) }
        entries.append(ContentsEntry(text: tablesHeading, heading: tablesHeading, target: .tables))
        entries += tables.enumerated().map { index, table in
            let number = contentsStyle.numbersTables ? ChineseNumerals.text(index + 1) + "、" : table.number.map { "\($0) " } ?? ""
            return ContentsEntry(text: number + (table.contentsTitle ?? table.title), heading: [table.number, table.title].compactMap { $0 }.joined(separator: " "),
                                 target: .table(index))
        }
        entries += trailingSections.enumerated().map {
            ContentsEntry(text: $0.element.heading, heading: $0.element.heading, target: .section(before + $0.offset))
        }
        return entries
    }

    /// The 目录: every entry's text, in the order printed (表一 财政拨款收支总表).
    public var contents: [String] { contentsEntries.map(\.text) }

    /// Sections printed before the tables.
    public var sectionsBeforeTables: [RenderedSection] { Array(sections.prefix(sectionsAfterTables ?? sections.count)) }
    /// Sections printed after the tables.
    public var trailingSections: [RenderedSection] { Array(sections.dropFirst(sectionsAfterTables ?? sections.count)) }
}
