import Foundation

/// How a profile's disclosure package is laid out when Gongkai writes one: its titles, the tables in
/// order with their titles and forms, the money unit, how codes and totals are printed, which
/// narrative is written and the terms its 名词解释 explains. It is part of the profile's data, so a
/// region's layout is a file, not code.
///
/// Titles are templates: `{unit}` (the unit's name), `{year}`, `{level}` (单位 or 部门), `{phase}`
/// (预算 or 决算), `{region}` (the unit's region, else ``defaultRegion``) and, in ``tableTitle``,
/// `{name}` (the table's own title).
public struct RenderLayout: Sendable, Codable, Equatable {
    /// How a 功能分类 or 经济分类 code is printed.
    public enum Codes: String, Sendable, Codable {
        /// One column with the whole code (2080501).
        case joined
        /// One column per part: 类, 款, 项 (208, 05, 01).
        case split
    }

    /// Where a table's 合计 row goes.
    public enum TotalPlacement: String, Sendable, Codable {
        /// Above the rows it sums.
        case top
        /// Below them.
        case bottom
    }

    /// The shape of the narrative.
    public enum Narrative: String, Sendable, Codable {
        /// Six numbered sections before the tables: 基本情况, 收支总体情况, 预算情况说明, “三公”, 其他重要事项,
        /// 专业性名词解释.
        case numberedSections = "numbered-sections"
        /// 主要职能, 机构设置, 名词解释 and 预算编制说明 before the tables, 其他相关情况说明 after them.
        case aroundTables = "around-tables"
        /// The four parts of a 决算: 概况 before the tables, eleven 情况说明 and the 名词解释 after them.
        case finalAccounts = "final-accounts"
    }

    /// How a table is drawn where its kind is drawn in more than one way.
    public enum TableForm: String, Sendable, Codable {
        /// 财政拨款收支总表 with 本年收入 and 上年结转 sections, each split by fund, and 结转下年.
        case fundSections = "fund-sections"
        /// 财政拨款收支总表 with one numbered row per fund and 上年结转 when there is one.
        case fundList = "fund-list"
        /// 收支总表 listing every income source against the 类 of spending, totals on top.
        case bySource = "by-source"
        /// 收支总表 with 财政拨款收入 and its funds against the 类 split 人员经费 / 公用经费 / 项目支出.
        case bySpendingKind = "by-spending-kind"
        /// 收入总表 with a column for every income source, 上年结转 first.
        case everySource = "every-source"
        /// 收入总表 with 财政拨款收入 and the other sources the budget has.
        case fiscalAndOther = "fiscal-and-other"
        /// The “三公” table alone.
        case costsOnly = "costs-only"
        /// The “三公” table with 机关运行经费 beside it.
        case withOperatingCosts = "with-operating-costs"
        /// The table of a 决算 in the national template's layout.
        case finalAccounts = "final-accounts"
    }

    /// One table of the package.
    public struct Table: Sendable, Codable, Equatable {
        /// The table kind.
        public var kind: TableKind
        /// Its title, without the unit or year ``RenderLayout/tableTitle`` adds.
        public var title: String
        /// The short name used for sheet names and file names.
        public var shortName: String
        /// How it is drawn, where its kind has more than one form.
        public var form: TableForm?
        /// The heading over the amount columns (2024年预算数, 一般公共预算支出); nil for none.
        public var group: String?
        /// The amount columns' headings where they differ from the usual (总计 instead of 合计).
        public var measures: [String]?
        /// The money unit when it differs from the layout's (the “三公” table in 万元).
        public var unit: MoneyUnit?
        /// Left out when it would have no rows (a 国有资本经营 table few units have).
        public var omitWhenEmpty: Bool?
        /// The note printed under the table (本表反映…), as the template has it.
        public var note: String?
        /// The codes whose rows the table always lists, in this order and numbered by it, with or
        /// without money (the 24 类 of a 决算 summary table, the 经济分类 of its basic-expenditure table).
        public var rowCodes: [String]?
    }

    /// A term of the 名词解释.
    public struct Term: Sendable, Codable, Equatable {
        /// The term.
        public var term: String
        /// Its explanation.
        public var text: String
    }

