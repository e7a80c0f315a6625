/// The parts of a disclosure's narrative (情况说明) that profiles require and checklists list.
public enum NarrativeSectionKind: String, Sendable, Codable, CaseIterable {
    /// 封面.
    case cover
    /// 目录.
    case contents
    /// 主要职能 / 职能职责 / 单位基本情况.
    case duties
    /// 机构设置 / 单位构成 / 决算单位构成.
    case organisation
    /// 名词解释.
    case glossary
    /// 预算编制说明 / 收支总体情况 / 决算情况说明.
    case overview
    /// 一般公共预算（财政拨款）支出情况说明.
    case generalBudgetExplanation
    /// “三公”经费情况说明.
    case threePublicCosts
    /// 机关运行经费.
    case operatingCosts
    /// 政府采购.
    case procurement
    /// 绩效目标 / 预算绩效管理.
    case performance
    /// 国有资产占有使用情况.
    case stateAssets
    /// 其他相关情况说明 / 其他重要事项.
    case otherMatters
    /// 项目经费情况说明.
    case projectExplanation
    /// 政府性基金预算支出情况说明.
    case governmentFundExplanation

    /// The Chinese name used in messages and checklists.
    public var chineseName: String {
        switch self {
        case .cover: "封面"
        case .contents: "目录"
        case .duties: "主要职能"
        case .organisation: "机构设置"
        case .glossary: "名词解释"
        case .overview: "预算编制说明"
        case .generalBudgetExplanation: "一般公共预算支出情况说明"
        case .threePublicCosts: "“三公”经费情况说明"
        case .operatingCosts: "机关运行经费情况说明"
        case .procurement: "政府采购情况说明"
        case .performance: "绩效目标设置情况"
        case .stateAssets: "国有资产占有使用情况"
        case .otherMatters: "其他相关情况说明"
        case .projectExplanation: "项目经费情况说明"
        case .governmentFundExplanation: "政府性基金预算支出情况说明"
        }
    }
}

/// A piece of a paragraph's text and where it was printed, so a match at any offset can be located.
public struct TextAnchor: Hashable, Sendable {
    /// Offset in Unicode scalars into the paragraph text where this piece starts.
    public var offset: Int
    /// Where the piece was printed.
    public var location: SourceLocation

    /// Creates an anchor.
    public init(offset: Int, location: SourceLocation) {
        self.offset = offset
        self.location = location
    }
}

/// A percentage as written: `17.62%` is value 1762 with 2 decimals.
public struct Percentage: Hashable, Sendable {
    /// The written digits as an integer (sign included).
    public var scaled: Int64
    /// Decimals written.
    public var decimals: Int

    /// Creates a percentage.
    public init(scaled: Int64, decimals: Int) {
        self.scaled = scaled
        self.decimals = decimals
    }

    /// The percentage as written (`17.62%`).
    public var text: String {
        let negative = scaled < 0
        let digits = String(scaled.magnitude)
        guard decimals > 0 else { return (negative ? "-" : "") + digits + "%" }
        let padded = String(repeating: "0", count: max(0, decimals + 1 - digits.count)) + digits
        let split = padded.index(padded.endIndex, offsetBy: -decimals)
        return (negative ? "-" : "") + padded[..<split] + "." + padded[split...] + "%"
    }
}

/// A number the narrative mentions.
public enum MentionKind: Hashable, Sendable {
    /// An amount with its unit (`190.98万元`, `0元`).
    case amount(Figure)
    /// A percentage (`17.62%`).
    case percentage(Percentage)
    /// A year (`2023年`, `2023年度`).
    case year(Int)
}

/// A number found in a paragraph, with its place in the text.
public struct NarrativeMention: Hashable, Sendable {
    /// What was found.
    public var kind: MentionKind
    /// Its range in the paragraph text, in Unicode scalar offsets.
    public var range: Range<Int>
    /// The text as written.
    public var text: String

    /// Creates a mention.
    public init(kind: MentionKind, range: Range<Int>, text: String) {
        self.kind = kind
        self.range = range
        self.text = text
    }
}

/// A paragraph of the narrative, or a heading.
public struct NarrativeParagraph: Hashable, Sendable {
    /// The text, with markup removed and white space next to Chinese characters removed.
    public var text: String
    /// Whether the paragraph is a heading.
    public var isHeading: Bool
    /// The section the paragraph belongs to.
    public var section: NarrativeSectionKind?
    /// The subsection named at the start of the paragraph ("（一）机关运行经费。…"), if any.
    public var subsection: NarrativeSectionKind?
    /// Where each piece of the text was printed.
    public var anchors: [TextAnchor]
    /// The amounts, percentages and years mentioned.
    public var mentions: [NarrativeMention]

    /// Creates a paragraph.
    public init(text: String, isHeading: Bool = false, section: NarrativeSectionKind? = nil, subsection: NarrativeSectionKind? = nil,
                anchors: [TextAnchor], mentions: [NarrativeMention] = []) {
        self.text = text
        self.isHeading = isHeading
        self.section = section
        self.subsection = subsection
        self.anchors = anchors
        self.mentions = mentions
    }

    /// Where the paragraph starts.
    public var location: SourceLocation? { anchors.first?.location }

    /// Where the text at scalar `offset` was printed.
    public func location(at offset: Int) -> SourceLocation? {
        anchors.last { $0.offset <= offset }?.location ?? anchors.first?.location
    }

    /// The most specific section: the subsection if any, else the section.
    public var effectiveSection: NarrativeSectionKind? { subsection ?? section }
}

/// An entry of the document's own table of contents (目录).
public struct ContentsEntry: Hashable, Sendable {
    /// The entry text without numbering and leader dots.
    public var title: String
    /// The table the entry names, if it names one.
    public var tableKind: TableKind?
    /// The section the entry names, if it names one.
    public var sectionKind: NarrativeSectionKind?
    /// Where.
    public var location: SourceLocation

    /// Creates an entry.
    public init(title: String, tableKind: TableKind?, sectionKind: NarrativeSectionKind?, location: SourceLocation) {
        self.title = title
        self.tableKind = tableKind
        self.sectionKind = sectionKind
        self.location = location
    }
}

/// What a PDF page holds, for page-level checks (blank pages, text repeated across a page break).
public struct PageSummary: Hashable, Sendable {
    /// 1-based page number.
    public var number: Int
    /// The text lines of the page, top to bottom, white space normalised.
    public var lines: [String]
    /// Where the page starts.
    public var location: SourceLocation

    /// Creates a page summary.
    public init(number: Int, lines: [String], location: SourceLocation) {
        self.number = number
        self.lines = lines
        self.location = location
    }
}
