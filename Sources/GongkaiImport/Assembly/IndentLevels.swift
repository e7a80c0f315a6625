import GongkaiCore

/// Reads the hierarchy of uncoded rows from how far their names are indented: tables without codes
/// (Hangzhou's 功能分类科目名称 column) show 类 › 款 › 项 by indenting each level one step further.
enum IndentLevels {
    /// Smallest step between two indentation levels, in points; nearer starts are the same level.
    static let step = 3.0

    /// Gives every named, uncoded, non-total row of a side its level when the side's names start at two to
    /// four distinct positions, the first row and every row after a total at the outermost one, and no
    /// row deeper than one step below the row before it. Otherwise leaves the rows as they are.
    static func assign(_ rows: inout [TableRow], nameStarts: [Double?]) {
        var seen = Set<TableSide>()
        for side in rows.map(\.side) where seen.insert(side).inserted {
            let members = rows.indices.filter {
                rows[$0].side == side && rows[$0].code == nil && rows[$0].role != .total && rows[$0].role != .placeholder && nameStarts[$0] != nil
            }
            guard members.count >= 3 else { continue }
            let starts = members.compactMap { nameStarts[$0] }
            let positions = clusters(starts)
            guard (2...4).contains(positions.count) else { continue }
            let levels = starts.map { start in positions.lastIndex { $0 <= start + step / 2 } ?? 0 }
            guard levels.first == 0, zip(levels, levels.dropFirst()).allSatisfy({ $1 <= $0 + 1 }) else { continue }
            // A total closes the hierarchy above it: the row after a total starts at the outermost level.
            var previousIsTotal: [Int: Bool] = [:]
            var lastRole: RowRole?
            for index in rows.indices where rows[index].side == side {
                previousIsTotal[index] = lastRole == .total
                lastRole = rows[index].role
            }
            let afterTotals = zip(members, levels).filter { member, _ in previousIsTotal[member] == true }
            guard afterTotals.allSatisfy({ $0.1 == 0 }) else { continue }
            for (member, level) in zip(members, levels) { rows[member].indentLevel = level }
        }
    }

    /// The distinct start positions, left to right, merging those closer than a step.
    private static func clusters(_ starts: [Double]) -> [Double] {
        var result: [Double] = []
        for start in starts.sorted() where result.last.map({ start - $0 >= step }) ?? true {
            result.append(start)
        }
        return result
    }
}
