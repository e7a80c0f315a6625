import GongkaiCore

/// What every table builder needs: the budget, the layout convention and the catalog for code names.
struct TableContext {
    let budget: Budget
    let profile: RenderProfile
    let catalog: Catalog

    var layout: RenderLayout { profile.layout }
    /// Whether codes are printed whole in one column.
    var joinsCodes: Bool { layout.codes == .joined }
    /// Whether 合计 rows go above the rows they sum.
    var totalsOnTop: Bool { layout.totals == .top }

    /// `template` with the unit, year, level, phase and region filled in.
    func fill(_ template: String) -> String {
        RenderLayout.fill(template, ["unit": budget.unit.name, "year": String(budget.year), "level": profile.levelWord,
                                     "phase": budget.phase.chineseName, "region": budget.unit.region ?? layout.defaultRegion ?? ""])
    }

    /// The printed title of a standard table, in the layout's pattern.
    func title(_ name: String) -> String {
        RenderLayout.fill(fill(layout.tableTitle), ["name": name])
    }

    /// The 编制单位 line value where the layout prints one.
    var preparer: String? { layout.printsPreparer ? budget.unit.name : nil }

    /// A table in this profile's unit and decimals (or the unit `entry` names), titled as `entry` says.
    func table(_ entry: RenderLayout.Table, header: [[HeaderCell]], columns: Int, rows: [RenderedRow],
               emptyNote: String? = nil, landscape: Bool = false) -> RenderedTable {
        let unit = entry.unit ?? profile.tableUnit
        var table = RenderedTable(kind: entry.kind, number: nil, title: title(entry.title), preparer: preparer, moneyUnit: unit,
                                  decimals: RenderLayout.decimals(of: unit), showsZeros: layout.print.zeros == .printed, header: header, columnCount: columns, rows: rows,
                                  note: emptyNote, isLandscape: landscape, shortName: entry.shortName)
        table.contentsTitle = fill(entry.title)
        table.footnote = entry.note.map(fill)
        table.groupsThousands = layout.print.groupsTableThousands
        return table
    }

    /// The heading over the amount columns of `entry`, filled in.
    func group(_ entry: RenderLayout.Table) -> String? { entry.group.map(fill) }

    /// The amount columns' headings of `entry`, or `usual` where it names none.
    func measures(_ entry: RenderLayout.Table, usual: [String]) -> [String] {
        entry.measures ?? usual
    }

    /// The name of a functional code.
    func functionName(_ digits: String) -> String {
        FunctionCode(digits).flatMap { budget.name(of: .function($0), in: catalog) } ?? ""
    }

    /// The name of an economic code.
    func economicName(_ digits: String) -> String {
        EconomicCode(digits).flatMap { budget.name(of: .economic($0), in: catalog) } ?? ""
    }

    /// The code cells of a row: one joined code column or one column per part (类/款/项).
    func codeCells(_ digits: String, parts: Int) -> [RenderedCell] {
        guard !joinsCodes else { return [.code(digits)] }
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
    func codeColumnCount(parts: Int) -> Int { joinsCodes ? 1 : parts }

    /// The 合计 row of a table coded in `parts` parts: its label in the code column (joined codes) or the
    /// name column (split codes), then `amounts`.
    func totalRow(parts: Int, _ amounts: [RenderedCell]) -> RenderedRow {
        let label: [RenderedCell] = joinsCodes ? [.text("合计"), .blank]
            : Array(repeating: RenderedCell.blank, count: codeColumnCount(parts: parts)) + [.text("合计")]
        return RenderedRow(label + amounts, isTotal: true)
    }

    /// `body` with its `total` where the layout puts totals.
    func placing(_ total: RenderedRow, with body: [RenderedRow]) -> [RenderedRow] {
        totalsOnTop ? [total] + body : body + [total]
    }

    /// The sentence written into a table without data.
    func emptyNote(_ what: String) -> String {
        "本\(profile.levelWord)\(budget.year)年无\(what)，故此表无数据。"
    }

    /// Chinese ordinal prefix for numbered rows (一、二、…).
    func ordinal(_ number: Int) -> String { "\(ChineseNumerals.text(number))、" }

    /// The ordinal of a 类 row in a summary table, where the layout numbers them.
    func classOrdinal(_ number: Int) -> String { layout.numbersClassRows ? ordinal(number) : "" }
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
