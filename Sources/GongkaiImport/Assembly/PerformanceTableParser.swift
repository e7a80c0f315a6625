import Foundation
import GongkaiCore

/// Reads 绩效目标表: the project block (name, department, budget, 预算执行率 weight) and the indicator
/// rows, in both layouts in use — 指标/指标权重/计量单位/指标性质/指标值 (Chongqing) and
/// 一级/二级/三级指标/指标值 (Shanghai), where the value may carry operator and unit (`≥13459.00(平方米)`).
struct PerformanceTableParser {
    let lines: [LayoutLine]
    let unit: MoneyUnit
    let format: SourceFormat

    private enum Field: Hashable { case level1, level2, name, weight, unit, comparison, target, core, label }

    private struct IndicatorColumns {
        var positions: [(field: Field, x0: Double, x1: Double)]

        func field(for cell: LayoutCell, format: SourceFormat) -> Field? {
            if format != .pdf {
                return positions.first { abs($0.x0 - cell.x0) < 0.01 }?.field
            }
            let best = positions.max { a, b in cell.overlap(a.x0 - 6, a.x1 + 6) < cell.overlap(b.x0 - 6, b.x1 + 6) }
            if let best, cell.overlap(best.x0 - 6, best.x1 + 6) > 0 { return best.field }
            return positions.min { abs(($0.x0 + $0.x1) / 2 - cell.center) < abs(($1.x0 + $1.x1) / 2 - cell.center) }?.field
        }

        var has: Set<Field> { Set(positions.map(\.field)) }
        var targetIndex: Double? { positions.first { $0.field == .target }?.x0 }
        var nameIndex: Double? { positions.first { $0.field == .name }?.x0 }
    }

    /// One line of the indicator block with its cells sorted into fields.
    private struct IndicatorLine {
        var fields: [Field: String]
        var cells: [LayoutCell]
        var line: LayoutLine
    }

    func goals() -> [PerformanceGoal] {
        var goals: [PerformanceGoal] = []
        var current: PerformanceGoal?
        var columns: IndicatorColumns?
        var amountsInYuan = false
        var level1: String?
        var level2: String?
        var pending: [IndicatorLine] = []
        func flush() {
            for row in joinWrappedTargets(joinWrappedNames(pending)) {
                emit(row, into: &current, level1: &level1, level2: &level2)
            }
            pending = []
        }
        for line in lines {
            let cells = line.cells.filter { !$0.text.trimmingSpaces().isEmpty }
            guard !cells.isEmpty else { continue }
            let keys = cells.map { ChineseText.comparisonKey($0.text) }
            if keys.count == 1, isTableNumberLabel(keys[0]) || (keys[0].hasPrefix("(") && keys[0].hasSuffix(")") && keys[0].unicodeScalars.count <= 12) {
                continue
            }
            if let nameIndex = keys.firstIndex(where: { $0 == "专项资金名称" || $0 == "项目名称" }) {
                flush()
                if let finished = current { goals.append(finished) }
                current = PerformanceGoal(location: line.location)
                current?.projectName = value(after: nameIndex, in: cells)
                columns = nil
                level1 = nil
                level2 = nil
            }
            if current == nil { current = PerformanceGoal(location: line.location) }
            if keys.contains(where: { $0.contains("(元)") || $0 == "项目资金(元)" }) { amountsInYuan = true }
            if let index = keys.firstIndex(where: { ["业务主管部门", "主管部门", "部门名称", "单位名称"].contains($0) }) {
                current?.department = value(after: index, in: cells)
            }
            if current?.budget == nil, let index = keys.firstIndex(where: { ["当年预算", "项目资金总额", "年度预算", "当年预算(万元)", "年度资金申请总额"].contains($0) }),
               let text = value(after: index, in: cells), let figure = AmountParser.parse(text, unit: amountsInYuan ? .yuan : unit) {
                current?.budget = CellFigure(figure: figure, text: text, location: cells[index + 1].location)
            }
            if let index = keys.firstIndex(where: { $0.hasPrefix("预算执行率") }) {
                let text = value(after: index, in: cells) ?? String(keys[index].dropFirst("预算执行率".count)).replacing("权重", with: "")
                current?.executionRateWeight = Decimal(string: text)
                current?.hasWeightColumn = true
            }
            if let header = indicatorHeader(cells) {
                flush()
                columns = header
                if header.has.contains(.weight) { current?.hasWeightColumn = true }
                continue
            }
            guard let columns else { continue }
            if keys.allSatisfy({ $0 == "绩效指标" }) { continue }
            pending.append(IndicatorLine(fields: fields(of: cells, columns: columns), cells: cells, line: line))
        }
        flush()
        if let finished = current { goals.append(finished) }
        return goals
    }

