import GongkaiCore

/// How well a table was read: judged from what the reader reports (cells placed, header understood)
/// and from the table's own arithmetic. A table read without confidence is not judged on its values —
/// its sums, codes and amounts would accuse the publisher of the reader's mistakes — and is reported
/// once as unreadable instead.
struct TableConfidence: Sendable {
    /// Why the table cannot be trusted, in Chinese; empty when it was read with confidence.
    var doubts: [String]

    /// Whether rules may judge the table's values.
    var isReadable: Bool { doubts.isEmpty }

    /// The confidence of every table of a document, parallel to `tables`.
    static func assess(_ tables: [DisclosureTable], sums: [SumRelation]) -> [TableConfidence] {
        var mismatches = Array(repeating: 0, count: tables.count)
        var relations = Array(repeating: 0, count: tables.count)
        for sum in sums {
            relations[sum.tableIndex] += 1
            if sum.outcome.isMismatch { mismatches[sum.tableIndex] += 1 }
        }
        return tables.indices.map { index in
            assess(tables[index], relations: relations[index], mismatches: mismatches[index])
        }
    }

    private static func assess(_ table: DisclosureTable, relations: Int, mismatches: Int) -> TableConfidence {
        guard table.kind != .projectPerformanceGoals else { return TableConfidence(doubts: []) }
        var doubts: [String] = []
        let reading = table.reading
        if reading.unlabelledAmountColumns > 0, 2 * reading.unlabelledAmountColumns > reading.amountColumns {
            doubts.append("\(reading.amountColumns) 栏金额中 \(reading.unlabelledAmountColumns) 栏的表头未能识别")
        }
        let invalid = table.rows.reduce(0) { $0 + $1.invalidCells.count }
        let cells = table.rows.reduce(0) { $0 + $1.values.count } + invalid
        if invalid >= Limits.invalidCells || (invalid >= 2 && Double(invalid) > Limits.invalidShare * Double(cells)) {
            doubts.append("\(invalid) 个金额单元格读出的不是数字")
        }
        if mismatches >= Limits.mismatchedSums, Double(mismatches) > Limits.mismatchedShare * Double(relations) {
            doubts.append("表内 \(relations) 个合计关系中 \(mismatches) 个不成立")
        }
        let coded = table.rows.compactMap(\.code)
        if let kind = table.kind, kind.usesFunctionCodes || kind == .generalBudgetBasicExpenditure, coded.count >= 3 {
            let foreign = coded.filter { ($0.scheme == .functional) != kind.usesFunctionCodes }.count
            if Double(foreign) > Limits.foreignCodeShare * Double(coded.count) {
                doubts.append("\(coded.count) 个科目编码中 \(foreign) 个不属于本表的分类，表格类别可能未识别对")
            }
        }
        let gluedNames = table.rows.filter { Self.holdsAmount($0.name) }.count
        if gluedNames >= Limits.gluedNames {
            doubts.append("\(gluedNames) 行的名称中混有金额")
        }
        return TableConfidence(doubts: doubts)
    }

    /// A name with an amount in it (`审计事务6,960.90`): a number with decimals or thousands separators.
    static func holdsAmount(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        for (index, scalar) in scalars.enumerated() where scalar == "." || scalar == "," {
            guard index > 0, index + 1 < scalars.count else { continue }
            if ChineseText.isDigit(scalars[index - 1]), ChineseText.isDigit(scalars[index + 1]) { return true }
        }
        return false
    }

    /// Where doubt begins. Real tables rarely break more than one or two of their own sums, print
    /// text in an amount column once at most, and mix code schemes on a row or two; a misread table
    /// breaks many at once.
    enum Limits {
        static let invalidCells = 3
        static let invalidShare = 0.1
        static let mismatchedSums = 3
        static let mismatchedShare = 0.2
        static let foreignCodeShare = 0.3
        static let gluedNames = 2
    }
}
