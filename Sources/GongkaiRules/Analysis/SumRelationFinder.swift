import GongkaiCore

/// Finds the sums each table asserts: code hierarchy, row identities, column totals, 三公 totals.
enum SumRelationFinder {
    static func relations(in tables: [DisclosureTable]) -> [SumRelation] {
        var result: [SumRelation] = []
        for (index, table) in tables.enumerated() where table.kind != .projectPerformanceGoals {
            result += hierarchy(table, index)
            result += rowIdentities(table, index)
            result += columnTotals(table, index)
        }
        return result
    }

    // MARK: hierarchy

    private static func hierarchy(_ table: DisclosureTable, _ index: Int) -> [SumRelation] {
        var result: [SumRelation] = []
        for side in sides(of: table) {
            for rows in codeBlocks(table.rows(on: side).filter { $0.code != nil }) {
                result += hierarchy(rows, table: table, index)
            }
        }
        return result
    }

    /// A table that lists several units' spending one after another (预算单位 › 科目) repeats the codes:
    /// each unit's list is a hierarchy of its own, and a new list starts where a code comes again.
    private static func codeBlocks(_ rows: [TableRow]) -> [[TableRow]] {
        var blocks: [[TableRow]] = [[]]
        var seen = Set<ClassificationCode>()
        for row in rows {
            guard let code = row.code else { continue }
            if seen.contains(code) {
                blocks.append([])
                seen = []
            }
            seen.insert(code)
            blocks[blocks.count - 1].append(row)
        }
        return blocks
    }

    private static func hierarchy(_ rows: [TableRow], table: DisclosureTable, _ index: Int) -> [SumRelation] {
        var result: [SumRelation] = []
        var childrenByParent: [ClassificationCode: [TableRow]] = [:]
        for row in rows { if let parent = row.code?.parent { childrenByParent[parent, default: []].append(row) } }
        for parent in rows {
            guard let code = parent.code, let children = childrenByParent[code], !children.isEmpty else { continue }
            for key in amountKeys(table) {
                let cells = children.compactMap { $0.values[key] }
                guard parent.values[key] != nil || !cells.isEmpty else { continue }
                result.append(relation(.hierarchy, index, total: parent.values[key], at: parent.location, parts: cells, partRows: children.count,
                                       explanation: "\(code) \(parent.name) = Σ下级科目（\(children.count) 行）", code: code.digits, column: key))
            }
        }
        return result
    }

    // MARK: row identities

    private static func rowIdentities(_ table: DisclosureTable, _ index: Int) -> [SumRelation] {
        let keys = Set(amountKeys(table).filter { $0.stage == .current }.map(\.measure))
        var identities: [(Measure, [Measure], String)] = []
        let income: [Measure] = [.fiscalAppropriation, .specialAccountFunds, .institutionRevenue, .operatingRevenue, .superiorGrants,
                                 .subordinateRemittances, .otherIncome]
        let funds: [Measure] = [.generalBudget, .governmentFunds, .stateCapital]
        switch table.kind {
        case .threePublicCosts:
            return threePublic(table, index)
        case .incomeSummary:
            var sources = income.filter(keys.contains)
            if !keys.contains(.fiscalAppropriation) { sources = funds.filter(keys.contains) + sources }
            // With a carry-over column the total is 收入总计: this year's income and what was carried over.
            let carryover = keys.contains(.carryoverIn)
            if carryover { sources.append(.carryoverIn) }
            if keys.contains(.total), sources.count >= 2 {
                identities.append((.total, sources, carryover ? "合计 = 各项收入之和 + 上年结转" : "合计 = 各项收入之和"))
            }
        case .fiscalSummary:
            let present = funds.filter(keys.contains)
            if keys.contains(.total), present.count >= 2 { identities.append((.total, present, "合计 = 一般公共预算 + 政府性基金预算 + 国有资本经营预算")) }
        default:
            break
        }
        let spending: [Measure] = [.remittanceToSuperior, .operatingExpenditure, .subsidyToSubordinates].filter(keys.contains)
        if keys.contains(.total), keys.contains(.basic), keys.contains(.project) {
            identities.append((.total, [.basic, .project] + spending, "合计 = 基本支出 + 项目支出"))
        } else if keys.contains(.total), keys.contains(.personnel), keys.contains(.publicCosts) {
            let parts: [Measure] = [.personnel, .publicCosts] + (keys.contains(.project) ? [.project] : []) + spending
            identities.append((.total, parts, keys.contains(.project) ? "合计 = 人员经费 + 公用经费 + 项目支出" : "合计 = 人员经费 + 公用经费"))
        }
        if keys.contains(.basic), keys.contains(.personnel), keys.contains(.publicCosts) {
            identities.append((.basic, [.personnel, .publicCosts], "基本支出 = 人员经费 + 公用经费"))
        }
        var result: [SumRelation] = []
        for row in table.rows where row.role != .placeholder {
            let sideMeasures = Set(table.columns.filter { $0.side == row.side }.compactMap { $0.key?.measure })
            for (total, parts, explanation) in identities {
                // An identity holds on the side of the table that has all its columns.
                guard sideMeasures.contains(total), parts.allSatisfy(sideMeasures.contains) else { continue }
                let cells = parts.compactMap { row.values[ColumnKey($0)] }
                guard row.values[ColumnKey(total)] != nil || cells.contains(where: { !$0.amount.isZero }) else { continue }
                result.append(relation(.row, index, total: row.values[ColumnKey(total)], at: row.location, parts: cells,
                                       explanation: "\(rowLabel(row))：\(explanation)", code: row.code?.digits, column: ColumnKey(total)))
            }
        }
        return result
    }