    /// In PDFs a long indicator name wraps above and below the line that holds its value; those
    /// name-only lines join the value line they surround.
    private func joinWrappedNames(_ rows: [IndicatorLine]) -> [IndicatorLine] {
        guard format == .pdf else { return rows }
        var rows = rows
        var consumed = Set<Int>()
        // A line with its comparison or unit is an indicator's own line, whatever it lacks.
        func nameOnly(_ index: Int) -> Bool {
            rows[index].fields[.name] != nil && [Field.target, .weight, .comparison, .unit].allSatisfy { rows[index].fields[$0] == nil }
        }
        func close(_ upper: Int, _ lower: Int) -> Bool { Self.close(rows[upper].line, rows[lower].line) }
        for index in rows.indices where rows[index].fields[.name] == nil && rows[index].fields[.target] != nil {
            var name = ""
            if index > 0, !consumed.contains(index - 1), nameOnly(index - 1), close(index - 1, index) {
                name += rows[index - 1].fields[.name] ?? ""
                consumed.insert(index - 1)
            }
            if index + 1 < rows.count, nameOnly(index + 1), close(index, index + 1) {
                name += rows[index + 1].fields[.name] ?? ""
                consumed.insert(index + 1)
            }
            if !name.isEmpty { rows[index].fields[.name] = name }
        }
        return rows.enumerated().filter { !consumed.contains($0.offset) }.map(\.element)
    }

    /// Whether two lines are near enough to be one wrapped row.
    private static func close(_ upper: LayoutLine, _ lower: LayoutLine) -> Bool {
        lower.top - upper.bottom < 1.2 * max(upper.height, lower.height, 1)
    }

    /// In PDFs a long 指标值 or 计量单位 wraps above and below the line that holds its indicator
    /// (“较上一年下降或≤” / 孕产妇死亡率 定性 / “14.5/10万”; “个（台、套、件” / 购买数据库 ＝ 5 “、辆）”); a line
    /// holding only such pieces joins the nearer indicator line beside it, before or after what it has.
    private func joinWrappedTargets(_ rows: [IndicatorLine]) -> [IndicatorLine] {
        guard format == .pdf else { return rows }
        var rows = rows
        var consumed = Set<Int>()
        let valueFields: Set<Field> = [.target, .unit, .comparison]
        func centre(_ index: Int) -> Double { (rows[index].line.top + rows[index].line.bottom) / 2 }
        for index in rows.indices {
            let pieces = rows[index].fields
            guard !pieces.isEmpty, Set(pieces.keys).isSubset(of: valueFields) else { continue }
            let hosts = [index - 1, index + 1].filter { other in
                rows.indices.contains(other) && !consumed.contains(other) && rows[other].fields[.name] != nil
                    && Self.close(rows[min(index, other)].line, rows[max(index, other)].line)
            }
            guard let host = hosts.min(by: { abs(centre($0) - centre(index)) < abs(centre($1) - centre(index)) }) else { continue }
            for (field, piece) in pieces {
                let own = rows[host].fields[field] ?? ""
                rows[host].fields[field] = host > index ? piece + own : own + piece
            }
            consumed.insert(index)
        }
        return rows.enumerated().filter { !consumed.contains($0.offset) }.map(\.element)
    }

    private func isTableNumberLabel(_ key: String) -> Bool {
        key.hasPrefix("表") && key.unicodeScalars.count <= 4 && key.unicodeScalars.dropFirst().allSatisfy { "一二三四五六七八九十".unicodeScalars.contains($0) }
    }

    private func value(after index: Int, in cells: [LayoutCell]) -> String? {
        guard index + 1 < cells.count else { return nil }
        let text = ChineseText.normalizeSpaces(cells[index + 1].text)
        let key = ChineseText.comparisonKey(text)
        let labels = ["业务主管部门", "主管部门", "项目性质", "项目类别", "实施单位", "项目分类", "本级安排(万元)"]
        return labels.contains(key) || text.isEmpty ? nil : text
    }