    /// The money unit of the tables.
    public var tableUnit: MoneyUnit
    /// How codes are printed.
    public var codes: Codes
    /// Where 合计 rows go.
    public var totals: TotalPlacement
    /// Whether tables are numbered 表一, 表二 … before their titles.
    public var numbersTables: Bool
    /// Whether the 类 rows of summary tables are numbered 一、二、….
    public var numbersClassRows: Bool
    /// Whether a 编制单位 line is printed over each table.
    public var printsPreparer: Bool
    /// The printed title of a table (`{year}年{name}`).
    public var tableTitle: String
    /// The document's title.
    public var documentTitle: String
    /// The title over the narrative.
    public var narrativeTitle: String
    /// The heading over the tables.
    public var tablesHeading: String
    /// Whether the cover names the region after the unit.
    public var coverNamesRegion: Bool
    /// The region titles name when the budget does not say.
    public var defaultRegion: String?
    /// The narrative's shape.
    public var narrative: Narrative
    /// The tables, in order.
    public var tables: [Table]
    /// The terms of the 名词解释, in order.
    public var glossary: [Term]
    /// How each term is numbered, `{n}` the Chinese numeral: `（{n}）` (the usual) or `{n}、` (the 决算
    /// template); nil for the usual.
    public var glossaryNumbering: String?
    /// How the package is printed: page, fonts, sizes, zero cells and text amounts.
    public var print: Print
    /// How the 目录 lists the package; nil for the usual (sections and tables, tables unnumbered).
    public var contents: ContentsStyle?

    /// How a 目录 lists the package.
    public struct ContentsStyle: Sendable, Codable, Equatable {
        /// Whether the narrative's title is an entry (第一部分 …概况).
        public var namesNarrative: Bool
        /// Whether tables are numbered 一、二、… in the 目录 (the 决算 template's 一、收入支出决算总表).
        public var numbersTables: Bool

        /// A style; by default neither.
        public init(namesNarrative: Bool = false, numbersTables: Bool = false) {
            self.namesNarrative = namesNarrative
            self.numbersTables = numbersTables
        }
    }

    /// How a region prints its package, as its real documents do.
    public struct Print: Sendable, Codable, Equatable {
        /// Page orientation.
        public enum Orientation: String, Sendable, Codable {
            /// A4 upright; tables too wide for it get landscape pages.
            case portrait
            /// A4 landscape for every page.
            case landscape
        }

        /// How an amount of zero is printed in a table cell.
        public enum Zeros: String, Sendable, Codable {
            /// The cell is left empty.
            case blank
            /// The cell shows 0 (0.00 in 万元).
            case printed
        }

        /// The pages' orientation.
        public var orientation: Orientation
        /// Font families of the narrative, in order of preference (the region's face first, then
        /// a TrueType face Debian ships, so the PDF embeds a CID font and its text stays searchable).
        public var textFonts: [String]
        /// Font families of titles and headings.
        public var headingFonts: [String]
        /// Font families of the tables.
        public var tableFonts: [String]
        /// Narrative text size in points.
        public var textSize: Double
        /// Table text size in points.
        public var tableSize: Double
        /// How zero amounts appear in table cells.
        public var zeros: Zeros
        /// Whether amounts in the narrative have thousands separators (37,151.47万元).
        public var groupsTextThousands: Bool
        /// Whether amounts in the tables have thousands separators (9,501,164 元; 2,995.39 万元).
        public var groupsTableThousands: Bool
        /// The font of the XLSX workbook (宋体), the name spreadsheet programs know.
        public var workbookFont: String

        /// Creates a print layout.
        public init(orientation: Orientation, textFonts: [String], headingFonts: [String], tableFonts: [String], textSize: Double, tableSize: Double,
                    zeros: Zeros, groupsTextThousands: Bool, groupsTableThousands: Bool, workbookFont: String) {
            self.orientation = orientation
            self.textFonts = textFonts
            self.headingFonts = headingFonts
            self.tableFonts = tableFonts
            self.textSize = textSize
            self.tableSize = tableSize
            self.zeros = zeros
            self.groupsTextThousands = groupsTextThousands
            self.groupsTableThousands = groupsTableThousands
            self.workbookFont = workbookFont
        }
    }

    /// Decimals of table amounts in `unit`: two in 万元, none in 元.
    public static func decimals(of unit: MoneyUnit) -> Int { unit == .yuan ? 0 : 2 }

    /// `template` with its placeholders filled.
    public static func fill(_ template: String, _ values: [String: String]) -> String {
        values.reduce(template) { text, pair in text.replacingOccurrences(of: "{\(pair.key)}", with: pair.value) }
    }
}