    private static func threePublic(_ table: DisclosureTable, _ index: Int) -> [SumRelation] {
        var result: [SumRelation] = []
        for row in table.rows where row.hasData {
            for stage in Set(row.values.keys.map(\.stage)).sorted(by: { $0.rawValue < $1.rawValue }) {
                func cell(_ measure: Measure) -> CellFigure? { row.values[ColumnKey(measure, stage: stage)] }
                let keys = Set(row.values.keys.filter { $0.stage == stage }.map(\.measure))
                let hasVehicleTotal = table.columns.contains { $0.key == ColumnKey(.vehicleTotal, stage: stage) }
                let vehicle: [Measure] = hasVehicleTotal ? [.vehicleTotal] : [.vehiclePurchase, .vehicleOperation]
                if table.columns.contains(where: { $0.key == ColumnKey(.total, stage: stage) }) {
                    let parts = ([.travelAbroad] + vehicle + [.reception]).compactMap(cell)
                    result.append(relation(.threePublicCosts, index, total: cell(.total), at: row.location, parts: parts,
                                           explanation: "“三公”经费合计 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费",
                                           code: nil, column: ColumnKey(.total, stage: stage)))
                }
                if hasVehicleTotal, keys.contains(.vehiclePurchase) || keys.contains(.vehicleOperation) || cell(.vehicleTotal) != nil {
                    result.append(relation(.threePublicCosts, index, total: cell(.vehicleTotal), at: row.location,
                                           parts: [.vehiclePurchase, .vehicleOperation].compactMap(cell),
                                           explanation: "公务用车购置及运行费 = 购置费 + 运行费", code: nil, column: ColumnKey(.vehicleTotal, stage: stage)))
                }
            }
        }
        return result
    }

    // MARK: column totals

