/// An amount in a table cell, as published, with where it is.
public struct CellFigure: Hashable, Sendable {
    /// The parsed figure.
    public var figure: Figure
    /// The cell text as published.
    public var text: String
    /// Where the cell is.
    public var location: SourceLocation

    /// Creates a cell figure.
    public init(figure: Figure, text: String, location: SourceLocation) {
        self.figure = figure
        self.text = text
        self.location = location
    }

    /// The exact amount.
    public var amount: Amount { figure.amount }
}

/// Which part of a table a row belongs to. Summary tables put income on the left and expenditure on
/// the right of the same printed line; the 决算 basic-expenditure table prints two code lists side by side.
public enum TableSide: String, Sendable, Codable {
    /// The only part.
    case single
    /// Income (收入) side.
    case income
    /// Expenditure (支出) side.
    case expenditure
    /// Right-hand copy of the same columns.
    case right
    /// A third copy, right of `right` (基本支出 printed as three lists: 301/303, 302, 307/310).
    case farRight
}

/// What a row is.
public enum RowRole: String, Sendable, Codable {
    /// An ordinary row (a code, an income source, an expenditure class).
    case detail
    /// 合计, 总计, 收入总计, 支出合计 ...
    case total
    /// A numbered group row (一、本年收入; 一、财政拨款收入) whose numbered children follow.
    case group
    /// A placeholder row such as `无` or `…`.
    case placeholder
}

/// One logical row of a table: a code and/or a label with amounts by column meaning.
public struct TableRow: Hashable, Sendable {
    /// The part of the table.
    public var side: TableSide
    /// The classification code, when the row has a valid one.
    public var code: ClassificationCode?
    /// The code cell as published (with spaces, e.g. `208 05 02` or a broken ` 7 11 02`).
    public var rawCode: String?
    /// The name or label, white space normalised.
    public var name: String
    /// What the row is.
    public var role: RowRole
    /// The numbering of the label (一、 = (chinese, 1); 1、 = (arabic, 1)), if any.
    public var ordinal: Ordinal?
    /// Amounts by column meaning.
    public var values: [ColumnKey: CellFigure]
    /// Cells that should hold an amount but hold text, by column title.
    public var invalidCells: [InvalidCell]
    /// Where the row starts.
    public var location: SourceLocation
    /// The nesting depth its indentation shows (0 = outermost), in tables that show the hierarchy by
    /// indenting uncoded names (一般公共服务支出 › 　社会工作事务 › 　　其他社会工作事务支出); nil otherwise.
    public var indentLevel: Int?
    /// The classifications the row is filed under, in a table that files each row under several at once
    /// (支出功能分类 × 政府支出经济分类 × 部门支出经济分类), left to right; empty otherwise. Such a row has no
    /// single `code`.
    public var classifications: [RowClassification] = []

    /// Creates a row.
    public init(side: TableSide = .single, code: ClassificationCode? = nil, rawCode: String? = nil, name: String,
                role: RowRole = .detail, ordinal: Ordinal? = nil, values: [ColumnKey: CellFigure] = [:],
                invalidCells: [InvalidCell] = [], location: SourceLocation) {
        self.side = side
        self.code = code
        self.rawCode = rawCode
        self.name = name
        self.role = role
        self.ordinal = ordinal
        self.values = values
        self.invalidCells = invalidCells
        self.location = location
    }

    /// The amount in column `measure` (current stage).
    public func value(_ measure: Measure) -> CellFigure? { values[ColumnKey(measure)] }

    /// Whether any amount of the row is non-zero.
    public var hasData: Bool { values.values.contains { !$0.amount.isZero } }

    /// Every valid code the row carries: its code, or those of its classifications.
    public var codes: [ClassificationCode] { namedCodes.map(\.code) }

    /// Every valid code the row carries with the name printed for it: its code and name, or each
    /// classification's.
    public var namedCodes: [(code: ClassificationCode, name: String)] {
        if let code { return [(code, name)] }
        return classifications.compactMap { part in part.code.map { ($0, part.name) } }
    }
}

/// One classification of a row filed under several (the "50101-工资奖金津补贴" of a row that is also
/// "2010801-行政运行" and "30101-基本工资").
public struct RowClassification: Hashable, Sendable {
    /// The scheme the column's heading names.
    public var scheme: ClassificationScheme
    /// The code, when the cell spells a valid one.
    public var code: ClassificationCode?
    /// The code as published (`3021101`, which is no code of the national catalog), nil when the cell has none.
    public var rawCode: String?
    /// The name printed with the code.
    public var name: String
    /// The cell as published.
    public var text: String

    /// Creates a classification.
    public init(scheme: ClassificationScheme, code: ClassificationCode?, rawCode: String?, name: String, text: String) {
        self.scheme = scheme
        self.code = code
        self.rawCode = rawCode
        self.name = name
        self.text = text
    }
}

