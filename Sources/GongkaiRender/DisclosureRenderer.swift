import GongkaiCore

/// Renders a budget into the complete disclosure package of a profile: every table its layout lists,
/// in the layout's order, unit and titles, with 空表说明 in empty tables, and the narrative of the
/// layout's shape written from the same data.
public struct DisclosureRenderer: Sendable {
    /// The profile and its layout.
    public let profile: RenderProfile
    /// Where code names come from when the budget does not name a code itself.
    public let catalog: Catalog

    /// Creates a renderer.
    public init(profile: RenderProfile, catalog: Catalog) {
        self.profile = profile
        self.catalog = catalog
    }

    /// The package for `budget`.
    public func render(_ budget: Budget) -> RenderedDocument {
        let context = TableContext(budget: budget, profile: profile, catalog: catalog)
        let layout = profile.layout
        let narrative = narrative(budget)
        let drawn = layout.tables.flatMap { self.tables(for: $0, context: context) }
        let tables = layout.numbersTables ? numbered(drawn) : drawn
        var coverLines = ["\(profile.level == .unit ? "预算单位" : "预算主管部门")：\(budget.unit.name)"]
            + (budget.unit.parentDepartment.map { ["主管部门：\($0)"] } ?? [])
        if layout.coverNamesRegion, let region = budget.unit.region ?? layout.defaultRegion { coverLines.append(region) }
        return RenderedDocument(
            profileID: profile.id, unitName: budget.unit.name, year: budget.year, kind: budget.phase, level: profile.level,
            title: context.fill(layout.documentTitle), coverLines: coverLines, narrativeTitle: context.fill(layout.narrativeTitle),
            sections: narrative.sections, tablesHeading: context.fill(layout.tablesHeading), tables: tables,
            sectionsAfterTables: narrative.beforeTables, print: layout.print, contentsStyle: layout.contents ?? RenderLayout.ContentsStyle())
    }

    /// The narrative's sections, and how many of them come before the tables (nil: all of them).
    private func narrative(_ budget: Budget) -> (sections: [RenderedSection], beforeTables: Int?) {
        switch profile.layout.narrative {
        case .numberedSections: (NumberedSectionsNarrative(budget: budget, profile: profile, catalog: catalog).sections(), nil)
        case .aroundTables: AroundTablesNarrative(budget: budget, profile: profile, catalog: catalog).sections()
        case .finalAccounts: FinalAccountsNarrative(budget: budget, profile: profile, catalog: catalog).sections()
        }
    }

    /// The tables `entry` stands for: one, none (an empty table the layout leaves out) or, for the
    /// project goals, one per project.
    private func tables(for entry: RenderLayout.Table, context: TableContext) -> [RenderedTable] {
        if entry.omitWhenEmpty == true, let fund = Self.fund(of: entry.kind), context.budget.lines(paidBy: fund).isEmpty { return [] }
        if entry.form == .finalAccounts { return FinalAccountsTables(context: context).table(entry).map { [$0] } ?? [] }
        let summaries = SummaryTables(context: context)
        let functional = FunctionExpenditureTables(context: context)
        switch entry.kind {
        case .fiscalSummary: return [summaries.fiscalSummary(entry)]
        case .incomeExpenditureSummary: return [summaries.incomeExpenditureSummary(entry)]
        case .incomeSummary: return [summaries.incomeSummary(entry)]
        case .expenditureSummary: return [functional.expenditureSummary(entry)]
        case .generalBudgetExpenditure: return [functional.generalBudget(entry)]
        case .governmentFundExpenditure: return [functional.governmentFunds(entry)]
        case .stateCapitalExpenditure: return [functional.stateCapital(entry)]
        case .generalBudgetBasicExpenditure: return [BasicExpenditureTable(context: context).table(entry)]
        case .threePublicCosts: return [ThreePublicCostsTable(context: context).table(entry)]
        case .projectPerformanceGoals: return PerformanceGoalTables(context: context).tables()
        }
    }

    /// The one fund a fund's expenditure table shows.
    private static func fund(of kind: TableKind) -> IncomeSource? {
        switch kind {
        case .generalBudgetExpenditure: .generalBudget
        case .governmentFundExpenditure: .governmentFunds
        case .stateCapitalExpenditure: .stateCapital
        default: nil
        }
    }

    /// 表一, 表二 … before each title.
    private func numbered(_ tables: [RenderedTable]) -> [RenderedTable] {
        tables.enumerated().map { index, table in
            var table = table
            table.number = "表\(ChineseNumerals.text(index + 1))"
            return table
        }
    }
}
