import GongkaiCore

/// The text of a department's final accounts, in the template's four parts: 概况 (主要职能,
/// 部门决算单位构成) before the tables; the eleven 情况说明 and the 名词解释 after them.
struct FinalAccountsNarrative: NarrativeWriter {
    let budget: Budget
    let profile: RenderProfile
    let catalog: Catalog

    private var unit: String { budget.unit.name }
    private var general: LineSums { LineSums.of(budget.lines(paidBy: .generalBudget)) }

    /// The sections, and how many of them come before the tables.
    func sections() -> (sections: [RenderedSection], beforeTables: Int) {
        let before = [
            RenderedSection(heading: "一、主要职能", paragraphs: [RenderedParagraph("\(unit)的主要职能是：")]
                + budget.unit.duties.enumerated().map { RenderedParagraph("\($0.offset + 1). \($0.element.trimmingTrailingPunctuation)。") }),
            RenderedSection(heading: "二、部门决算单位构成", paragraphs: [
                RenderedParagraph("从预算单位构成看，\(unit)部门决算包括：\(unit)本级决算、下属行政事业单位决算。")]
                + budget.unit.organisation.map { RenderedParagraph($0) }),
        ]
        let after = [
            RenderedSection(heading: "第三部分 \(unit)\(year)年度部门决算情况说明", paragraphs: []),
            totals(), incomeSection(), spendingSection(), fiscalSection(), generalBudgetSection(), basicSection(), threePublicCostsSection(),
            fundSection(.governmentFunds, number: "八", name: "政府性基金预算财政拨款"), fundSection(.stateCapital, number: "九", name: "国有资本经营预算财政拨款"),
            RenderedSection(heading: "十、预算绩效管理情况", paragraphs: [RenderedParagraph(performance())]),
            RenderedSection(heading: "十一、其他重要事项说明", paragraphs: [
                RenderedParagraph(lead: "（一）机关运行经费支出情况。", operatingCosts()),
                RenderedParagraph(lead: "（二）政府采购支出情况。", procurement()),
                RenderedParagraph(lead: "（三）国有资产占用情况。", shared.stateAssets()),
            ]),
            RenderedSection(heading: "第四部分 名词解释", paragraphs: glossaryParagraphs),
        ]
        return (before + after, before.count)
    }

    /// `与2023年度相比，X增加…，增长…%。主要原因：…。`
    private func comparedWithLastYear(_ what: String, prior: Amount?, current: Amount, reason: String?) -> String {
        guard let prior else { return "" }
        let change = wording.changeWithRate(from: prior, to: current)
        let text = change == "持平" ? "与\(priorYear)年度持平。" : "与\(priorYear)年度相比，\(what)\(change)。"
        return text + (change == "持平" ? "" : wording.sentence(reason, lead: "主要原因："))
    }

    private func totals() -> RenderedSection {
        let total = budget.totalIncome
        let text = "\(unit)\(year)年度收入支出总计\(wording.wan(total))。"
            + comparedWithLastYear("收入支出总计", prior: budget.comparison.total, current: total, reason: budget.comparison.totalReason)
        return RenderedSection(heading: "一、收入支出决算总体情况说明", paragraphs: [RenderedParagraph(text)])
    }

    private func incomeSection() -> RenderedSection {
        let yearIncome = budget.totalIncome - budget.income(from: .carryoverIn)
        let parts: [(String, Amount)] = [("财政拨款收入", budget.fiscalIncome), ("上级补助收入", budget.income(from: .superiorGrants)),
                                         ("事业收入", budget.income(from: .institutionRevenue)), ("经营收入", budget.income(from: .operatingRevenue)),
                                         ("附属单位上缴收入", budget.income(from: .subordinateRemittances)), ("其他收入", budget.income(from: .otherIncome))]
        let listed = parts.filter { !$0.1.isZero }.map { "\($0.0)\(wording.wan($0.1))，占\(wording.share($0.1, of: yearIncome) ?? "0%")" }
        return RenderedSection(heading: "二、收入决算情况说明", paragraphs: [
            RenderedParagraph("本年收入合计\(wording.wan(yearIncome))，其中：" + listed.joined(separator: "；") + "。")])
    }

    private func spendingSection() -> RenderedSection {
        let sums = budget.expenditureSums
        let listed = [("基本支出", sums.basic), ("项目支出", sums.project)].filter { !$0.1.isZero }
            .map { "\($0.0)\(wording.wan($0.1))，占\(wording.share($0.1, of: sums.total) ?? "0%")" }
        return RenderedSection(heading: "三、支出决算情况说明", paragraphs: [
            RenderedParagraph("本年支出合计\(wording.wan(sums.total))，其中：" + listed.joined(separator: "；") + "。")])
    }