/// A label numbering: 一、 二、 (chinese) or 1、 1. (arabic) or （一） (parenthesised).
public struct Ordinal: Hashable, Sendable {
    /// The numbering style.
    public enum Style: String, Sendable { case chinese, arabic, parenthesized }
    /// The style.
    public var style: Style
    /// The number.
    public var number: Int

    /// Creates an ordinal.
    public init(style: Style, number: Int) {
        self.style = style
        self.number = number
    }
}

/// A cell where an amount was expected but the text is not a number.
public struct InvalidCell: Hashable, Sendable {
    /// The column's header text.
    public var column: String
    /// The cell text.
    public var text: String
    /// Where.
    public var location: SourceLocation

    /// Creates an invalid-cell record.
    public init(column: String, text: String, location: SourceLocation) {
        self.column = column
        self.text = text
        self.location = location
    }
}

/// A column as interpreted from the header.
public struct TableColumn: Hashable, Sendable {
    /// The header texts from the top header row down to this column's own cell.
    public var headerPath: [String]
    /// The side the column belongs to.
    public var side: TableSide
    /// The amount meaning, nil for code/name/text columns.
    public var key: ColumnKey?

    /// Creates a column.
    public init(headerPath: [String], side: TableSide, key: ColumnKey?) {
        self.headerPath = headerPath
        self.side = side
        self.key = key
    }

    /// The header path joined for messages (`支出/一般公共预算`).
    public var title: String { headerPath.joined(separator: "/") }
}

/// A line of text printed with a table (a note 注：…, 备注, 说明).
public struct TableNote: Hashable, Sendable {
    /// The text.
    public var text: String
    /// Where.
    public var location: SourceLocation

    /// Creates a note.
    public init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
    }
}

/// What the reader could and could not make of a table's grid: the raw material of the table's confidence.
public struct TableReading: Hashable, Sendable {
    /// Columns whose cells hold amounts.
    public var amountColumns: Int
    /// Of those, the columns whose header names no known meaning.
    public var unlabelledAmountColumns: Int

    /// Creates a reading record.
    public init(amountColumns: Int = 0, unlabelledAmountColumns: Int = 0) {
        self.amountColumns = amountColumns
        self.unlabelledAmountColumns = unlabelledAmountColumns
    }
}

/// One standard table as published.
public struct DisclosureTable: Sendable {
    /// The recognised kind, nil when the title matched no known table.
    public var kind: TableKind?
    /// The title as printed.
    public var title: String
    /// Where the title is.
    public var location: SourceLocation
    /// The money unit the table declares (单位：万元), nil when it declares none.
    public var moneyUnit: MoneyUnit?
    /// The unit the amounts were read in (declared, or the document's default).
    public var effectiveUnit: MoneyUnit
    /// The 编制单位 / 编制部门 printed with the table.
    public var preparer: String?
    /// Where the preparer line is.
    public var preparerLocation: SourceLocation?
    /// The columns as interpreted.
    public var columns: [TableColumn]
    /// The rows.
    public var rows: [TableRow]
    /// Notes printed under the table.
    public var notes: [TableNote]
    /// The pages the table spans (PDF).
    public var pages: [Int]
    /// Performance goals, for `project-performance-goals` tables.
    public var performanceGoals: [PerformanceGoal]
    /// Whether this is a 决算 variant.
    public var isFinalAccounts: Bool
    /// What the reader made of the grid.
    public var reading = TableReading()

    /// Creates a table.
    public init(kind: TableKind?, title: String, location: SourceLocation, moneyUnit: MoneyUnit?, effectiveUnit: MoneyUnit,
                preparer: String? = nil, columns: [TableColumn] = [], rows: [TableRow] = [], notes: [TableNote] = [],
                pages: [Int] = [], performanceGoals: [PerformanceGoal] = [], isFinalAccounts: Bool = false) {
        self.kind = kind
        self.title = title
        self.location = location
        self.moneyUnit = moneyUnit
        self.effectiveUnit = effectiveUnit
        self.preparer = preparer
        self.columns = columns
        self.rows = rows
        self.notes = notes
        self.pages = pages
        self.performanceGoals = performanceGoals
        self.isFinalAccounts = isFinalAccounts
    }

    /// Whether the table carries no data: no non-zero amount and no performance indicator.
    public var isEmpty: Bool {
        !rows.contains(where: \.hasData) && performanceGoals.allSatisfy { $0.indicators.isEmpty && $0.budget == nil }
    }

    /// The rows of one side.
    public func rows(on side: TableSide) -> [TableRow] { rows.filter { $0.side == side } }

    /// The first total row (合计/总计) of a side.
    public func totalRow(on side: TableSide = .single) -> TableRow? {
        rows.last { $0.side == side && $0.role == .total }
    }
}
