import GongkaiCore

/// Section 七 of a 决算's 情况说明, as the template (D06) writes it: the outturn against the budget
/// for the total and each item, the change from last year for each item with its reason, each item's
/// share, then what each paid for — 团组 and 人次 abroad, vehicles bought and held, receptions by
/// 批次 and 人次 with the foreign guests among them.
struct ThreePublicCostsOutturn {
    let budget: Budget
    let wording: Wording

    private var costs: ThreePublicCosts { budget.threePublicCosts }
    private var unit: String { budget.unit.name }
    private var year: Int { budget.year }
    private var priorYear: Int { budget.year - 1 }
    private static let heading = "七、财政拨款“三公”经费支出决算情况说明"

    /// The section.
    func section() -> RenderedSection {
        let items = [costs.travelAbroad, costs.vehiclePurchase, costs.vehicleOperation, costs.reception]
        let budgeted = items.map { $0.budgeted ?? .zero }
        guard !costs.total.isZero || !Amount.sum(budgeted).isZero else {
            return RenderedSection(heading: Self.heading, paragraphs: [RenderedParagraph("\(unit)\(year)年度无“三公”经费财政拨款支出。")])
        }
        var paragraphs = [RenderedParagraph(lead: "（一）“三公”经费财政拨款支出决算总体情况说明。", outturn(budgeted: budgeted))]
        if let change = changes() { paragraphs.append(RenderedParagraph(change)) }
        paragraphs.append(RenderedParagraph(lead: "（二）“三公”经费财政拨款支出决算具体情况说明。", shares()))
        paragraphs += [travel(), vehicles(), reception()].map { RenderedParagraph($0) }
        return RenderedSection(heading: Self.heading, paragraphs: paragraphs)
    }

    private func completion(_ actual: Amount, _ planned: Amount) -> String {
        wording.share(actual, of: planned).map { "，完成预算的\($0)" } ?? ""
    }

    /// Budget against outturn, for the total and each item, and why they differ.
    private func outturn(budgeted: [Amount]) -> String {
        let total = Amount.sum(budgeted), vehicles = budgeted[1] + budgeted[2]
        var text = "“三公”经费财政拨款支出年初预算为\(wording.wan(total))，支出决算为\(wording.wan(costs.total))\(completion(costs.total, total))，"
            + "其中：因公出国（境）费决算为\(wording.wan(costs.travelAbroad.amount))\(completion(costs.travelAbroad.amount, budgeted[0]))；"
            + "公务用车购置及运行维护费支出决算为\(wording.wan(costs.vehicleTotal))\(completion(costs.vehicleTotal, vehicles))；"
            + "公务接待费支出决算为\(wording.wan(costs.reception.amount))\(completion(costs.reception.amount, budgeted[3]))。"
        let difference = costs.total.rounded(to: .wan, decimals: 2) - total.rounded(to: .wan, decimals: 2)
        if difference.isZero {
            text += "\(year)年度“三公”经费支出决算数与预算数持平。"
        } else if let reason = costs.reason?.trimmingTrailingPunctuation, !reason.isEmpty {
            text += "\(year)年度“三公”经费支出决算数\(difference.fen < 0 ? "小于" : "大于")预算数的主要原因：\(reason)。"
        }
        return text
    }

