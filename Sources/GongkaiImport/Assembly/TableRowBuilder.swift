import GongkaiCore

/// Turns body lines into `TableRow`s: assigns cells to columns, joins wrapped names (PDF), reads
/// codes, labels and amounts, and splits two-sided lines into one row per side.
struct TableRowBuilder {
    let columns: [GridColumn]
    let kind: TableKind?
    let unit: MoneyUnit
    let format: SourceFormat

    /// How many lines either side a fragment's row is looked for among.
    static let fragmentReach = 64

    /// A body line with its cells sorted into columns.
    private struct PlacedLine {
        var line: LayoutLine
        var cells: [Int: [LayoutCell]]
        var isAnchor: Bool
    }

    func rows(from lines: [LayoutLine]) -> [TableRow] {
        var placed = lines.map { line -> PlacedLine in
            var cells: [Int: [LayoutCell]] = [:]
            for cell in line.cells {
                guard let index = TableGrid.column(for: cell, in: columns, format: format) else { continue }
                cells[index, default: []].append(cell)
            }
            return PlacedLine(line: line, cells: cells, isAnchor: true)
        }
        if format == .pdf {
            attachWrappedText(&placed)
            joinSplitSides(&placed)
        }

        var rows: [TableRow] = []
        var nameStarts: [Double?] = []
        var origins: [(line: Int, group: Int)] = []
        var identifiers: [String?] = []
        let groups = Set(columns.map(\.group)).sorted()
        for (lineIndex, line) in placed.enumerated() where line.isAnchor {
            for group in groups {
                if let row = row(from: line, group: group) {
                    rows.append(row)
                    nameStarts.append(nameStart(of: line, group: group))
                    origins.append((lineIndex, group))
                    identifiers.append(identifier(of: line, group: group))
                }
            }
        }
        markDepartments(&rows, identifiers: identifiers)
        let continued = continuedGroups()
        if !continued.isEmpty { joinContinuedLists(&rows, nameStarts: &nameStarts, origins: origins, continued: continued) }
        markGroups(&rows)
        if format == .pdf { IndentLevels.assign(&rows, nameStarts: nameStarts) }
        return rows
    }

    /// Column groups that continue the list of the group to their left — the same amount headings
    /// under the same parent (公用经费 › 决算数 twice: 302 in one pair of columns, 307 and 310 in the
    /// next) — mapped to the group whose list they continue.
    private func continuedGroups() -> [Int: Int] {
        func amountPaths(_ group: Int) -> [[String]] {
            columns.filter { $0.group == group && $0.role.amountKey != nil }.map { $0.path.map(ChineseText.comparisonKey) }
        }
        var result: [Int: Int] = [:]
        for group in Set(columns.map(\.group)).sorted() where group > 0 {
            let paths = amountPaths(group)
            guard !paths.isEmpty, paths.allSatisfy({ $0.count >= 2 }), paths == amountPaths(group - 1) else { continue }
            result[group] = result[group - 1] ?? group - 1
        }
        return result
    }

    /// A list printed over two column groups reads as one list: the continuing group's rows take the
    /// first group's side and follow its rows, before its closing totals; amounts on the closing
    /// total's line that stand in the continuing columns without a label are the total's.
    private func joinContinuedLists(_ rows: inout [TableRow], nameStarts: inout [Double?], origins: [(line: Int, group: Int)],
                                    continued: [Int: Int]) {
        let side = Dictionary(grouping: rows.indices) { origins[$0].group }.compactMapValues { $0.first.map { rows[$0].side } }
        // The empty totals of each printed line and group, found once (not looked for from every row).
        var emptyTotals: [Int: [Int: [Int]]] = [:]
        for index in rows.indices where rows[index].role == .total && rows[index].values.isEmpty {
            emptyTotals[origins[index].line, default: [:]][origins[index].group, default: []].append(index)
        }
        var dropped = Set<Int>()
        for index in rows.indices {
            guard let base = continued[origins[index].group] else { continue }
            rows[index].side = side[base] ?? rows[index].side
            guard rows[index].code == nil, rows[index].name.isEmpty, !rows[index].values.isEmpty,
                  let total = emptyTotals[origins[index].line]?[base]?.first(where: { rows[$0].values.isEmpty }) else { continue }
            rows[total].values = rows[index].values
            dropped.insert(index)
        }
        var order: [Int] = []
        for group in Set(origins.map(\.group)).sorted() where continued[group] == nil {
            let own = rows.indices.filter { origins[$0].group == group && !dropped.contains($0) }
            let closing = own.reversed().prefix { rows[$0].role == .total }.reversed()
            let continuing = rows.indices.filter { continued[origins[$0].group] == group && !dropped.contains($0) }
            order += own.dropLast(closing.count) + continuing + closing
        }
        rows = order.map { rows[$0] }
        nameStarts = order.map { nameStarts[$0] }
    }

