import GongkaiCore

/// A figure read from a table, with the table it came from.
struct TableFigure: Sendable {
    var cell: CellFigure
    var tableIndex: Int
    var table: DisclosureTableRef
    var row: TableRow
}

/// Looks up the quantities a document's tables state: totals, fund sources, rows by code or name.
struct TableFacts: Sendable {
    let tables: [DisclosureTable]
    let catalog: Catalog
    /// The codes the tables print for each name (comparison key), for resolving names in the narrative.
    let codesByName: [String: Set<String>]
    /// The first table of each kind.
    private let firstIndex: [TableKind: Int]
    /// Per table, the first row index of each code.
    private let rowIndexByCode: [[String: Int]]
    /// Per table, whether it was read with confidence; a kind whose first table was not is not looked up.
    private let readable: [Bool]

    /// Facts of `tables`; `readable` (parallel) says which may be looked up.
    init(tables: [DisclosureTable], catalog: Catalog, readable: [Bool]) {
        self.readable = readable
        self.tables = tables
        self.catalog = catalog
        var names: [String: Set<String>] = [:]
        var first: [TableKind: Int] = [:]
        var byCode: [[String: Int]] = []
        for (tableIndex, table) in tables.enumerated() {
            if let kind = table.kind, first[kind] == nil { first[kind] = tableIndex }
            var codes: [String: Int] = [:]
            for (rowIndex, row) in table.rows.enumerated() where self.readable[tableIndex] {
                guard let code = row.code?.digits else { continue }
                names[ChineseText.comparisonKey(row.name), default: []].insert(code)
                if codes[code] == nil { codes[code] = rowIndex }
            }
            byCode.append(codes)
        }
        codesByName = names
        firstIndex = first
        rowIndexByCode = byCode
    }

    func first(_ kind: TableKind) -> (Int, DisclosureTable)? {
        guard let index = firstIndex[kind], readable[index] else { return nil }
        return (index, tables[index])
    }

    func figure(_ kind: TableKind, row: TableRow?, _ key: ColumnKey) -> TableFigure? {
        guard let (index, table) = first(kind), let row, let cell = row.values[key] else { return nil }
        return TableFigure(cell: cell, tableIndex: index, table: DisclosureTableRef(kind: kind, title: table.title), row: row)
    }

    /// Whether the tables are final accounts (决算).
    var isFinalAccounts: Bool { tables.contains(where: \.isFinalAccounts) }

    /// A table's total row on a side, when the table has one and the table is not empty.
    func totalRow(_ kind: TableKind, side: TableSide? = nil) -> TableRow? {
        filledTotals(kind, side: side).first { !$0.isEmpty }?.last
    }

    /// The total of the year's own money on a side — 本年收入合计 / 本年支出合计, before carry-overs —
    /// when the table prints one; otherwise its total row. Tables of one kind of money (一般公共预算支出表,
    /// 支出决算表) add up to this, not to the 总计 that includes 年初结转 or 年末结转.
    func yearTotalRow(_ kind: TableKind, side: TableSide? = nil) -> TableRow? {
        filledYearTotalRow(kind, side: side) ?? totalRow(kind, side: side)
    }

    /// The total row of the year (本年收入合计) with amounts, when the table prints one.
    func filledYearTotalRow(_ kind: TableKind, side: TableSide? = nil) -> TableRow? {
        filledTotals(kind, side: side).lazy.compactMap { $0.first { Self.label($0.name).contains("本年") } }.first
    }

    /// The total rows with amounts of the first table of `kind`, one list per side, in the order looked
    /// at: `side`, or single, expenditure, income.
    private func filledTotals(_ kind: TableKind, side: TableSide?) -> [[TableRow]] {
        guard let (_, table) = first(kind) else { return [] }
        let sides: [TableSide] = side.map { [$0] } ?? [.single, .expenditure, .income]
        return sides.map { candidate in table.rows.filter { $0.side == candidate && $0.role == .total && !$0.values.isEmpty } }
    }

    /// The row on `side` of `kind` whose label (ordinal removed) starts with one of `prefixes`.
    func namedRow(_ kind: TableKind, side: TableSide, _ prefixes: [String]) -> TableRow? {
        namedRows(kind, side: side, prefixes).first
    }

    /// Every row of `side` of the first table of `kind` whose label starts with one of `prefixes`.
    func namedRows(_ kind: TableKind, side: TableSide, _ prefixes: [String]) -> [TableRow] {
        guard let (_, table) = first(kind) else { return [] }
        return table.rows.filter { row in
            row.side == side && row.role != .total && prefixes.contains { Self.label(row.name).hasPrefix($0) }
        }
    }

    /// The row of `kind` for a functional code: by code, or (for a 类 in uncoded summary tables) by its name.
    func row(_ kind: TableKind, code: String, side: TableSide? = nil) -> TableRow? {
        guard let (index, table) = first(kind) else { return nil }
        if let rowIndex = rowIndexByCode[index][code], side == nil || table.rows[rowIndex].side == side { return table.rows[rowIndex] }
        guard code.count == 3, let code = ClassificationCode(digits: code) else { return nil }
        let names = Set(([catalog.entry(for: code)?.name].compactMap { $0 }).map(ChineseText.comparisonKey))
        return table.rows.first { row in
            row.code == nil && (side == nil || row.side == side) && names.contains(Self.label(row.name))
        }
    }

    /// The class code a row label names (`三、卫生健康支出` → 210), from the catalog's class names and former names.
    func classCode(named label: String) -> String? {
        let key = Self.label(label)
        guard !key.isEmpty else { return nil }
        return catalog.codes(named: key).first { $0.count == 3 }
    }

    /// A label without its ordinal and white space, brackets folded.
    static func label(_ name: String) -> String {
        var text = name
        if let (_, length) = OrdinalParser.parse(name) {
            text = String(String.UnicodeScalarView(name.unicodeScalars.dropFirst(length)))
        }
        return ChineseText.comparisonKey(text)
    }
}
