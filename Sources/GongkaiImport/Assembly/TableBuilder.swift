import GongkaiCore

/// Builds a `DisclosureTable` from a table block: unit and preparer lines, notes, header, rows.
struct TableBuilder {
    let block: TableBlock
    let format: SourceFormat
    let defaultUnit: MoneyUnit
    let path: String

    func build() -> DisclosureTable {
        var declaredUnit = LineReading.declaredUnit(in: block.titleLine.cells.last?.text ?? "")
        var preparer: String?
        var preparerLocation: SourceLocation?
        var notes: [TableNote] = []
        var content: [LayoutLine] = []
        let titleKey = ChineseText.comparisonKey(block.title)
        for var line in block.lines {
            let text = line.normalizedText
            if LineReading.isNote(text) || (!notes.isEmpty && !line.isGridded) {
                notes.append(TableNote(text: text, location: line.location))
                continue
            }
            if line.cells.count <= 3 {
                line.cells.removeAll { cell in
                    let cellText = ChineseText.normalizeSpaces(cell.text)
                    if let unit = LineReading.declaredUnit(in: cellText) {
                        declaredUnit = declaredUnit ?? unit
                        return true
                    }
                    if let name = LineReading.preparer(in: cellText) {
                        if preparer == nil, !name.isEmpty {
                            preparer = name
                            preparerLocation = cell.location
                        }
                        return true
                    }
                    let key = ChineseText.comparisonKey(cellText)
                    return key == titleKey || (content.isEmpty && isSubtitle(key))
                }
            }
            if !line.isBlank { content.append(line) }
        }
        let unit = declaredUnit ?? defaultUnit
        var table = DisclosureTable(kind: block.kind, title: block.title, location: block.titleLine.location, moneyUnit: declaredUnit,
                                    effectiveUnit: unit, preparer: preparer, notes: notes,
                                    pages: Array(Set(([block.titleLine] + block.lines).map(\.page))).sorted(),
                                    isFinalAccounts: TableKindClassifier.isFinalAccounts(block.title))
        table.preparerLocation = preparerLocation
        if block.kind == .projectPerformanceGoals {
            table.performanceGoals = PerformanceTableParser(lines: content, unit: unit, format: format).goals()
            // A goals form with nothing filled in: the sentences under its title explain it (本单位无项目支出绩效目标表。).
            if table.isEmpty {
                table.notes += content.filter { $0.cells.count == 1 && !$0.isGridded }.map { TableNote(text: $0.normalizedText, location: $0.location) }
            }
            return table
        }
        fillGrid(into: &table, lines: content, unit: unit)
        return table
    }

    /// `（2023年度）` under a title.
    private func isSubtitle(_ key: String) -> Bool {
        key.hasPrefix("(") && key.hasSuffix(")") && key.unicodeScalars.count <= 12
    }

    private func fillGrid(into table: inout DisclosureTable, lines allLines: [LayoutLine], unit: MoneyUnit) {
        // The next table's number (表九) printed above its title ends up under this table: it is no row.
        var lines = allLines.filter { line in
            !Self.isColumnNumbering(line) && !LineReading.isTableNumber(line.text)
        }
        var bodyStart = firstBodyLine(lines, unit: unit)
        if bodyStart < lines.count, let (headings, rest) = Self.splitCodeLevelHeadings(lines[bodyStart]) {
            lines[bodyStart] = rest
            lines.insert(headings, at: bodyStart)
            bodyStart += 1
        }
        let headerLines = Array(lines[..<bodyStart])
        let headerTexts = Set(headerLines.flatMap { $0.cells.map { ChineseText.comparisonKey($0.text) } })
        let bodyLines = lines[bodyStart...].filter { line in
            // A header repeated on a continuation page is not data; a lone character wrapped from a name
            // (支 / 出) is, even when a heading wraps the same way.
            isBodyLine(line, unit: unit) || !line.cells.allSatisfy { headerTexts.contains(ChineseText.comparisonKey($0.text)) }
                || (line.cells.count == 1 && line.cells[0].text.unicodeScalars.count == 1)
        }
        let rightmost = lines.lazy.flatMap(\.cells).map(\.x0).max() ?? 0
        let header = TableGrid.headerCells(headerLines, format: format, rightmost: rightmost)
        var columns = TableGrid.columns(bodyLines: bodyLines, header: header, format: format)
        let amountColumns = columnsHoldingAmounts(columns, bodyLines: bodyLines, unit: unit)
        assignRolesAndSides(&columns, kind: block.kind, amountColumns: amountColumns)
        if block.kind == .generalBudgetBasicExpenditure { splitPersonnelAndPublicSides(&columns) }
        table.columns = columns.map { TableColumn(headerPath: $0.path, side: $0.side, key: $0.role.amountKey) }
        table.reading = TableReading(amountColumns: columns.filter { $0.role.amountKey != nil || $0.role == .unlabelledAmount }.count,
                                     unlabelledAmountColumns: columns.filter { $0.role == .unlabelledAmount }.count)
        let rows = TableRowBuilder(columns: columns, kind: block.kind, unit: unit, format: format)
            .rows(from: bodyLines)
        table.rows = rows
    }

