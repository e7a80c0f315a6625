import GongkaiCore

/// Paragraphs both regions write the same way, from the same data.
struct SharedParagraphs {
    let budget: Budget
    let levelWord: String
    let wording: Wording

    private var priorYear: Int { budget.year - 1 }

    /// The 政府采购 paragraph.
    func procurement() -> String {
        let plan = budget.procurement
        var text = "\(budget.year)年本\(levelWord)政府采购预算总额\(wording.wan(plan.total))，其中：政府采购货物预算\(wording.wan(plan.goods))、"
            + "政府采购工程预算\(wording.wan(plan.works))、政府采购服务预算\(wording.wan(plan.services))。"
        if let reserved = plan.reservedForSmallBusiness {
            text += "面向中小企业预留政府采购项目预算\(wording.wan(reserved))"
            if let micro = plan.reservedForMicroBusiness { text += "，其中预留给小型和微型企业\(wording.wan(micro))" }
            text += "。"
        }
        return text
    }

    /// The 国有资产占有使用情况 paragraph.
    func stateAssets() -> String {
        let assets = budget.stateAssets
        let held = assets.vehicles.reduce(0) { $0 + $1.count }
        var text = "截至\(assets.asOf ?? "\(priorYear)年12月31日")，本\(levelWord)共有车辆\(held)辆"
        if !assets.vehicles.isEmpty { text += "，其中" + assets.vehicles.map { "\($0.category)\($0.count)辆" }.joined(separator: "、") }
        text += "；单价100万元（含）以上设备（不含车辆）\(assets.largeEquipment)台（套）。"
        let toBuy = assets.vehiclesToBuy.reduce(0) { $0 + $1.count }
        text += "\(budget.year)年预算安排购置车辆\(toBuy)辆"
        if !assets.vehiclesToBuy.isEmpty { text += "，其中" + assets.vehiclesToBuy.map { "\($0.category)\($0.count)辆" }.joined(separator: "、") }
        text += "；安排购置单价100万元（含）以上设备（不含车辆）\(assets.largeEquipmentToBuy)台（套）。"
        return text
    }

    /// The 机关运行经费 paragraph.
    func operatingCosts() -> String {
        guard let costs = budget.operatingCosts else {
            let category = budget.unit.category.map { "为\($0)，" } ?? ""
            return "本\(levelWord)\(category)\(budget.year)年无机关运行经费预算。"
        }
        var text = "\(budget.year)年本\(levelWord)一般公共预算财政拨款机关运行经费\(wording.wan(costs.amount))"
        if let prior = costs.priorYear {
            text += "，" + wording.compared(with: prior, to: costs.amount, year: priorYear) + wording.reason(costs.reason)
        }
        text += "。"
        if let purpose = costs.purpose { text += "主要用于\(purpose.trimmingTrailingPunctuation)。" }
        return text
    }

    /// The 绩效目标设置情况 paragraph.
    func performance() -> String {
        let own = budget.projects.filter { $0.budgetedElsewhere == nil }
        if own.isEmpty {
            if !budget.projects.isEmpty, let parent = budget.unit.parentDepartment {
                return "\(budget.year)年项目支出未预算在本\(levelWord)，由\(parent)本级统一预算并设置绩效目标。"
            }
            return "\(budget.year)年本\(levelWord)无项目支出，未设置项目绩效目标。"
        }
        let amount = Amount.sum(own.map { budget.budget(of: $0) })
        return "\(budget.year)年本\(levelWord)编报绩效目标的项目共\(own.count)个，涉及项目预算资金\(wording.wan(amount))。"
    }

    /// The “三公” paragraphs: the total, then each item with its change and reason, the vehicle costs
    /// split into purchase and operation in a sentence of their own.
    func threePublicCosts() -> [String] {
        let costs = budget.threePublicCosts
        var total = "\(budget.year)年“三公”经费预算\(wording.wan(costs.total))"
        if let prior = costs.priorTotal { total += "，" + wording.compared(with: prior, to: costs.total, year: priorYear) }
        total += wording.reason(costs.reason) + "。"
        func item(_ name: String, _ cost: CostItem) -> String {
            var text = "\(name)\(wording.wan(cost.amount))"
            if let prior = cost.priorYear { text += "，" + wording.compared(with: prior, to: cost.amount, year: priorYear) }
            return text + wording.reason(cost.reason)
        }
        var vehicles = "（二）公务用车购置及运行费\(wording.wan(costs.vehicleTotal))"
        if let purchase = costs.vehiclePurchase.priorYear, let operation = costs.vehicleOperation.priorYear {
            vehicles += "，" + wording.compared(with: purchase + operation, to: costs.vehicleTotal, year: priorYear)
        }
        vehicles += "。其中：" + item("公务用车购置费", costs.vehiclePurchase) + "；" + item("公务用车运行费", costs.vehicleOperation) + "。"
        return [total, "（一）" + item("因公出国（境）费", costs.travelAbroad) + "。", vehicles, "（三）" + item("公务接待费", costs.reception) + "。"]
    }
}
