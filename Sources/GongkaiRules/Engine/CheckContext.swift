import GongkaiCore

/// Everything a rule may look at: the document, the profile it is judged by, the catalog, and the
/// analyses several rules share (sums, cross-table identities, narrative statements), computed once.
public struct CheckContext: Sendable {
    /// The document.
    public let disclosure: Disclosure
    /// The profile.
    public let profile: Profile
    /// The classification catalog for the document's year.
    public let catalog: Catalog

    let facts: TableFacts
    /// How well each table was read (parallel to `disclosure.tables`).
    let confidence: [TableConfidence]
    /// The sums of the tables read with confidence.
    let sums: [SumRelation]
    let comparisons: [CrossTableComparison]
    let statements: [NarrativeStatement]
    let breakdowns: [NarrativeBreakdown]
    let resolver: SubjectResolver
    /// The funds each paragraph names (parallel to `disclosure.narrative`), read once.
    let paragraphFunds: [ParagraphFunds]
    /// Whether each paragraph follows "财政拨款支出主要内容如下：" in its section (parallel to `disclosure.narrative`).
    private let inFiscalList: [Bool]
    /// The index in `statements` of each paragraph's first statement (statements come in paragraph order).
    private let firstStatement: [Int: Int]
    /// The quantity of each statement (parallel to `statements`), resolved once: several rules ask.
    private var statementKeys: [QuantityKey?] = []

    /// Prepares the shared analyses.
    public init(disclosure: Disclosure, profile: Profile, catalog: Catalog) {
        self.disclosure = disclosure
        self.profile = profile
        self.catalog = catalog
        let allSums = SumRelationFinder.relations(in: disclosure.tables)
        let confidence = TableConfidence.assess(disclosure.tables, sums: allSums)
        self.confidence = confidence
        sums = allSums.filter { confidence[$0.tableIndex].isReadable }
        facts = TableFacts(tables: disclosure.tables, catalog: catalog, readable: confidence.map(\.isReadable))
        comparisons = CrossTableFinder.comparisons(facts)
        statements = NarrativeStatementExtractor.statements(disclosure.narrative)
        breakdowns = NarrativeBreakdownFinder.breakdowns(disclosure.narrative, statements: statements)
        resolver = SubjectResolver(facts: facts)
        paragraphFunds = disclosure.narrative.map { ParagraphFunds($0.text) }
        inFiscalList = Self.fiscalListMembership(disclosure.narrative)
        var firsts: [Int: Int] = [:]
        for statement in statements where firsts[statement.paragraphIndex] == nil { firsts[statement.paragraphIndex] = statement.index }
        firstStatement = firsts
        statementKeys = statements.map { resolveKey(of: $0) }
    }

    /// The tables read with confidence, with their indices: the only tables whose values rules judge.
    var readableTables: [(offset: Int, element: DisclosureTable)] {
        disclosure.tables.enumerated().filter { confidence[$0.offset].isReadable }
    }

    /// Whether the file holds a tables part at all. A disclosure's tables and its 情况说明 are often
    /// published as two files; a file without any table is judged for what it holds, and one
    /// `document-part-absent` warning says the tables were not in it.
    /// (A title with no grid under it — a contents entry read as a title, its page number as a row —
    /// is not a table: a table has an amount column, a row with an amount or a code, or goals.)
    var hasTablesPart: Bool {
        disclosure.tables.contains { table in
            table.columns.contains { $0.key != nil } || table.rows.contains { $0.code != nil || !$0.values.isEmpty }
                || table.performanceGoals.contains { !$0.indicators.isEmpty }
        }
    }

    /// Whether the file holds a narrative part: a heading of a 情况说明 section, or some 200 characters
    /// of text outside headings and tables.
    var hasNarrativePart: Bool {
        disclosure.narrative.contains { $0.isHeading && $0.section != nil }
            || disclosure.narrative.filter { !$0.isHeading }.reduce(0) { $0 + $1.text.unicodeScalars.count } >= 200
    }

    /// A table reference for diagnostics.
    func ref(_ index: Int) -> DisclosureTableRef {
        DisclosureTableRef(kind: disclosure.tables[index].kind, title: disclosure.tables[index].title)
    }

    /// The money unit a table shows amounts in, for messages.
    func unit(_ index: Int) -> MoneyUnit { disclosure.tables[index].effectiveUnit }

    /// The paragraph of a statement.
    func paragraph(of statement: NarrativeStatement) -> NarrativeParagraph { disclosure.narrative[statement.paragraphIndex] }

    /// The quantity a statement is about: its own subject, or — for generic subjects such as
    /// 预算安排 — the subject of the paragraph's first statement.
    func key(of statement: NarrativeStatement) -> QuantityKey? {
        statementKeys[statement.index]
    }

