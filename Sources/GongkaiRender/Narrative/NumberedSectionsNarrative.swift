import GongkaiCore

/// A budget's 情况说明 in six numbered sections before the tables, written from the data: 基本情况,
/// 收支总体情况, 一般公共预算 and 政府性基金 explanation, “三公”, other matters, 专业性名词解释.
struct NumberedSectionsNarrative: NarrativeWriter {
    let budget: Budget
    let profile: RenderProfile
    let catalog: Catalog

    func sections() -> [RenderedSection] {
        [basicFacts(), overview(), generalBudget(), threePublicCosts(), otherMatters(), glossary()]
    }

    private func basicFacts() -> RenderedSection {
        let duties = budget.unit.duties.map { $0.trimmingTrailingPunctuation + "。" }.joined()
        var organisation = budget.unit.organisation.map { $0.trimmingTrailingPunctuation + "。" }.joined()
        if let staff = budget.unit.staffCount { organisation += "实有人员\(staff)人。" }
        return RenderedSection(heading: "一、\(levelWord)基本情况", paragraphs: [
            RenderedParagraph(lead: "（一）职能职责。", duties),
            RenderedParagraph(lead: "（二）\(levelWord)构成。", organisation),
        ])
    }

    private func overview() -> RenderedSection {
        let sources: [(String, IncomeSource)] = [
            ("一般公共预算拨款", .generalBudget), ("政府性基金预算拨款", .governmentFunds), ("国有资本经营预算拨款", .stateCapital),
            ("事业收入", .institutionRevenue), ("事业单位经营收入", .operatingRevenue), ("其他收入", .otherIncome)]
        let optional: [(String, IncomeSource)] = [("财政专户管理资金", .specialAccountFunds), ("上级补助收入", .superiorGrants),
                                                   ("附属单位上缴收入", .subordinateRemittances), ("上年结转", .carryoverIn)]
        let parts = sources.map { "\($0.0)\(wording.wan(budget.income(from: $0.1)))" }
            + optional.filter { !budget.income(from: $0.1).isZero }.map { "\($0.0)\(wording.wan(budget.income(from: $0.1)))" }
        let total = budget.totalIncome
        var income = "\(year)年年初预算数\(wording.wan(total))，其中：" + parts.joined(separator: "，") + "。"
        let comparison = budget.comparison
        if let prior = comparison.total {
            income += "收入较\(priorYear)年\(wording.wan(prior))\(wording.change(from: prior, to: total))" + wording.reason(comparison.totalReason, lead: "，主要是") + "。"
        }
        let sums = budget.expenditureSums
        let classes = ExpenditureBreakdown.byFunction(budget.expenditure).classRows
            .map { "\(name(of: $0.code))预算\(wording.wan($0.sums.total))" }
        var spending = "\(year)年年初预算数\(wording.wan(sums.total))，其中：\(classes.joined(separator: "，"))。"
        if let prior = comparison.total {
            spending += "支出预算较\(priorYear)年\(wording.change(from: prior, to: sums.total))"
            if let basic = comparison.basic, let project = comparison.project {
                // Last year's 基本/项目 are 一般公共预算 figures: compared with this year's of the same scope,
                // and named so where that scope is not the whole budget (事业收入, 政府性基金 …).
                let general = LineSums.of(budget.lines(paidBy: .generalBudget))
                let scope = general.basic == sums.basic && general.project == sums.project ? "" : "一般公共预算"
                spending += "，主要是\(scope)基本支出预算\(wording.change(from: basic, to: general.basic))，"
                    + "\(scope)项目支出预算\(wording.change(from: project, to: general.project))"
            } else {
                spending += wording.reason(comparison.totalReason, lead: "，主要是")
            }
            spending += "。"
        }
        return RenderedSection(heading: "二、\(levelWord)收支总体情况", paragraphs: [
            RenderedParagraph(lead: "（一）收入预算：", income),
            RenderedParagraph(lead: "（二）支出预算：", spending),
        ])
    }

    private func generalBudget() -> RenderedSection {
        let comparison = budget.comparison
        let sums = LineSums.of(budget.lines(paidBy: .generalBudget))
        var text = "\(year)年一般公共预算财政拨款收入\(wording.wan(budget.income(from: .generalBudget)))，一般公共预算财政拨款支出\(wording.wan(sums.total))"
        if let prior = comparison.generalBudget { text += "，" + wording.compared(with: prior, to: sums.total, year: priorYear) + wording.reason(comparison.fiscalReason) }
        text += "。其中：基本支出\(wording.wan(sums.basic))"
        if let prior = comparison.basic { text += "，" + wording.compared(with: prior, to: sums.basic, year: priorYear) + wording.reason(comparison.basicReason) }
        text += "。人员经费\(wording.wan(sums.personnel))"
        if let prior = comparison.personnel { text += "，" + wording.compared(with: prior, to: sums.personnel, year: priorYear) + wording.reason(comparison.personnelReason) }
        text += "；公用经费\(wording.wan(sums.publicCosts))"
        if let prior = comparison.publicCosts { text += "，" + wording.compared(with: prior, to: sums.publicCosts, year: priorYear) + wording.reason(comparison.publicCostsReason) }
        text += "。项目支出\(wording.wan(sums.project))"
        if let prior = comparison.project { text += "，" + wording.compared(with: prior, to: sums.project, year: priorYear) + wording.reason(comparison.projectReason) }
        text += "。"
        let funds = LineSums.of(budget.lines(paidBy: .governmentFunds))
        var fundsText: String
        if funds.total.isZero {
            fundsText = "\(year)年\(budget.unit.name)无使用政府性基金预算拨款安排的支出。"
        } else {
            fundsText = "\(year)年政府性基金预算财政拨款支出\(wording.wan(funds.total))"
            if let prior = comparison.governmentFunds { fundsText += "，" + wording.compared(with: prior, to: funds.total, year: priorYear) }
            let classes = ExpenditureBreakdown.byFunction(budget.lines(paidBy: .governmentFunds)).classRows
            fundsText += "，其中：" + classes.map { "\(name(of: $0.code))\(wording.wan($0.sums.total))" }.joined(separator: "，") + "。"
        }
        return RenderedSection(heading: "三、\(levelWord)预算情况说明", paragraphs: [RenderedParagraph(text), RenderedParagraph(fundsText)])
    }

    private func threePublicCosts() -> RenderedSection {
        RenderedSection(heading: "四、“三公”经费情况说明", paragraphs: [RenderedParagraph(shared.threePublicCosts().joined())])
    }

    private func otherMatters() -> RenderedSection {
        RenderedSection(heading: "五、其他重要事项的情况说明", paragraphs: [
            RenderedParagraph(lead: "（一）机关运行经费。", shared.operatingCosts()),
            RenderedParagraph(lead: "（二）政府采购情况。", shared.procurement()),
            RenderedParagraph(lead: "（三）绩效目标设置情况。", shared.performance()),
            RenderedParagraph(lead: "（四）国有资产占有使用情况。", shared.stateAssets()),
        ])
    }

    private func glossary() -> RenderedSection {
        var paragraphs = glossaryParagraphs
        if let contact = budget.unit.contact { paragraphs.append(RenderedParagraph(lead: "\(levelWord)预算公开联系人：", contact)) }
        return RenderedSection(heading: "六、专业性名词解释", paragraphs: paragraphs)
    }
}