    /// The text of the row's identifier column (单位代码, 部门代码), if it has one.
    private func identifier(of line: PlacedLine, group: Int) -> String? {
        let text = columns.indices.filter { columns[$0].group == group && columns[$0].role == .identifier }
            .compactMap { line.cells[$0]?.map(\.text).joined() }.joined()
        let cleaned = ChineseText.removingSpaces(text)
        return cleaned.isEmpty ? nil : cleaned
    }

    /// A row whose identifier begins the next row's (部门 024 over its units 024001, 024002) is their
    /// group: the department, whose units are its parts.
    private func markDepartments(_ rows: inout [TableRow], identifiers: [String?]) {
        for index in rows.indices.dropLast() where rows[index].role == .detail {
            guard let own = identifiers[index], let next = identifiers[index + 1], next.count > own.count, next.hasPrefix(own) else { continue }
            rows[index].role = .group
        }
    }

    /// Where the row's name begins on the page (PDF), for reading the hierarchy from indentation.
    private func nameStart(of line: PlacedLine, group: Int) -> Double? {
        let named = columns.indices.filter { columns[$0].group == group && columns[$0].role.isName }
        // A label column whose heading names no known meaning (支出项目类别（资金使用单位）) holds the names.
        let labels = named.isEmpty ? columns.indices.filter { columns[$0].group == group && columns[$0].role == .other } : named
        return labels.compactMap { line.cells[$0]?.map(\.x0).min() }.min()
    }