    private func fiscalSection() -> RenderedSection {
        let funds: [IncomeSource] = [.generalBudget, .governmentFunds, .stateCapital]
        let total = budget.fiscalIncome + Amount.sum(funds.map { budget.carryover(of: $0) })
        let text = "\(unit)\(year)年度财政拨款收入支出总计\(wording.wan(total))。"
            + comparedWithLastYear("财政拨款收入支出总计", prior: budget.comparison.fiscalAppropriation, current: total, reason: budget.comparison.fiscalReason)
        return RenderedSection(heading: "四、财政拨款收入支出决算总体情况说明", paragraphs: [RenderedParagraph(text)])
    }

    private func generalBudgetSection() -> RenderedSection {
        let comparison = budget.comparison
        let spent = general.total
        let overall = "一般公共预算财政拨款支出\(wording.wan(spent))，占本年支出合计的\(wording.share(spent, of: budget.expenditureSums.total) ?? "0%")。"
            + comparedWithLastYear("一般公共预算财政拨款支出", prior: comparison.generalBudget, current: spent, reason: comparison.fiscalReason)
        let classes = ExpenditureBreakdown.byFunction(budget.lines(paidBy: .generalBudget)).classRows
        let structure = "一般公共预算财政拨款支出\(wording.wan(spent))，主要用于以下方面："
            + classes.map { "\(name(of: $0.code))（类）\(wording.wan($0.sums.total))，占\(wording.share($0.sums.total, of: spent) ?? "0%")" }.joined(separator: "；") + "。"
        var paragraphs = [RenderedParagraph(lead: "（一）一般公共预算财政拨款支出决算总体情况。", overall),
                          RenderedParagraph(lead: "（二）一般公共预算财政拨款支出决算结构情况。", structure)]
        if let budgeted = comparison.budgetedGeneralBudget {
            var detail = "一般公共预算财政拨款支出年初预算为\(wording.wan(budgeted))，支出决算为\(wording.wan(spent))"
            if let rate = wording.share(spent, of: budgeted) { detail += "，完成年初预算的\(rate)" }
            detail += "。" + outturnReason(budgeted: budgeted, actual: spent, reason: comparison.budgetReason)
            paragraphs.append(RenderedParagraph(lead: "（三）一般公共预算财政拨款支出决算具体情况。", detail + "其中："))
            let items = ExpenditureBreakdown.byFunction(budget.lines(paidBy: .generalBudget)).rows.filter { $0.level == .item }
            for (index, row) in items.enumerated() {
                paragraphs.append(RenderedParagraph(itemSentence(number: index + 1, row: row)))
            }
        }
        return RenderedSection(heading: "五、一般公共预算财政拨款支出决算情况说明", paragraphs: paragraphs)
    }

    /// `1、社会保障和就业支出（类）民政管理事务（款）行政运行（项）。主要用于：…。年初预算为…，支出决算为…。…`
    private func itemSentence(number: Int, row: ExpenditureBreakdown.Row) -> String {
        let code = row.code
        let subject = "\(name(of: String(code.prefix(3))))（类）\(name(of: String(code.prefix(5))))（款）\(name(of: code))（项）"
        var text = "\(number)、\(subject)。" + wording.sentence(budget.comparison.purposeByFunction[code], lead: "主要用于：")
        if let budgeted = budget.comparison.budgetedByFunction[code] {
            text += "年初预算为\(wording.wan(budgeted))，支出决算为\(wording.wan(row.sums.total))。"
                + outturnReason(budgeted: budgeted, actual: row.sums.total, reason: budget.comparison.budgetReasonByFunction[code])
        } else {
            text += "支出决算为\(wording.wan(row.sums.total))。"
        }
        return text
    }

    /// `决算数大于预算数的主要原因：…。` or `决算数与预算数持平。`
    private func outturnReason(budgeted: Amount, actual: Amount, reason: String?) -> String {
        let change = wording.change(from: budgeted, to: actual)
        if change == "持平" { return "决算数与预算数持平。" }
        let direction = change.hasPrefix("增加") ? "大于" : "小于"
        return wording.sentence(reason, lead: "决算数\(direction)预算数的主要原因：")
    }

    private func basicSection() -> RenderedSection {
        let lines = budget.lines(paidBy: .generalBudget)
        func names(_ kind: SpendingKind) -> String {
            ExpenditureBreakdown.byEconomic(lines.filter { $0.kind == kind }).rows.filter { $0.level == .section }
                .compactMap { EconomicCode($0.code).flatMap { budget.name(of: .economic($0), in: catalog) } }.joined(separator: "、")
        }
        let text = "一般公共预算财政拨款基本支出\(wording.wan(general.basic))。其中：人员经费\(wording.wan(general.personnel))，主要包括：\(names(.personnel))；"
            + "公用经费\(wording.wan(general.publicCosts))，主要包括：\(names(.publicCosts))。"
        return RenderedSection(heading: "六、一般公共预算财政拨款基本支出决算情况说明", paragraphs: [RenderedParagraph(text)])
    }

    private func threePublicCostsSection() -> RenderedSection {
        ThreePublicCostsOutturn(budget: budget, wording: wording).section()
    }