    private func indicatorHeader(_ cells: [LayoutCell]) -> IndicatorColumns? {
        var positions: [(Field, Double, Double)] = []
        for cell in cells {
            var key = ChineseText.comparisonKey(cell.text)
            // 指标权重(%), 计量单位。: the unit in brackets or a stray full stop does not change the heading.
            while let last = key.last, "。：:、".contains(last) { key.removeLast() }
            if key.hasSuffix(")"), let open = key.lastIndex(of: "("), open > key.startIndex { key = String(key[..<open]) }
            let field: Field?
            switch key {
            case "一级指标": field = .level1
            case "二级指标": field = .level2
            case "三级指标", "指标", "指标名称", "绩效指标名称": field = .name
            case "指标权重", "权重", "分值": field = .weight
            case "计量单位", "单位": field = .unit
            case "指标性质", "运算符号", "指标方向": field = .comparison
            case "是否核心指标", "是否核心", "核心指标": field = .core
            case "绩效指标": field = .label
            default: field = key.contains("指标值") ? .target : nil
            }
            // A drawn heading's cell says where its column is; its text may sit anywhere in it.
            let extent = cell.drawnExtent ?? (cell.x0, cell.x1)
            if let field { positions.append((field, extent.x0, extent.x1)) }
        }
        let fields = Set(positions.map(\.0))
        guard fields.contains(.name) || fields.contains(.level1), fields.contains(.target) || fields.contains(.weight) else { return nil }
        return IndicatorColumns(positions: positions.map { (field: $0.0, x0: $0.1, x1: $0.2) })
    }

    private func fields(of cells: [LayoutCell], columns: IndicatorColumns) -> [Field: String] {
        var placed = cells
        // Rows typed without the leading (merged) 绩效指标 cell start one column early: when a row fills
        // the indicator columns exactly from the label column, shift it onto them.
        if format != .pdf, let name = columns.nameIndex, let target = columns.targetIndex, let first = placed.first, let last = placed.last,
           first.x0 < name, ChineseText.comparisonKey(first.text) != "绩效指标",
           placed.count == Int(target - name) + 1, Int(last.x0 - first.x0) == placed.count - 1 {
            for index in placed.indices {
                placed[index].x0 += name - first.x0
                placed[index].x1 += name - first.x0
            }
        }
        var fields: [Field: String] = [:]
        for cell in placed {
            guard let field = columns.field(for: cell, format: format) else { continue }
            let text = ChineseText.normalizeSpaces(cell.text)
            fields[field] = fields[field].map { $0 + text } ?? text
        }
        return fields
    }

    private func emit(_ row: IndicatorLine, into goal: inout PerformanceGoal?, level1: inout String?, level2: inout String?) {
        var fields = row.fields
        let cells = row.cells
        let location = row.line.location
        if let value = fields[.level1] { level1 = value }
        if let value = fields[.level2] { level2 = value }
        fields[.label] = nil
        guard let name = fields[.name], !name.isEmpty else {
            let rest = [Field.weight, .unit, .comparison, .target, .core].compactMap { fields[$0] }
            if !rest.isEmpty { goal?.malformedRows.append(MalformedIndicatorRow(cells: cells.map { $0.text.trimmingSpaces() }, location: location)) }
            return
        }
        var indicator = PerformanceIndicator(level1: level1, level2: level2, name: name, weightText: fields[.weight],
                                             unit: fields[.unit], comparison: fields[.comparison], target: fields[.target],
                                             isCore: fields[.core], location: location)
        if let weight = fields[.weight] { indicator.weight = Decimal(string: weight.trimmingSpaces()) }
        if indicator.comparison == nil, let target = indicator.target, let parsed = Self.splitTarget(target) {
            indicator.comparison = parsed.comparison
            indicator.target = parsed.value
            indicator.unit = indicator.unit ?? parsed.unit
        }
        goal?.indicators.append(indicator)
    }

    /// `≥13459.00(平方米)` → (≥, 13459.00, 平方米); `=100.00(%)` → (=, 100.00, %).
    static func splitTarget(_ text: String) -> (comparison: String, value: String, unit: String?)? {
        let scalars = Array(text.trimmingSpaces().unicodeScalars)
        guard let first = scalars.first, let comparison = comparisonSymbol(first) else { return nil }
        var rest = Array(scalars.dropFirst())
        var unit: String?
        if let open = rest.firstIndex(where: { $0 == "(" || $0 == "（" }), rest.last == ")" || rest.last == "）" {
            unit = String(String.UnicodeScalarView(rest[(open + 1)..<(rest.count - 1)]))
            rest = Array(rest[..<open])
        }
        return (comparison, String(String.UnicodeScalarView(rest)).trimmingSpaces(), unit)
    }

    private static func comparisonSymbol(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "≥", "≧": "≥"
        case "≤", "≦": "≤"
        case "=", "＝": "="
        case ">", "＞": ">"
        case "<", "＜": "<"
        default: nil
        }
    }
}