    /// In PDFs a long name wraps onto lines of its own; such a line has text in name columns only and
    /// belongs to a line that has a code or an amount. A code printed beside the middle line of a wrapped
    /// name (its own line has no name) first claims the fragments right above and below it; other
    /// fragments go to the nearest such line.
    private func attachWrappedText(_ lines: inout [PlacedLine]) {
        for index in lines.indices {
            lines[index].isAnchor = lines[index].line.isDrawnRow || lines[index].cells.contains { key, cells in
                let text = ChineseText.removingSpaces(cells.map(\.text).joined())
                switch columns[key].role {
                case .name:
                    return LineReading.isTotalLabel(text) || LineReading.isPlaceholder(text) || OrdinalParser.parse(text) != nil
                case .other, .classified:
                    // Text under a classification heading or one of no known meaning (部门支出经济分类科目:
                    // "30108-机关事业单位基本养老保" wrapping onto "险缴费") is a fragment too, unless it carries a
                    // code or a total.
                    return text.unicodeScalars.contains { ChineseText.isDigit($0) } || LineReading.isTotalLabel(text)
                        || LineReading.isPlaceholder(text) || OrdinalParser.parse(text) != nil
                default:
                    return true
                }
            }
        }
        var owner: [Int: Int] = [:]
        func close(_ a: Int, _ b: Int) -> Bool {
            let upper = lines[min(a, b)].line, lower = lines[max(a, b)].line
            return upper.page == lower.page && lower.top - upper.bottom < 1.5 * max(upper.height, lower.height, 1)
        }
        // A line with a code or amounts but no name of its own ("20799", or "200,000 200,000" between
        // "四、文化旅游体育与传媒" and "支出") claims the name-only lines right above and below it.
        func nameOnly(_ index: Int) -> Bool {
            let cells = lines[index].cells
            guard !cells.isEmpty, cells.keys.allSatisfy({ columns[$0].role.isName }) else { return false }
            let text = ChineseText.removingSpaces(cells.values.flatMap { $0 }.map(\.text).joined())
            return !LineReading.isTotalLabel(text) && !LineReading.isPlaceholder(text)
        }
        let nameless = lines.indices.filter { index in
            lines[index].isAnchor && !lines[index].cells.keys.contains { columns[$0].role.isName }
                && lines[index].cells.contains { key, cells in
                    columns[key].role.isCode ? cells.contains { $0.text.unicodeScalars.contains { ChineseText.isDigit($0) } } : columns[key].role.amountKey != nil
                }
        }
        for index in nameless {
            if index > 0, nameOnly(index - 1), owner[index - 1] == nil, close(index - 1, index) {
                owner[index - 1] = index
                lines[index - 1].isAnchor = false
            }
            if index + 1 < lines.count, nameOnly(index + 1), owner[index + 1] == nil, close(index, index + 1) {
                owner[index + 1] = index
                lines[index + 1].isAnchor = false
            }
        }
        for index in lines.indices where !lines[index].isAnchor && owner[index] == nil {
            let line = lines[index].line
            // The nearest anchors above and below on the page, among the few lines either side (one
            // within reach is a line or two away; a page of thousands of loose lines is not searched whole).
            let previous = lines[max(0, index - Self.fragmentReach)..<index].lastIndex { $0.isAnchor && $0.line.page == line.page }
            let next = lines[(index + 1)..<min(lines.count, index + 1 + Self.fragmentReach)].firstIndex { $0.isAnchor && $0.line.page == line.page }
            let distanceUp = previous.map { line.top - lines[$0].line.bottom } ?? .infinity
            let distanceDown = next.map { lines[$0].line.top - line.bottom } ?? .infinity
            guard let target = distanceUp <= distanceDown ? previous : next, min(distanceUp, distanceDown) < 2.5 * max(line.height, 1) else {
                lines[index].isAnchor = true
                continue
            }
            owner[index] = target
        }
        for (fragment, target) in owner.sorted(by: { $0.key < $1.key }) {
            for (column, cells) in lines[fragment].cells {
                if fragment < target {
                    let existing = lines[target].cells[column] ?? []
                    let before = existing.filter { $0.y0 < cells[0].y0 }
                    let after = existing.filter { $0.y0 >= cells[0].y0 }
                    lines[target].cells[column] = before + cells + after
                } else {
                    lines[target].cells[column, default: []].append(contentsOf: cells)
                }
            }
            lines[fragment].cells = [:]
        }
    }

    /// In a two-sided table one side's row may be taller than the other's: its label sits at the top of
    /// its cell, level with the other side's row, and its amounts are centred lower or higher, on a line of
    /// their own (D09's 一、一般公共预算财政拨款 and its 2,940.05). A line with a side's amounts but not its
    /// label gives them to the nearer neighbouring line that has that side's label and nothing in those columns.
    private func joinSplitSides(_ lines: inout [PlacedLine]) {
        let groups = Set(columns.map(\.group)).sorted()
        guard groups.count > 1 else { return }
        let anchors = lines.indices.filter { lines[$0].isAnchor }
        for (position, index) in anchors.enumerated() {
            for group in groups {
                let keys = lines[index].cells.keys.filter { columns[$0].group == group }
                guard !keys.isEmpty, keys.allSatisfy({ columns[$0].role.amountKey != nil || columns[$0].role == .unlabelledAmount }) else { continue }
                let neighbours = [position > 0 ? anchors[position - 1] : nil, position + 1 < anchors.count ? anchors[position + 1] : nil].compactMap { $0 }
                let line = lines[index].line
                let candidates = neighbours.filter { other in
                    let target = lines[other]
                    let upper = other < index ? target.line : line, lower = other < index ? line : target.line
                    return target.line.page == line.page && lower.top - upper.bottom < 0.8 * max(upper.height, lower.height, 1)
                        && target.cells.keys.contains { columns[$0].group == group && columns[$0].role.isLabel }
                        && keys.allSatisfy { target.cells[$0] == nil }
                }
                let centre = (line.top + line.bottom) / 2
                guard let target = candidates.min(by: { abs((lines[$0].line.top + lines[$0].line.bottom) / 2 - centre) < abs((lines[$1].line.top + lines[$1].line.bottom) / 2 - centre) })
                else { continue }
                for key in keys {
                    lines[target].cells[key] = lines[index].cells[key]
                    lines[index].cells[key] = nil
                }
            }
        }
    }

