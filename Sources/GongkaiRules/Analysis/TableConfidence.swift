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
        // Counted by the row that states the total: one missing row breaks its parent in every column
        // at once, and that is one defect, not several.
        var rowsWithSums = Array(repeating: Set<String>(), count: tables.count)
        var rowsWithMismatches = Array(repeating: Set<String>(), count: tables.count)
        var rowsBreakingRowIdentity = Array(repeating: Set<String>(), count: tables.count)
        for sum in sums {
            // The row, not the cell: a total cell of each column has its own box.
            let row = "\(sum.location.sheet ?? ""):\(sum.location.page ?? 0):\(sum.location.line ?? 0)"
            rowsWithSums[sum.tableIndex].insert(row)
            guard sum.outcome.isMismatch else { continue }
            rowsWithMismatches[sum.tableIndex].insert(row)
            if sum.kind == .row { rowsBreakingRowIdentity[sum.tableIndex].insert(row) }
        }
        return tables.indices.map { index in
            var confidence = assess(tables[index], relations: rowsWithSums[index].count, mismatches: rowsWithMismatches[index].count)
            let broken = rowsBreakingRowIdentity[index].count
            if broken >= Limits.rowsBreakingRowIdentity, confidence.isReadable {
                // 合计 = 基本 + 项目 failing row after row: the columns' meanings were misread (基本支出 小计 taken for 合计).
                confidence.doubts.append("\(broken) 行的合计与各栏之和不符，各栏含义可能读错")
            }
            return confidence
        }
    }

    private static func assess(_ table: DisclosureTable, relations: Int, mismatches: Int) -> TableConfidence {
        if table.kind == .projectPerformanceGoals { return performanceConfidence(table) }
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
        let manyMismatches = mismatches >= Limits.mismatchedSums || (mismatches >= 2 && relations >= Limits.rowsForTwoMismatches)
        if manyMismatches, Double(mismatches) > Limits.mismatchedShare * Double(relations) {
            doubts.append("表内 \(relations) 行合计中 \(mismatches) 行与其各项之和不符")
        }
        let coded = table.rows.compactMap(\.code)
        if let kind = table.kind, kind.usesFunctionCodes || kind == .generalBudgetBasicExpenditure, coded.count >= 3 {
            let foreign = coded.filter { ($0.scheme == .functional) != kind.usesFunctionCodes }.count
            if Double(foreign) > Limits.foreignCodeShare * Double(coded.count) {
                doubts.append("\(coded.count) 个科目编码中 \(foreign) 个不属于本表的分类，表格类别可能未识别对")
            }
        }
        let brokenCodes = table.rows.filter { $0.code == nil && ($0.rawCode?.unicodeScalars.contains(where: ChineseText.isDigit) ?? false) }.count
        if brokenCodes >= Limits.brokenCodes {
            doubts.append("\(brokenCodes) 行的科目编码不完整，编码栏可能读错")
        }
        let gluedNames = table.rows.filter { Self.holdsAmount($0.name) }.count
        if gluedNames >= Limits.gluedNames {
            doubts.append("\(gluedNames) 行的名称中混有金额")
        }
        let joinedLabels = table.rows.filter { Self.holdsTwoLabels($0.name) }.count
        if joinedLabels >= Limits.joinedLabels {
            doubts.append("\(joinedLabels) 行的名称是两栏项目连在一起（如“一、财政拨款收入一、一般公共服务支出”），收支两侧可能未分开")
        }
        return TableConfidence(doubts: doubts)
    }

    /// A name that opens a second numbered item after its first (`一、财政拨款收入一、一般公共服务支出`,
    /// `其中：捐赠收入八、社会保障和就业支出`): the labels of two columns read as one.
    static func holdsTwoLabels(_ name: String) -> Bool {
        let scalars = Array(name.unicodeScalars)
        let numerals = Set("一二三四五六七八九十".unicodeScalars)
        for index in scalars.indices.dropFirst(2) where scalars[index] == "、" && numerals.contains(scalars[index - 1]) {
            var start = index - 1
            while start > 0, numerals.contains(scalars[start - 1]) { start -= 1 }
            // The numeral must follow a word, not open the name (一、) or continue a list of them (一、二、).
            if start > 0, ChineseText.isCJK(scalars[start - 1]), !numerals.contains(scalars[start - 1]), scalars[start - 1] != "、" { return true }
        }
        return false
    }

    /// A goals table is in doubt when many of its lines fit no indicator column: text wrapped across
    /// cells or pages that the reader could not put back together.
    private static func performanceConfidence(_ table: DisclosureTable) -> TableConfidence {
        let malformed = table.performanceGoals.reduce(0) { $0 + $1.malformedRows.count }
        let indicators = table.performanceGoals.flatMap(\.indicators)
        var doubts: [String] = []
        let manyOfFew = malformed >= Limits.malformedIndicatorRows && Double(malformed) > Limits.malformedIndicatorShare * Double(malformed + indicators.count)
        if manyOfFew || malformed >= Limits.malformedIndicatorRowsInAnyTable {
            doubts.append("\(malformed + indicators.count) 行指标中 \(malformed) 行未能归入指标栏")
        }
        // Two rows read as one: two comparisons (≥≥) or the project's amount in the indicator's name.
        let symbols = Set("≥≤><=＞＜≧≦".unicodeScalars)
        let merged = indicators.filter { indicator in
            let comparison = indicator.comparison ?? ""
            let doubled = comparison.unicodeScalars.filter(symbols.contains).count >= 2 && !["<=", ">=", "≥=", "≤="].contains(comparison)
            return doubled || holdsAmount(indicator.name)
        }
        if !merged.isEmpty { doubts.append("\(merged.count) 行指标像是几行连成了一行") }
        // Indicators with neither a comparison nor a value: the lines of wrapped names read as indicators.
        let bare = indicators.filter { ($0.comparison ?? "").isEmpty && ($0.target ?? "").isEmpty }.count
        if bare >= Limits.bareIndicators, Double(bare) > Limits.bareIndicatorShare * Double(indicators.count) {
            doubts.append("\(indicators.count) 行指标中 \(bare) 行既无指标性质也无指标值")
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

    /// Where doubt begins. Real tables rarely break more than one of their rows' sums, print
    /// text in an amount column once at most, and mix code schemes on a row or two; a misread table
    /// breaks many at once.
    enum Limits {
        static let invalidCells = 3
        static let invalidShare = 0.1
        static let mismatchedSums = 3
        /// Two rows out of this many or more are already doubt (a small table's one defect breaks its row and the total).
        static let rowsForTwoMismatches = 5
        static let mismatchedShare = 0.15
        static let foreignCodeShare = 0.3
        static let gluedNames = 2
        /// One name holding two numbered items can be a publisher's typo; three are two columns read as one.
        static let joinedLabels = 3
        /// A publisher breaks a code cell once (7 11 02); codes cut on every other row are the reader's.
        static let brokenCodes = 3
        /// A row's own identity (合计 = 基本支出 + 项目支出) broken on this many rows is the header's doing.
        static let rowsBreakingRowIdentity = 3
        static let malformedIndicatorRows = 3
        static let malformedIndicatorShare = 0.1
        /// A publisher breaks an indicator row or two; ten broken rows, in however long a table, are the reader's.
        static let malformedIndicatorRowsInAnyTable = 10
        /// A publisher leaves an indicator's value out now and then (2 of 13 in one Chongqing table); when
        /// a fifth of a table's indicators and ten or more have neither comparison nor value (22–54% in the
        /// Beijing goals tables whose wrapped names were read as rows), the reader split them.
        static let bareIndicators = 10
        static let bareIndicatorShare = 0.2
    }
}