    private static func columnTotals(_ table: DisclosureTable, _ index: Int) -> [SumRelation] {
        guard table.kind != .threePublicCosts else { return [] }
        var result: [SumRelation] = []
        for side in sides(of: table) {
            let rows = table.rows(on: side)
            // A row of amounts with no label at all (a total whose label cell is blank, or a row whose
            // label was not read) could be a part or the sum of the others: the side's totals are not judged.
            guard !rows.contains(where: { $0.name.isEmpty && $0.rawCode == nil && !$0.values.isEmpty }) else { continue }
            let coded = rows.filter { $0.code != nil }
            let codes = Set(coded.compactMap(\.code))
            var topLevel: [TableRow]
            var groups: [(TableRow, [TableRow])] = []
            if coded.count >= max(1, rows.filter { $0.role == .detail }.count / 2) {
                // A coded table: the top level is every row whose parent is not listed; uncoded details
                // (a broken code cell) are left out rather than guessed.
                topLevel = coded.filter { $0.code?.parent.map { !codes.contains($0) } ?? true }
            } else if rows.contains(where: { $0.indentLevel != nil }) {
                // 四、其他收入 › 其中：捐赠收入: an 其中 row names a part, not all of them — neither its row's
                // breakdown nor a part of the total (here and in the numbered rows below).
                // Uncoded names indented by level: the outermost rows add up to the total, each row's
                // next-level rows to the row.
                let indented = rows.filter { $0.indentLevel != nil && !$0.name.hasPrefix("其中") }
                topLevel = indented.filter { $0.indentLevel == 0 }
                groups = indentedGroups(indented)
            } else {
                topLevel = []
                var openGroup: (TableRow, [TableRow])?
                // 一、本年支出 › 一、一般公共服务支出 … 三十一、往来性支出, then 二、年终结转结余: a numbering
                // that starts again under a numbered row lists that row's parts, until the outer numbering goes on.
                var nested = false
                for row in rows where row.role != .placeholder && !row.name.hasPrefix("其中") {
                    let number = row.ordinal?.style == .chinese ? row.ordinal?.number : nil
                    if nested {
                        if let number, row.role != .total, number == (openGroup?.1.last?.ordinal?.number ?? 0) + 1 {
                            openGroup?.1.append(row)
                            continue
                        }
                        if let open = openGroup { groups.append(open) }
                        openGroup = nil
                        nested = false
                    }
                    if row.role == .total {
                        if let open = openGroup { groups.append(open) }
                        openGroup = nil
                    } else if number == 1, openGroup == nil, let previous = topLevel.last, previous.role != .group,
                              previous.ordinal?.style == .chinese {
                        openGroup = (previous, [row])
                        nested = true
                    } else if row.role == .group {
                        if let open = openGroup { groups.append(open) }
                        openGroup = (row, [])
                        topLevel.append(row)
                    } else if row.ordinal?.style == .chinese, row.ordinal?.number == 1, openGroup == nil,
                              let previous = topLevel.last, previous.ordinal == nil, topLevel.contains(where: { $0.ordinal?.style == .chinese }) {
                        // 年初财政拨款结转和结余 › 一、一般公共预算财政拨款 …: the numbering starting again
                        // under an unnumbered row lists that row's parts.
                        topLevel.removeLast()
                        openGroup = (previous, [row])
                        topLevel.append(previous)
                    } else if let open = openGroup, open.0.ordinal == nil, open.0.role != .group, row.ordinal?.style == .chinese {
                        openGroup?.1.append(row)
                    } else if row.ordinal?.style == .chinese || openGroup == nil {
                        if let open = openGroup { groups.append(open) }
                        openGroup = nil
                        topLevel.append(row)
                    } else {
                        openGroup?.1.append(row)
                    }
                }
                if let open = openGroup { groups.append(open) }
            }
            let keys = amountKeys(table).filter { key in table.columns.contains { $0.key == key && $0.side == side } }
            // A group whose own figure is the odd one out — the total agrees with the group's members, not
            // with the group — is where the mistake is printed: its check replaces the total's.
            var misstated: [Misstated: SumRelation] = [:]
            for (total, parts) in runningTotals(rows, topLevel: topLevel) {
                for key in keys {
                    let cells = parts.compactMap { $0.values[key] }
                    guard total.values[key] != nil || !cells.isEmpty else { continue }
                    let found = relation(.column, index, total: total.values[key], at: total.location, parts: cells, partRows: parts.count,
                                         explanation: "\(total.name) = Σ\(coded.isEmpty ? "各项" : "一级科目")（\(parts.count) 行）", code: nil, column: key)
                    if found.outcome.isMismatch, let blamed = misstatedGroup(total: total, parts: parts, groups: groups, key: key, index: index, outcome: found.outcome) {
                        misstated[Misstated(row: blamed.location, key: key)] = blamed
                    } else {
                        result.append(found)
                    }
                }
            }
            for (group, members) in groups where !members.isEmpty {
                for key in keys {
                    let cells = members.compactMap { $0.values[key] }
                    guard group.values[key] != nil || !cells.isEmpty else { continue }
                    if let blamed = misstated[Misstated(row: group.values[key]?.location ?? group.location, key: key)] {
                        result.append(blamed)
                        continue
                    }
                    result.append(relation(.column, index, total: group.values[key], at: group.location, parts: cells, partRows: members.count,
                                           explanation: "\(group.name) = Σ其下各项（\(members.count) 行）", code: nil, column: key))
                }
            }
        }
        return result
    }

    /// A group row and column.
    private struct Misstated: Hashable {
        let row: SourceLocation
        let key: ColumnKey
    }