    private func row(from line: PlacedLine, group: Int) -> TableRow? {
        var codeParts: [ColumnRole: String] = [:]
        var nameParts: [String] = []
        var classifications: [RowClassification] = []
        let crossClassified = columns.filter { column in
            guard column.group == group, case .classified = column.role else { return false }
            return true
        }.count >= 2
        var values: [ColumnKey: CellFigure] = [:]
        var invalid: [InvalidCell] = []
        var firstLocation: SourceLocation?
        for (index, column) in columns.enumerated() where column.group == group {
            guard let cells = line.cells[index], !cells.isEmpty else { continue }
            let text = cells.map(\.text).joined(separator: format == .pdf ? "" : " ")
            let location = cells[0].location
            firstLocation = firstLocation ?? location
            switch column.role {
            case .codeClass, .codeSection, .codeItem, .code:
                codeParts[column.role] = (codeParts[column.role].map { $0 + " " } ?? "") + text.trimmingSpaces()
            case .name, .other:
                nameParts.append(ChineseText.normalizeSpaces(text))
            case let .classified(scheme):
                let published = ChineseText.normalizeSpaces(text)
                if crossClassified, let split = LineReading.gluedCode(published) {
                    let code = ClassificationCode(digits: split.code)
                    classifications.append(RowClassification(scheme: scheme, code: code, rawCode: split.code, name: split.name, text: published))
                } else {
                    nameParts.append(published)
                }
            case .unlabelledAmount, .identifier:
                continue
            case let .amount(key):
                let cleaned = text.trimmingSpaces()
                if let figure = AmountParser.parse(cleaned, unit: unit) {
                    if case .number? = AmountParser.scan(cleaned, unit: unit) {
                        values[key] = CellFigure(figure: figure, text: cleaned, location: location)
                    }
                } else if nameParts.isEmpty, codeParts.isEmpty, LineReading.isTotalLabel(cleaned) {
                    // 公用经费合计 in a cell merged across the side's columns: the row's label.
                    nameParts.append(ChineseText.normalizeSpaces(cleaned))
                } else if !LineReading.isPlaceholder(cleaned) {
                    invalid.append(InvalidCell(column: column.path.joined(separator: "/"), text: cleaned, location: location))
                }
            }
        }
        // A row filed under several classifications is named by all of them; its text holds no single code.
        var name = classifications.isEmpty ? nameParts.joined() : (nameParts + classifications.map(\.text)).joined(separator: " / ")
        var raw = [ColumnRole.codeClass, .codeSection, .codeItem, .code].compactMap { codeParts[$0] }.joined(separator: " ")
        if raw.isEmpty, classifications.isEmpty, let split = LineReading.gluedCode(name) {
            raw = split.code
            name = split.name
        }
        if !raw.isEmpty, !raw.unicodeScalars.contains(where: { ChineseText.isDigit($0) }), name.isEmpty || LineReading.isPlaceholder(raw) {
            // A label sitting in the code column (合计, 无).
            name = ChineseText.normalizeSpaces(raw) + name
            raw = ""
        }
        guard !raw.isEmpty || !name.isEmpty || !values.isEmpty || !invalid.isEmpty else { return nil }
        let side = columns.first { $0.group == group }?.side ?? .single
        let code = classificationCode(raw)
        var role: RowRole = .detail
        if LineReading.isTotalLabel(name) && code == nil {
            role = .total
        } else if LineReading.isPlaceholder(name) || (code == nil && LineReading.isPlaceholder(raw)) {
            role = .placeholder
        }
        let ordinal = OrdinalParser.parse(name)
        var row = TableRow(side: side, code: code, rawCode: raw.isEmpty ? nil : raw, name: name, role: role,
                           ordinal: ordinal?.ordinal, values: values, invalidCells: invalid, location: firstLocation ?? line.line.location)
        row.classifications = classifications
        return row
    }