    private func resolveKey(of statement: NarrativeStatement) -> QuantityKey? {
        let paragraph = self.paragraph(of: statement)
        let funds = paragraphFunds[statement.paragraphIndex].before(statement.mention.range.lowerBound)
        let fiscalList = inFiscalList[statement.paragraphIndex]
        if let key = resolver.key(for: statement.subject, paragraph: funds, section: paragraph.effectiveSection, fiscalList: fiscalList) {
            return scoped(key, of: statement, paragraph: paragraph, funds: funds, fiscalList: fiscalList)
        }
        guard isGeneric(statement.subject) else { return nil }
        // In final accounts the tables hold the outturn, not the initial budget a 预算 subject names.
        // (The fallbacks below read budget wording — 年初预算数, 预算安排; none of them fits a 决算.)
        if facts.isFinalAccounts { return nil }
        let first = firstStatement[statement.paragraphIndex] ?? statement.index
        let earlier = statements[first..<statement.index]
        if statement.subject.contains("预算数") || statement.subject.isEmpty {
            // "（二）支出预算：2023 年年初预算数 190.98 万元" — the paragraph's heading words say what.
            let head = String(paragraph.text.prefix(16))
            if head.contains("收入") { return .totalIncome }
            if head.contains("支出") { return .totalExpenditure }
        }
        for candidate in earlier where candidate.role == .value {
            if let key = resolver.key(for: candidate.subject, paragraph: funds, section: paragraph.effectiveSection, fiscalList: fiscalList) {
                return key
            }
        }
        return nil
    }

    /// A 基本支出 or 项目支出 that names no fund is a part of the whole its sentence states before it
    /// ("支出预算61764.88万元，其中基本支出…；项目支出…"): of all spending, of the general budget's, or of
    /// appropriations' — which no table row gives apart, so nil. Without such a whole the paragraph's
    /// fund words decide, as `key` did.
    private func scoped(_ key: QuantityKey, of statement: NarrativeStatement, paragraph: NarrativeParagraph, funds: ParagraphFunds,
                        fiscalList: Bool) -> QuantityKey? {
        guard case let .spending(measure, _) = key, measure == .basic || measure == .project,
              !["一般公共预算", "财政拨款", "政府性基金", "国有资本"].contains(where: statement.subject.contains) else { return key }
        let first = firstStatement[statement.paragraphIndex] ?? statement.index
        let scalars = Array(paragraph.text.unicodeScalars)
        // The parts of one whole may be listed across "；" but not across "。" — unless the next sentence
        // opens with 其中, which refers to the whole of the sentence before.
        func sameSentence(_ candidate: NarrativeStatement) -> Bool {
            let start = min(candidate.mention.range.upperBound, scalars.count)
            let between = scalars[start..<min(max(statement.mention.range.lowerBound, start), scalars.count)]
            let stops = between.indices.filter { between[$0] == "。" }
            guard let stop = stops.first else { return true }
            return stops.count == 1 && String(String.UnicodeScalarView(between[(stop + 1)...])).trimmingCharacters(in: .whitespaces).hasPrefix("其中")
        }
        for candidate in statements[first..<statement.index].reversed() where candidate.role == .value {
            guard sameSentence(candidate) else { break }
            switch resolver.key(for: candidate.subject, paragraph: funds, section: paragraph.effectiveSection, fiscalList: fiscalList) {
            case .totalExpenditure, .yearExpenditure: return .spending(measure, generalBudget: false)
            case .expenditure(.generalBudget): return .spending(measure, generalBudget: true)
            case .fiscalExpenditure, .fiscalYearExpenditure: return nil
            case .spending, nil: continue
            default: return key
            }
        }
        return key
    }

    /// For each paragraph, whether a paragraph before it in its section — after its last heading —
    /// says "财政拨款支出主要内容如下：" (one pass).
    private static func fiscalListMembership(_ narrative: [NarrativeParagraph]) -> [Bool] {
        var result: [Bool] = []
        result.reserveCapacity(narrative.count)
        var listOpen = false
        for (index, paragraph) in narrative.enumerated() {
            if index > 0, narrative[index - 1].isHeading || narrative[index - 1].section != paragraph.section { listOpen = false }
            result.append(listOpen)
            if !paragraph.isHeading, paragraph.text.contains("财政拨款支出主要内容") { listOpen = true }
        }
        return result
    }

    /// Subjects that name no quantity themselves (预算安排, 年初预算数).
    func isGeneric(_ subject: String) -> Bool {
        let text = ChineseText.comparisonKey(subject)
        return text.isEmpty || ["预算安排", "预算数", "年初预算数", "安排", "预算", "预算安排资金", "安排预算"].contains(text)
    }

    /// Formats an amount in a unit with two decimals (万元) or none (元) for messages.
    func text(_ amount: Amount, _ unit: MoneyUnit) -> String {
        amount.formatted(in: unit, decimals: unit == .yuan ? 2 : 2) + unit.chineseName
    }
}