    /// The check of the one group among `parts` whose members, put in its place, make `total` add up
    /// while the group's printed figure differs from its members' sum: the total and the members agree,
    /// the group is the odd one out, and the mismatch `outcome` found for the total is reported there.
    /// Nil when no single group explains the mismatch.
    private static func misstatedGroup(total: TableRow, parts: [TableRow], groups: [(TableRow, [TableRow])], key: ColumnKey,
                                       index: Int, outcome: SumCheckOutcome) -> SumRelation? {
        guard let totalCell = total.values[key], case let .mismatch(_, tolerance) = outcome else { return nil }
        var candidates: [SumRelation] = []
        for (offset, part) in parts.enumerated() {
            guard let printed = part.values[key], let members = groups.first(where: { $0.0 == part })?.1, !members.isEmpty else { continue }
            let memberCells = members.compactMap { $0.values[key] }
            let others = parts.enumerated().filter { $0.offset != offset }.compactMap { $0.element.values[key] }
            guard !SumCheck.compare(total: totalCell.figure, parts: (others + memberCells).map(\.figure)).isMismatch,
                  let membersSum = Amount.exactSum(memberCells.map(\.amount)), membersSum != printed.amount else { continue }
            candidates.append(SumRelation(
                kind: .column, tableIndex: index, total: printed, location: printed.location, parts: memberCells,
                outcome: .mismatch(difference: printed.amount - membersSum, tolerance: tolerance),
                explanation: "\(part.name) = Σ其下各项（\(memberCells.count) 行有数；\(total.name) \(totalCell.text) 与其下各项相符，只有\(part.name)不符）",
                code: nil, column: key))
        }
        return candidates.count == 1 ? candidates[0] : nil
    }

    /// Each total row with what it adds up: the top-level rows since the previous total, plus that
    /// total (本年收入合计 + 年初结转和结余 = 总计); a total printed above its rows (合计 first) adds
    /// up the rows after it, to the next total.
    ///
    /// A numbered total printed above its rows (一、本年支出合计 over the classes, then 二、年终结转结余)
    /// adds up the rows after it only to the next numbered row; the next total adds it and what follows.
    private static func runningTotals(_ rows: [TableRow], topLevel: [TableRow]) -> [(TableRow, [TableRow])] {
        let top = Set(topLevel)
        let totalPositions = rows.indices.filter { rows[$0].role == .total }
        var result: [(TableRow, [TableRow])] = []
        var consumed = -1
        for (order, position) in totalPositions.enumerated() {
            let previous = order > 0 ? totalPositions[order - 1] : nil
            let start = max((previous ?? -1) + 1, consumed + 1)
            let before = start < position ? rows[start..<position].filter { top.contains($0) } : []
            if let previous {
                result.append((rows[position], [rows[previous]] + before))
            } else if !before.isEmpty {
                result.append((rows[position], Array(before)))
            } else {
                let next = order + 1 < totalPositions.count ? totalPositions[order + 1] : rows.count
                var end = next
                if rows[position].ordinal?.style == .chinese,
                   let numbered = rows[(position + 1)..<next].firstIndex(where: { top.contains($0) && $0.ordinal?.style == .chinese }) {
                    end = numbered
                }
                let after = rows[(position + 1)..<end].filter { top.contains($0) }
                if !after.isEmpty {
                    result.append((rows[position], Array(after)))
                    consumed = end - 1
                }
            }
        }
        return result
    }

    /// Each indented row with the rows one level deeper that follow it, up to the next row at its level or above.
    private static func indentedGroups(_ rows: [TableRow]) -> [(TableRow, [TableRow])] {
        rows.indices.compactMap { index in
            guard let level = rows[index].indentLevel else { return nil }
            let following = rows[(index + 1)...].prefix { ($0.indentLevel ?? 0) > level }
            let children = following.filter { $0.indentLevel == level + 1 }
            return children.isEmpty ? nil : (rows[index], Array(children))
        }
    }

    // MARK: helpers

    /// The table's sides in the order its rows first show them (a `Set` would give a different order
    /// each run, and so a report whose findings change places between runs).
    private static func sides(of table: DisclosureTable) -> [TableSide] {
        var seen = Set<TableSide>()
        return table.rows.map(\.side).filter { seen.insert($0).inserted }
    }

    private static func amountKeys(_ table: DisclosureTable) -> [ColumnKey] {
        var seen = Set<ColumnKey>()
        return table.columns.compactMap(\.key).filter { seen.insert($0).inserted }
    }

    private static func rowLabel(_ row: TableRow) -> String {
        [row.rawCode, row.name.isEmpty ? nil : row.name].compactMap { $0 }.joined(separator: " ")
    }

    /// A relation; `partRows` is how many rows the parts come from, blanks in the column included.
    private static func relation(_ kind: SumRelation.Kind, _ index: Int, total: CellFigure?, at location: SourceLocation,
                                 parts: [CellFigure], partRows: Int? = nil, explanation: String, code: String?, column: ColumnKey) -> SumRelation {
        let totalFigure = total?.figure ?? Figure(amount: .zero, unit: parts.first?.figure.unit ?? .yuan, decimals: 0)
        return SumRelation(kind: kind, tableIndex: index, total: total, location: total?.location ?? location, parts: parts,
                           outcome: SumCheck.compare(total: totalFigure, parts: parts.map(\.figure), rows: partRows), explanation: explanation,
                           code: code, column: column)
    }
}
