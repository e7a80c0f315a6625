import GongkaiCore

/// What every table builder needs: the budget, the layout convention and the catalog for code names.
struct TableContext {
    let budget: Budget
    let profile: RenderProfile
    let catalog: Catalog

    var isChongqing: Bool { profile.region == .chongqing }

    /// The printed title of a standard table: the unit's name before it in Chongqing, the year in Shanghai.
    func title(_ name: String) -> String {
        isChongqing ? "\(budget.unit.name)\(name)" : "\(budget.year)年\(name)"
    }

    /// How Shanghai titles name the body: 预算单位 (unit tables) or 部门 (department tables).
    var shanghaiPrefix: String { profile.level == .unit ? "预算单位" : "部门" }

    /// The 编制单位 line value where the layout prints one.
    var preparer: String? { isChongqing ? nil : budget.unit.name }

    /// A table in this profile's unit and decimals.
    func table(_ kind: TableKind, name: String, shortName: String, header: [[HeaderCell]], columns: Int, rows: [RenderedRow],
               emptyNote: String? = nil, landscape: Bool = false, showsZeros: Bool = false) -> RenderedTable {
        RenderedTable(kind: kind, number: nil, title: title(name), preparer: preparer, moneyUnit: profile.tableUnit, decimals: profile.tableDecimals,
                      showsZeros: showsZeros, header: header, columnCount: columns, rows: rows, note: emptyNote, isLandscape: landscape,
                      shortName: shortName)
    }

    /// The name of a functional code.
    func functionName(_ digits: String) -> String {
        FunctionCode(digits).flatMap { budget.name(of: .function($0), in: catalog) } ?? ""
    }

    /// The name of an economic code.
    func economicName(_ digits: String) -> String {
        EconomicCode(digits).flatMap { budget.name(of: .economic($0), in: catalog) } ?? ""
    }

    /// The code cells of a row: one joined code column (Chongqing) or 类/款/项 columns (Shanghai).
    func codeCells(_ digits: String, parts: Int) -> [RenderedCell] {
        guard !isChongqing else { return [.code(digits)] }
        var cells: [RenderedCell] = []
        var rest = Substring(digits)
        for index in 0..<parts {
            let width = index == 0 ? 3 : 2
            cells.append(rest.isEmpty ? .blank : .code(String(rest.prefix(width))))
            rest = rest.dropFirst(width)
        }
        return cells
    }

    /// Number of code columns.
    func codeColumnCount(parts: Int) -> Int { isChongqing ? 1 : parts }

    /// The sentence written into a table without data.
    func emptyNote(_ what: String) -> String {
        "本\(profile.levelWord)\(budget.year)年无\(what)，故此表无数据。"
    }

    /// Chinese ordinal prefix for numbered rows (一、二、…).
    func ordinal(_ number: Int) -> String { "\(ChineseNumerals.text(number))、" }
}

/// Chinese numerals for headings and row labels.
enum ChineseNumerals {
    private static let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (up to 99).
    static func text(_ number: Int) -> String {
        guard number > 0, number < 100 else { return String(number) }
        if number < 10 { return digits[number] }
        let tens = number / 10, ones = number % 10
        return (tens == 1 ? "" : digits[tens]) + "十" + (ones == 0 ? "" : digits[ones])
    }
}