    private func fundSection(_ fund: IncomeSource, number: String, name what: String) -> RenderedSection {
        let spent = LineSums.of(budget.lines(paidBy: fund)).total
        let received = budget.income(from: fund)
        let heading = "\(number)、\(what)收入支出决算情况说明"
        guard !spent.isZero || !received.isZero else {
            return RenderedSection(heading: heading, paragraphs: [RenderedParagraph("\(unit)\(year)年度无\(what)收入和支出。")])
        }
        return RenderedSection(heading: heading, paragraphs: [RenderedParagraph("\(what)收入\(wording.wan(received))，支出\(wording.wan(spent))。")])
    }

    /// Section 十 as the template writes it, from the year's 预算绩效管理 facts; without them, what the
    /// projects show.
    private func performance() -> String {
        guard let facts = budget.performanceManagement else {
            let own = budget.projects.filter { $0.budgetedElsewhere == nil }
            let amount = Amount.sum(own.map { budget.budget(of: $0) })
            return "\(year)年度，本部门对\(own.count)个项目开展了绩效目标管理，涉及项目支出\(wording.wan(amount))。"
        }
        var text = "\(unit)\(year)年度预算绩效管理工作开展情况如下："
        if let rules = facts.rules, !rules.isEmpty {
            text += "本部门建立了如下预算绩效管理制度：" + rules.map { $0.hasPrefix("《") ? $0 : "《\($0)》" }.joined()
            text += facts.mechanism.map { "，建立了\($0.trimmingTrailingPunctuation)的预算绩效管理工作机制；" } ?? "；"
        } else if let mechanism = facts.mechanism {
            text += "本部门建立了\(mechanism.trimmingTrailingPunctuation)的预算绩效管理工作机制；"
        }
        var stages: [String] = []
        func stage(_ what: String, _ projects: Int?, _ amount: Amount?) -> String? {
            guard let projects else { return nil }
            return "\(what)的\(year)年度项目\(projects)个" + (amount.map { "，涉及预算金额\(wording.wan($0))" } ?? "")
        }
        stages += [stage("编报绩效目标", facts.goalProjects, facts.goalAmount), stage("绩效跟踪评价", facts.trackedProjects, facts.trackedAmount)].compactMap { $0 }
        if var evaluated = stage("绩效自评", facts.evaluatedProjects, facts.evaluatedAmount) {
            if let score = facts.averageScore { evaluated += "，平均得分\(score)分" }
            let ratings = [("优", facts.ratedExcellent), ("良", facts.ratedGood), ("合格", facts.ratedPass), ("不合格", facts.ratedFail)]
                .compactMap { name, count in count.map { "绩效评级为“\(name)”的项目\($0)个" } }
            var aside = ratings.isEmpty ? "" : "其中，" + ratings.joined(separator: "；") + "。"
            if let found = facts.problemsFound {
                aside += "绩效自评中共发现问题\(found)个" + (facts.problemsFixed.map { "，已经完成整改的\($0)个" } ?? "")
                    + (facts.problemsBeingFixed.map { "，正在整改的\($0)个" } ?? "")
            }
            if !aside.isEmpty { evaluated += "（\(aside.trimmingTrailingPunctuation)）" }
            stages.append(evaluated)
        }
        if !stages.isEmpty { text += "全过程绩效管理实施情况：" + stages.joined(separator: "；") }
        return text.trimmingTrailingPunctuation + "。"
    }

    private func operatingCosts() -> String {
        guard let costs = budget.operatingCosts else { return "本部门\(year)年度无机关运行经费支出。" }
        var text = "\(year)年度本部门机关运行经费支出\(wording.wan(costs.amount))"
        if let prior = costs.priorYear {
            let change = wording.changeWithRate(from: prior, to: costs.amount)
            text += change == "持平" ? "，与\(priorYear)年度持平" : "，比\(priorYear)年度\(change)"
        }
        return text + wording.reason(costs.reason) + "。"
    }

    /// 十一（二）as the template writes it: the year's purchases by kind, then what was reserved for
    /// small businesses and what they won, as far as the data gives it.
    private func procurement() -> String {
        let plan = budget.procurement
        var text = "\(unit)\(year)年度政府采购金额（以合同签订为准）为\(wording.wan(plan.total))，其中：货物采购金额\(wording.wan(plan.goods))、"
            + "工程采购金额\(wording.wan(plan.works))、服务采购金额\(wording.wan(plan.services))。"
        if let reserved = plan.reservedForSmallBusiness {
            text += "\(year)年度本部门面向中小企业预留政府采购项目预算金额\(wording.wan(reserved))"
            if let micro = plan.reservedForMicroBusiness { text += "，面向小微企业预留政府采购项目预算金额\(wording.wan(micro))" }
            text += "。"
        }
        let awards = [("在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额", plan.awardedInReserved),
                      ("在面向小微企业预留政府采购项目中，由小微企业供应商中标或成交的，采购金额", plan.awardedInMicroReserved),
                      ("在其他政府采购项目中，由中小企业供应商中标或成交的，采购金额", plan.awardedInOthers)]
            .compactMap { lead, amount in amount.map { lead + wording.wan($0) } }
        if !awards.isEmpty { text += awards.joined(separator: "；") + "。" }
        return text
    }
}
