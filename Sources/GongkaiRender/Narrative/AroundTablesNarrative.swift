import GongkaiCore

/// A budget's narrative around its tables: 主要职能, 机构设置, 名词解释 and 预算编制说明 before them,
/// 其他相关情况说明 after them.
struct AroundTablesNarrative: NarrativeWriter {
    let budget: Budget
    let profile: RenderProfile
    let catalog: Catalog

    /// The sections, and how many of them come before the tables.
    func sections() -> (sections: [RenderedSection], beforeTables: Int) {
        var before = [
            RenderedSection(heading: "一、主要职能", paragraphs: [RenderedParagraph("\(budget.unit.name)的主要职能是：")]
                + budget.unit.duties.enumerated().map { RenderedParagraph("\($0.offset + 1). \($0.element.trimmingTrailingPunctuation)。") }),
            RenderedSection(heading: "二、机构设置", paragraphs: budget.unit.organisation.map { RenderedParagraph($0) }),
            RenderedSection(heading: "三、名词解释", paragraphs: glossaryParagraphs),
        ]
        before.append(preparation())
        var after = [
            RenderedSection(heading: "（一）“三公”经费预算情况说明", paragraphs: shared.threePublicCosts().map { RenderedParagraph($0) }),
            RenderedSection(heading: "（二）机关运行经费预算", paragraphs: [RenderedParagraph(shared.operatingCosts())]),
            RenderedSection(heading: "（三）政府采购预算情况", paragraphs: [RenderedParagraph(shared.procurement())]),
            RenderedSection(heading: "（四）绩效目标设置情况", paragraphs: [RenderedParagraph(shared.performance())]),
            RenderedSection(heading: "（五）国有资产占有使用情况", paragraphs: [RenderedParagraph(shared.stateAssets())]),
        ]
        if profile.level == .department { after.append(projectFunds()) }
        after.insert(RenderedSection(heading: "六、其他相关情况说明", paragraphs: []), at: 0)
        return (before + after, before.count)
    }

    private func preparation() -> RenderedSection {
        let comparison = budget.comparison
        let fiscal = budget.fiscalIncome
        var income = "\(year)年，\(budget.unit.name)收入预算\(wording.wan(budget.totalIncome))，其中：财政拨款收入\(wording.wan(fiscal))"
        if let prior = comparison.fiscalAppropriation { income += "，" + wording.compared(with: prior, to: fiscal, year: priorYear, suffix: "预算") }
        for (name, source) in [("事业收入", IncomeSource.institutionRevenue), ("事业单位经营收入", .operatingRevenue), ("其他收入", .otherIncome)] {
            income += "；\(name)\(wording.wan(budget.income(from: source)))"
        }
        for source: IncomeSource in [.specialAccountFunds, .superiorGrants, .subordinateRemittances, .carryoverIn] where !budget.income(from: source).isZero {
            income += "；\(source.chineseName)\(wording.wan(budget.income(from: source)))"
        }
        income += "。"
        let fiscalLines = budget.fiscalLines
        let fiscalSpending = LineSums.of(fiscalLines).total
        var spending = "支出预算\(wording.wan(budget.expenditureSums.total))，其中：财政拨款支出预算\(wording.wan(fiscalSpending))"
        if let prior = comparison.fiscalAppropriation { spending += "，" + wording.compared(with: prior, to: fiscalSpending, year: priorYear, suffix: "预算") }
        spending += "。财政拨款支出预算中，"
        let funds: [(String, IncomeSource, Amount?)] = [("一般公共预算拨款支出预算", .generalBudget, comparison.generalBudget),
                                                       ("政府性基金拨款支出预算", .governmentFunds, comparison.governmentFunds),
                                                       ("国有资本经营预算拨款支出预算", .stateCapital, comparison.stateCapital)]
        spending += funds.map { name, fund, prior in
            let amount = LineSums.of(budget.lines(paidBy: fund)).total
            return "\(name)\(wording.wan(amount))" + (prior.map { "，" + wording.compared(with: $0, to: amount, year: priorYear, suffix: "预算") } ?? "")
        }.joined(separator: "；") + "。"
        var paragraphs = [RenderedParagraph(income), RenderedParagraph(spending)]
        if let reason = comparison.fiscalReason, let prior = comparison.fiscalAppropriation {
            let direction = fiscalSpending > prior ? "增加" : (fiscalSpending < prior ? "减少" : "持平")
            paragraphs.append(RenderedParagraph("财政拨款收入支出\(direction)的主要原因是\(reason.trimmingTrailingPunctuation)。"))
        }
        paragraphs.append(RenderedParagraph("财政拨款支出主要内容如下："))
        let items = ExpenditureBreakdown.byFunction(fiscalLines).rows.filter { $0.level == .item }
        for (index, row) in items.enumerated() {
            paragraphs.append(RenderedParagraph(itemSentence(number: index + 1, row: row)))
        }
        return RenderedSection(heading: "四、\(levelWord)预算编制说明", paragraphs: paragraphs)
    }

    /// `1. “社会保障和就业支出（类）社会福利（款）老年福利（项）”220.00万元，主要用于…。`
    private func itemSentence(number: Int, row: ExpenditureBreakdown.Row) -> String {
        let code = row.code
        let subject = [String(code.prefix(3)) + "（类）", String(code.prefix(5)) + "（款）", code + "（项）"].map { part -> String in
            let digits = String(part.prefix { $0.isNumber })
            return name(of: digits) + String(part.drop { $0.isNumber })
        }.joined()
        let amount = row.sums.total
        var text = "\(number). “\(subject)”\(wording.wan(amount))"
        text += wording.reason(budget.comparison.purposeByFunction[code], lead: "，主要用于") + "。"
        if let prior = budget.comparison.byFunction[code] {
            text += "\(priorYear)年当年预算执行数为\(wording.wan(prior))，\(year)年预算安排\(wording.wan(amount))"
            if let percent = wording.percentChange(from: prior, to: amount) {
                text += percent == "持平" ? "，与\(priorYear)年预算执行数持平" : "，比\(priorYear)年预算执行数\(percent)"
            }
            text += "。"
            let reason = wording.reason(budget.comparison.reasonByFunction[code], lead: "主要原因是：")
            if !reason.isEmpty { text += reason + "。" }
        }
        return text
    }

    private func projectFunds() -> RenderedSection {
        let own = budget.projects.filter { $0.budgetedElsewhere == nil }
        let paragraphs = own.enumerated().map { index, project in
            RenderedParagraph("\(index + 1). \(project.name)\(wording.wan(budget.budget(of: project)))"
                + wording.reason(project.overview, lead: "，") + "。")
        }
        return RenderedSection(heading: "（六）项目经费情况说明",
                               paragraphs: paragraphs.isEmpty ? [RenderedParagraph("\(year)年本\(levelWord)无项目经费。")] : paragraphs)
    }
}