    /// The columns whose filled body cells are mostly amounts (numbers written as amounts, not codes).
    private func columnsHoldingAmounts(_ columns: [GridColumn], bodyLines: [LayoutLine], unit: MoneyUnit) -> Set<Int> {
        var filled = Array(repeating: 0, count: columns.count)
        var amounts = Array(repeating: 0, count: columns.count)
        for cell in bodyLines.lazy.flatMap(\.cells) {
            let text = ChineseText.removingSpaces(cell.text)
            guard !text.isEmpty, let index = TableGrid.column(for: cell, in: columns, format: format) else { continue }
            filled[index] += 1
            guard !LineReading.isCodeLike(text), case .number? = AmountParser.scan(text, unit: unit) else { continue }
            amounts[index] += 1
        }
        return Set(columns.indices.filter { filled[$0] >= 2 && Double(amounts[$0]) >= 0.6 * Double(filled[$0]) })
    }

    private func assignRolesAndSides(_ columns: inout [GridColumn], kind: TableKind?, amountColumns: Set<Int>) {
        var group = 0
        var groupHasAmount = false
        for index in columns.indices {
            var role = ColumnMeaningClassifier.role(path: columns[index].path, kind: kind)
            if case .other = role, columns[index].path.isEmpty, index == 0 { role = .name }
            // Amounts under a heading that names no known meaning are data of unknown meaning, not text.
            if role.isName || role == .other, amountColumns.contains(index) { role = .unlabelledAmount }
            columns[index].role = role
            if role.isLabel, groupHasAmount {
                group += 1
                groupHasAmount = false
            }
            if case .amount = role { groupHasAmount = true }
            if role == .unlabelledAmount { groupHasAmount = true }
            columns[index].group = group
        }
        guard group > 0 else { return }
        for groupIndex in 0...group {
            let words = columns.filter { $0.group == groupIndex }.flatMap(\.path).map(ChineseText.comparisonKey)
            let income = words.contains { $0.contains("收入") && !$0.contains("支出") }
            let expenditure = words.contains { $0.contains("支出") && !$0.contains("收入") }
            var side: TableSide = groupIndex == 0 ? .single : groupIndex == 1 ? .right : .farRight
            if income && !expenditure {
                side = .income
            } else if expenditure && !income {
                side = .expenditure
            } else if kind == .incomeExpenditureSummary || kind == .fiscalSummary {
                side = groupIndex == 0 ? .income : .expenditure
            }
            for index in columns.indices where columns[index].group == groupIndex { columns[index].side = side }
        }
        // A two-sided summary must not end up with both groups on one side.
        let sides = Set(columns.map(\.side))
        if sides.count == 1, group == 1, kind == .incomeExpenditureSummary || kind == .fiscalSummary {
            for index in columns.indices { columns[index].side = columns[index].group == 0 ? .income : .expenditure }
        }
    }

    /// The 决算 template prints 基本支出 as two lists side by side — 人员经费 (301, 303) on the left,
    /// 公用经费 (302, 310) on the right — each with one 决算数 column: those columns are 人员经费 and
    /// 公用经费, not two totals.
    private func splitPersonnelAndPublicSides(_ columns: inout [GridColumn]) {
        let amounts = columns.indices.filter { columns[$0].role.amountKey != nil }
        guard amounts.count == 2, columns[amounts[0]].group == 0, columns[amounts[1]].group == 1,
              amounts.allSatisfy({ columns[$0].role.amountKey?.measure == .total }) else { return }
        columns[amounts[0]].role = .amount(ColumnKey(.personnel, stage: columns[amounts[0]].role.amountKey?.stage ?? .current))
        columns[amounts[1]].role = .amount(ColumnKey(.publicCosts, stage: columns[amounts[1]].role.amountKey?.stage ?? .current))
    }

    /// The headings of a code split into levels.
    static let codeLevels: Set<String> = ["类", "款", "项"]

    /// A grid row that holds the 类 款 项 headings of a split code and the first data (the 合计 row,
    /// when a producer draws the code headings into it): the headings as a header line of their own,
    /// and the rest. Nil when the row holds fewer than two of those headings.
    static func splitCodeLevelHeadings(_ line: LayoutLine) -> (LayoutLine, LayoutLine)? {
        let headings = line.cells.filter { codeLevels.contains(ChineseText.removingSpaces($0.text)) }
        guard headings.count >= 2, headings.count < line.cells.count else { return nil }
        var headingLine = line, rest = line
        headingLine.cells = headings.map { var cell = $0; cell.text = ChineseText.removingSpaces(cell.text); return cell }
        rest.cells = line.cells.filter { !codeLevels.contains(ChineseText.removingSpaces($0.text)) }
        return (headingLine, rest)
    }

