import GongkaiCore

/// One header cell of a rendered table, possibly spanning several columns or header rows.
public struct HeaderCell: Sendable, Equatable, Codable {
    /// The text.
    public var text: String
    /// How many columns the cell covers.
    public var columnSpan: Int
    /// How many header rows the cell covers.
    public var rowSpan: Int

    /// Creates a header cell.
    public init(_ text: String, columns: Int = 1, rows: Int = 1) {
        self.text = text
        columnSpan = columns
        rowSpan = rows
    }
}

/// What a body cell holds.
public enum CellContent: Sendable, Equatable {
    /// Text (names, labels, indicator values).
    case text(String)
    /// A classification code, kept as text so leading digits and zeros survive every format.
    case code(String)
    /// Money, formatted in the table's unit.
    case amount(Amount)
    /// A plain number that is not money (an indicator weight).
    case number(String)
    /// Nothing.
    case blank
}

/// One body cell.
public struct RenderedCell: Sendable, Equatable {
    /// The content.
    public var content: CellContent
    /// How many columns the cell covers.
    public var columnSpan: Int
    /// How many rows the cell covers.
    public var rowSpan: Int
    /// Whether the cell is printed bold (a heading or subtotal on one side of a two-sided table).
    public var isBold: Bool
    /// Whether the cell is a field label that must not wrap (项目名称, 绩效指标).
    public var isLabel = false

    /// Creates a cell.
    public init(_ content: CellContent, columns: Int = 1, rows: Int = 1, bold: Bool = false) {
        self.content = content
        columnSpan = columns
        rowSpan = rows
        isBold = bold
    }

    /// A text cell.
    public static func text(_ text: String, columns: Int = 1, rows: Int = 1) -> RenderedCell { RenderedCell(.text(text), columns: columns, rows: rows) }
    /// A money cell.
    public static func amount(_ amount: Amount) -> RenderedCell { RenderedCell(.amount(amount)) }
    /// A code cell.
    public static func code(_ digits: String) -> RenderedCell { RenderedCell(.code(digits)) }
    /// An empty cell.
    public static let blank = RenderedCell(.blank)
}

/// One body row.
public struct RenderedRow: Sendable, Equatable {
    /// The cells, left to right; cells covered by an earlier cell's span are left out.
    public var cells: [RenderedCell]
    /// Whether the row is a total (printed bold throughout).
    public var isTotal: Bool

    /// Creates a row.
    public init(_ cells: [RenderedCell], isTotal: Bool = false) {
        self.cells = cells
        self.isTotal = isTotal
    }
}

/// A standard table of a disclosure, laid out as it is published: numbered title, 编制单位 and
/// 单位 line, multi-row header, body rows, and the 空表说明 when it has no data.
public struct RenderedTable: Sendable, Equatable {
    /// Which standard table it is.
    public var kind: TableKind
    /// The number printed before the title (表一, 1); nil when the layout numbers nothing.
    public var number: String?
    /// The title (2023年部门收入总表).
    public var title: String
    /// The 编制单位 line value, if the layout prints one.
    public var preparer: String?
    /// The money unit of amount cells.
    public var moneyUnit: MoneyUnit
    /// Decimals of amount cells in `moneyUnit`.
    public var decimals: Int
    /// Whether zero amounts are printed (`0.00`) rather than left blank.
    public var showsZeros: Bool
    /// Whether amounts have thousands separators (1,079.34), as the region prints its tables.
    public var groupsThousands = false
    /// Header rows.
    public var header: [[HeaderCell]]
    /// Number of columns.
    public var columnCount: Int
    /// Body rows.
    public var rows: [RenderedRow]
    /// A note under the table: the 空表说明 for a table without data.
    public var note: String?
    /// The template's note under the table (本表反映…), printed before ``note``.
    public var footnote: String?
    /// Whether the table is printed on a landscape page.
    public var isLandscape: Bool
    /// A short name for the table's own sheet or file (≤ 31 characters).
    public var shortName: String
    /// Relative column widths (summing to about 100), or nil to let the writer size columns.
    public var columnWidths: [Double]?
    /// The title the 目录 lists, without the unit's name or year the printed title adds (财政拨款收支总表);
    /// nil to list the printed title.
    public var contentsTitle: String?

    /// Creates a table.
    public init(kind: TableKind, number: String?, title: String, preparer: String?, moneyUnit: MoneyUnit, decimals: Int, showsZeros: Bool = false,
                header: [[HeaderCell]], columnCount: Int, rows: [RenderedRow], note: String? = nil, isLandscape: Bool = false, shortName: String) {
        self.kind = kind
        self.number = number
        self.title = title
        self.preparer = preparer
        self.moneyUnit = moneyUnit
        self.decimals = decimals
        self.showsZeros = showsZeros
        self.header = header
        self.columnCount = columnCount
        self.rows = rows
        self.note = note
        self.isLandscape = isLandscape
        self.shortName = shortName
    }

    /// The printed text of an amount in this table: blank for zero unless zeros are shown.
    public func text(of amount: Amount) -> String {
        amount.isZero && !showsZeros ? "" : amount.formatted(in: moneyUnit, decimals: decimals, grouping: groupsThousands)
    }

    /// The printed text of a cell.
    public func text(of content: CellContent) -> String {
        switch content {
        case .text(let text), .code(let text), .number(let text): text
        case .amount(let amount): text(of: amount)
        case .blank: ""
        }
    }

    /// The 单位 line (单位：万元).
    public var unitLine: String { "单位：\(moneyUnit.chineseName)" }
}
