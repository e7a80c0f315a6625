import GongkaiCore

/// Renders a budget into the complete disclosure package of a profile: every table in the profile's
/// layout and unit, with 空表说明 in empty tables, and the narrative written from the same data.
public struct DisclosureRenderer: Sendable {
    /// The layout convention.
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
        let levelWord = profile.levelWord
        let kindWord = budget.phase.chineseName
        switch profile.region {
        case .chongqing:
            let sections = ChongqingNarrative(budget: budget, profile: profile, catalog: catalog).sections()
            return RenderedDocument(
                profileID: profile.id, unitName: budget.unit.name, year: budget.year, kind: budget.phase, level: profile.level,
                title: "\(budget.unit.name)\(budget.year)年\(levelWord)\(kindWord)", coverLines: coverLines(budget),
                narrativeTitle: "\(budget.unit.name)\(budget.year)年\(levelWord)\(kindWord)情况说明", sections: sections,
                tablesHeading: "\(budget.year)年\(levelWord)\(kindWord)公开表", tables: numbered(chongqingTables(context)))
        case .shanghai where profile.kind == .finalAccounts:
            let narrative = FinalAccountsNarrative(budget: budget, profile: profile, catalog: catalog).sections()
            let region = budget.unit.region ?? "上海市"
            return RenderedDocument(
                profileID: profile.id, unitName: budget.unit.name, year: budget.year, kind: budget.phase, level: profile.level,
                title: "\(budget.unit.name)\(budget.year)年度\(levelWord)决算", coverLines: coverLines(budget) + [region],
                narrativeTitle: "第一部分 \(budget.unit.name)概况", sections: narrative.sections,
                tablesHeading: "第二部分 \(budget.unit.name)\(budget.year)年度\(levelWord)决算表",
                tables: FinalAccountsTables(context: context).tables(), sectionsAfterTables: narrative.beforeTables)
        case .shanghai:
            let narrative = ShanghaiNarrative(budget: budget, profile: profile, catalog: catalog).sections()
            let region = budget.unit.region ?? "上海市"
            return RenderedDocument(
                profileID: profile.id, unitName: budget.unit.name, year: budget.year, kind: budget.phase, level: profile.level,
                title: "\(region)\(budget.year)年区级\(levelWord)\(kindWord)", coverLines: coverLines(budget),
                narrativeTitle: "\(budget.unit.name)\(budget.year)年\(levelWord)\(kindWord)", sections: narrative.sections,
                tablesHeading: "五、\(levelWord)\(kindWord)表", tables: shanghaiTables(context),
                sectionsAfterTables: narrative.beforeTables)
        }
    }

    private func coverLines(_ budget: Budget) -> [String] {
        ["\(profile.level == .unit ? "预算单位" : "预算主管部门")：\(budget.unit.name)"] + (budget.unit.parentDepartment.map { ["主管部门：\($0)"] } ?? [])
    }

    private func chongqingTables(_ context: TableContext) -> [RenderedTable] {
        let summaries = SummaryTables(context: context)
        let functional = FunctionExpenditureTables(context: context)
        var tables = [summaries.fiscalSummary(), functional.generalBudget(), BasicExpenditureTable(context: context).table(),
                      ThreePublicCostsTable(context: context).table(), functional.governmentFunds()]
        if !context.budget.lines(paidBy: .stateCapital).isEmpty { tables.append(functional.stateCapital()) }
        tables += [summaries.incomeExpenditureSummary(), summaries.incomeSummary(), functional.expenditureSummary()]
        return tables + PerformanceGoalTables(context: context).tables()
    }

    private func shanghaiTables(_ context: TableContext) -> [RenderedTable] {
        let summaries = SummaryTables(context: context)
        let functional = FunctionExpenditureTables(context: context)
        return [summaries.incomeExpenditureSummary(), summaries.incomeSummary(), functional.expenditureSummary(), summaries.fiscalSummary(),
                functional.generalBudget(), functional.governmentFunds(), functional.stateCapital(), BasicExpenditureTable(context: context).table(),
                ThreePublicCostsTable(context: context).table()]
    }

    /// Chongqing prints 表一, 表二 … before each title.
    private func numbered(_ tables: [RenderedTable]) -> [RenderedTable] {
        tables.enumerated().map { index, table in
            var table = table
            table.number = "表\(ChineseNumerals.text(index + 1))"
            return table
        }
    }
}