    /// The code a code cell (or cells) spell, when they spell a valid one for this table.
    private func classificationCode(_ raw: String) -> ClassificationCode? {
        let digits = ChineseText.removingSpaces(raw)
        guard !digits.isEmpty, let code = ClassificationCode(digits: digits) else { return nil }
        // Split codes must split at 类/款/项 boundaries: 208 05 02, not 20 805 02.
        let parts = raw.split(separator: " ")
        if parts.count > 1 {
            let lengths = parts.map(\.utf8.count)
            guard lengths[0] == 3, lengths.dropFirst().allSatisfy({ $0 == 2 }) else { return nil }
        }
        return code
    }

    /// A chinese-numbered row followed by rows that are not chinese-numbered is their group
    /// (一、财政拨款收入 › 1、一般公共预算; 一、本年支出 › 一般公共服务支出).
    ///
    /// The last numbered row before a total is a group only when its followers are numbered as parts
    /// (1、 （一）), or are named as the parts of an earlier group of the side (一、财政拨款 › 一般公共预算 …,
    /// then 二、上年结转结余 › 一般公共预算 …, the parts named by their money whatever the word after it:
    /// 一般公共预算资金 under 一、本年收入, 一般公共预算拨款 under 二、上年结转): unnumbered rows after the
    /// last item (年末结转和结余 under 二十六、…的支出) are not its parts. Each side is walked once.
    private func markGroups(_ rows: inout [TableRow]) {
        var bySide: [TableSide: [Int]] = [:]
        for index in rows.indices { bySide[rows[index].side, default: []].append(index) }
        for indices in bySide.values {
            // Whether a chinese-numbered row comes later on the side before the next total.
            var moreItemsAfter = Array(repeating: false, count: indices.count)
            var seen = false
            for position in indices.indices.reversed() {
                moreItemsAfter[position] = seen
                let row = rows[indices[position]]
                if row.role == .total { seen = false } else if row.ordinal?.style == .chinese { seen = true }
            }
            var memberNames = Set<String>()
            for (position, index) in indices.enumerated() where rows[index].ordinal?.style == .chinese && rows[index].role == .detail {
                guard position + 1 < indices.count else { continue }
                let next = rows[indices[position + 1]]
                guard next.role == .detail, next.ordinal?.style != .chinese, next.code == nil else { continue }
                let followers = indices[(position + 1)...].prefix { rows[$0].role == .detail && rows[$0].ordinal?.style != .chinese }
                let names = followers.map { Self.memberKey(rows[$0].name) }
                let repeatsParts = !memberNames.isEmpty && names.allSatisfy(memberNames.contains)
                guard moreItemsAfter[position] || next.ordinal != nil || repeatsParts else { continue }
                rows[index].role = .group
                memberNames.formUnion(names)
            }
        }
    }

    /// A part's name without the words for how the money comes (资金, 拨款, 收入, 预算): 一般公共预算资金 and
    /// 一般公共预算拨款, 国有资本经营预算资金 and 国有资本经营收入, name the same part.
    private static func memberKey(_ name: String) -> String {
        var key = ChineseText.comparisonKey(name)
        for suffix in ["拨款收入", "资金", "拨款", "收入"] where key.hasSuffix(suffix) && key.count > suffix.count + 2 {
            key.removeLast(suffix.count)
            break
        }
        if key.hasSuffix("预算"), key.count > 4 { key.removeLast(2) }
        return key
    }
}