    /// The 栏次 line under a header — the columns numbered 1, 2, 3 … (after short labels such as
    /// 栏次, 行次 or **): neither header words nor data.
    static func isColumnNumbering(_ line: LayoutLine) -> Bool {
        var texts = line.cells.map { ChineseText.removingSpaces($0.text) }.filter { !$0.isEmpty }
        // After the labels of the label columns: 栏次, 行次, or ** under each.
        var marked = false
        while let first = texts.first, !first.unicodeScalars.contains(where: ChineseText.isDigit), first.unicodeScalars.count <= 4 {
            marked = marked || first == "栏次" || first == "行次" || first.allSatisfy { $0 == "*" }
            texts.removeFirst()
        }
        // Under a marker a table of one or two amount columns numbers them too (** | 1); unmarked, three
        // numbers in a row are needed to tell a numbering from a row of small amounts.
        guard texts.count >= (marked ? 1 : 3) else { return false }
        return texts.enumerated().allSatisfy { Int($0.element) == $0.offset + 1 }
    }

    /// Where the data starts: the first line of figures (an amount or a code), with the data-like lines
    /// right above it (合计 with its amounts left blank); or, in a table without figures, the first line
    /// that reads as data. A heading that reads like a total (收入总计) above other headings is header.
    private func firstBodyLine(_ lines: [LayoutLine], unit: MoneyUnit) -> Int {
        guard let figures = lines.firstIndex(where: { holdsFigures($0, unit: unit) }) else {
            return lines.firstIndex { isBodyLine($0, unit: unit) } ?? lines.count
        }
        var start = figures
        while start > 0, isBodyLine(lines[start - 1], unit: unit) { start -= 1 }
        return start
    }

    /// Whether a line holds an amount or a code.
    private func holdsFigures(_ line: LayoutLine, unit: MoneyUnit) -> Bool {
        !looksLikeHeader(line, unit: unit) && line.cells.contains { cell in
            let text = ChineseText.removingSpaces(cell.text)
            if LineReading.isCodeLike(text), text.utf8.count >= 3 { return true }
            if case .number? = AmountParser.scan(text, unit: unit) { return true }
            return startsWithCode(text)
        }
    }

    /// Whether a line holds data rather than header words.
    func isBodyLine(_ line: LayoutLine, unit: MoneyUnit) -> Bool {
        if looksLikeHeader(line, unit: unit) { return false }
        for cell in line.cells {
            let text = ChineseText.removingSpaces(cell.text)
            if text.isEmpty { continue }
            if LineReading.isCodeLike(text), text.utf8.count >= 3 { return true }
            if case .number? = AmountParser.scan(text, unit: unit) { return true }
            // A “三公” table has no row labels: its 小计 and 合计 are column headings.
            if block.kind != .threePublicCosts, LineReading.isTotalLabel(text) { return true }
            if LineReading.isPlaceholder(text) { return true }
            if let (ordinal, length) = OrdinalParser.parse(text), ordinal.style != .parenthesized, text.unicodeScalars.count > length {
                return true
            }
            if startsWithCode(text) { return true }
        }
        return false
    }

    /// A line of column headings: at least two cells name a column (合计, 项目, 预算数, 科目编码 …) and none holds a number or a code.
    private func looksLikeHeader(_ line: LayoutLine, unit: MoneyUnit) -> Bool {
        var headings = 0
        for cell in line.cells {
            let text = ChineseText.removingSpaces(cell.text)
            if text.isEmpty { continue }
            if LineReading.isCodeLike(text) || startsWithCode(text) { return false }
            if case .number? = AmountParser.scan(text, unit: unit) { return false }
            if Self.isHeading(text, kind: block.kind) { headings += 1 }
        }
        return headings >= 2
    }

    /// Whether a cell's text is a column heading.
    static func isHeading(_ text: String, kind: TableKind?) -> Bool {
        let key = ChineseText.comparisonKey(text)
        if ["项目", "收入", "支出", "科目", "类", "款", "项"].contains(key) { return true }
        if key.hasSuffix("预算数") || key.hasSuffix("决算数") || key.contains("科目") || key.contains("编码") || key.hasSuffix("名称") { return true }
        if case .amount = ColumnMeaningClassifier.role(path: [key], kind: kind) { return key.unicodeScalars.count <= 16 }
        return false
    }

    /// `30207邮电费`: a code glued to its name.
    private func startsWithCode(_ text: String) -> Bool {
        LineReading.gluedCode(text) != nil
    }
}

extension ColumnRole {
    var amountKey: ColumnKey? {
        if case let .amount(key) = self { return key }
        return nil
    }
}