    /// The change from last year for the total and each item, with each item's reason; nil when
    /// last year's figures are not given.
    private func changes() -> String? {
        guard let prior = costs.priorTotal, let travelPrior = costs.travelAbroad.priorYear, let purchasePrior = costs.vehiclePurchase.priorYear,
              let operationPrior = costs.vehicleOperation.priorYear, let receptionPrior = costs.reception.priorYear else { return nil }
        func changed(_ from: Amount, _ to: Amount) -> String {
            let change = wording.changeWithRate(from: from, to: to)
            return change == "持平" ? "与\(priorYear)年度持平" : change
        }
        let vehiclePrior = purchasePrior + operationPrior
        var text = "\(year)年度“三公”经费财政拨款支出决算数" + (wording.change(from: prior, to: costs.total) == "持平"
            ? "与\(priorYear)年度持平" : "比\(priorYear)年度\(wording.changeWithRate(from: prior, to: costs.total))")
        text += "，其中：因公出国（境）费支出决算\(changed(travelPrior, costs.travelAbroad.amount))；"
            + "公务用车购置及运行维护费支出决算\(changed(vehiclePrior, costs.vehicleTotal))；"
            + "公务接待费支出决算\(changed(receptionPrior, costs.reception.amount))。"
        let vehicleReasons = [costs.vehiclePurchase.reason, costs.vehicleOperation.reason].compactMap { $0?.trimmingTrailingPunctuation }.filter { !$0.isEmpty }
        for (name, from, to, reason) in [("因公出国（境）费", travelPrior, costs.travelAbroad.amount, costs.travelAbroad.reason?.trimmingTrailingPunctuation),
                                         ("公务用车购置及运行维护费", vehiclePrior, costs.vehicleTotal, vehicleReasons.isEmpty ? nil : vehicleReasons.joined(separator: "；")),
                                         ("公务接待费", receptionPrior, costs.reception.amount, costs.reception.reason?.trimmingTrailingPunctuation)] {
            guard let reason, !reason.isEmpty else { continue }
            let change = wording.change(from: from, to: to)
            text += change == "持平" ? "\(name)支出与\(priorYear)年度持平，原因是\(reason)。" : "\(name)支出\(change.prefix(2))的主要原因是\(reason)。"
        }
        return text
    }

    private func shares() -> String {
        func share(_ amount: Amount) -> String { wording.share(amount, of: costs.total) ?? "0%" }
        return "“三公”经费财政拨款支出决算中，因公出国（境）费支出决算\(wording.wan(costs.travelAbroad.amount))，占\(share(costs.travelAbroad.amount))；"
            + "公务用车购置及运行维护费支出决算\(wording.wan(costs.vehicleTotal))，占\(share(costs.vehicleTotal))；"
            + "公务接待费支出决算\(wording.wan(costs.reception.amount))，占\(share(costs.reception.amount))。具体情况如下："
    }

    private func purpose(_ item: CostItem, lead: String) -> String {
        wording.sentence(item.purpose, lead: lead)
    }

    private func travel() -> String {
        let item = costs.travelAbroad, counts = costs.counts
        var text = "1、因公出国（境）费支出\(wording.wan(item.amount))。"
        if let groups = counts?.delegations {
            text += groups == 0 ? "全年未安排因公出国（境）团组。"
                : "全年安排因公出国（境）团组\(groups)个" + (counts?.travellers.map { "、累计\($0)人次" } ?? "") + "。"
        }
        return text + purpose(item, lead: "开支内容包括：")
    }

    private func vehicles() -> String {
        let counts = costs.counts
        var text = "2、公务用车购置及运行维护费支出\(wording.wan(costs.vehicleTotal))。其中：公务用车购置支出为\(wording.wan(costs.vehiclePurchase.amount))。"
        text += purpose(costs.vehiclePurchase, lead: "主要用于")
        if let bought = counts?.vehiclesBought { text += bought == 0 ? "本年未购置公务用车。" : "购置公务用车\(bought)辆。" }
        text += "公务用车运行维护支出\(wording.wan(costs.vehicleOperation.amount))。" + purpose(costs.vehicleOperation, lead: "主要用于")
        if let held = counts?.vehiclesHeld { text += "\(year)年，\(unit)所属各预算单位开支财政拨款的公务用车保有量为\(held)辆。" }
        return text
    }

    private func reception() -> String {
        let counts = costs.counts
        var text = "3、公务接待费支出\(wording.wan(costs.reception.amount))。其中：国内公务接待支出\(wording.wan(costs.reception.amount))"
        if let foreign = costs.foreignReception { text += "（含外宾接待支出\(wording.wan(foreign))）" }
        text += "。" + purpose(costs.reception, lead: "主要用于")
        if let batches = counts?.receptionBatches {
            text += "全年国内公务接待\(batches)批次" + (counts?.receptionGuests.map { "、\($0)人次" } ?? "")
            if let foreign = counts?.foreignBatches { text += "，其中：接待外宾\(foreign)批次" + (counts?.foreignGuests.map { "、\($0)人次" } ?? "") }
            text += "。"
        }
        return text
    }
}
