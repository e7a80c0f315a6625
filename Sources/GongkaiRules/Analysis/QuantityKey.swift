import GongkaiCore

/// A quantity a narrative sentence can state and a table can show.
enum QuantityKey: Hashable, Sendable {
    /// 收入总计 / 支出总计: the summary's grand totals, carry-overs included.
    case totalIncome
    case totalExpenditure
    /// 本年收入合计 / 本年支出合计: the year's own income and spending.
    case yearIncome
    case yearExpenditure
    /// 财政拨款收入支出总计: the fiscal summary's grand totals, carry-overs included.
    case fiscalIncome
    case fiscalExpenditure
    /// 财政拨款收入 / 财政拨款支出 of the year: the fiscal summary's 本年收入合计 / 本年支出合计 when printed.
    case fiscalYearIncome
    case fiscalYearExpenditure
    /// Income from one source (一般公共预算拨款, 事业收入 ...).
    case income(Measure)
    /// This year's income from one source (一般公共预算当年拨款): not what was carried over of it.
    case currentIncome(Measure)
    /// Expenditure from one fund (一般公共预算拨款支出 ...).
    case expenditure(Measure)
    /// 基本支出 / 项目支出 / 人员经费 / 公用经费 — of general-budget money when `generalBudget`.
    case spending(Measure, generalBudget: Bool)
    /// A “三公” item or 机关运行经费.
    case threePublic(Measure)
    /// The total of a functional code; `fiscal` when the sentence is about 财政拨款 or 一般公共预算 money.
    case function(code: String, fiscal: Bool)

    /// The Chinese name for messages.
    var chineseName: String {
        switch self {
        case .totalIncome: "收入总计"
        case .totalExpenditure: "支出总计"
        case .yearIncome: "本年收入合计"
        case .yearExpenditure: "本年支出合计"
        case .fiscalIncome: "财政拨款收入总计"
        case .fiscalExpenditure: "财政拨款支出总计"
        case .fiscalYearIncome: "财政拨款收入"
        case .fiscalYearExpenditure: "财政拨款支出"
        case let .income(measure): measure.chineseName + "收入"
        case let .currentIncome(measure): "当年" + measure.chineseName + "收入"
        case let .expenditure(measure): measure.chineseName + "支出"
        case let .spending(measure, generalBudget): (generalBudget ? "一般公共预算" : "") + measure.chineseName
        case let .threePublic(measure): measure == .total ? "“三公”经费" : measure.chineseName
        case let .function(code, _): "科目 \(code)"
        }
    }
}

/// Reads what a statement's subject is about.
struct SubjectResolver: Sendable {
    let facts: TableFacts

    /// The quantity `subject` names in a paragraph that mentions the funds `paragraph`, or nil.
    /// `fiscalList` is true inside a "财政拨款支出主要内容如下" list, whose items are about appropriations.
    func key(for subject: String, paragraph: ParagraphFunds, section: NarrativeSectionKind?, fiscalList: Bool = false) -> QuantityKey? {
        var text = ChineseText.comparisonKey(subject)
        // In final accounts the tables hold the outturn: a figure of the initial budget (年初预算) is not in them.
        if facts.isFinalAccounts, text.contains("年初预算") || text.contains("预算数")
            || ["支出预算", "经费预算", "收入预算"].contains(where: { text.hasSuffix($0) }) { return nil }
        // 涉及一般公共预算支出 1639.34万元: a part of the spending, named by what it involves.
        if text.hasPrefix("涉及") { return nil }
        // 使用非财政拨款结余: money that is not appropriations, which no looked-up quantity is.
        if text.contains("非财政拨款") { return nil }
        // 上年结转结余的一般公共预算收入: money carried over by fund, which no looked-up quantity is.
        if ["上年结转", "年初结转", "结转结余的"].contains(where: text.contains) { return nil }
        // 一般公共预算拨款安排的会议费预算支出: what the money pays for is the subject.
        if let range = text.range(of: "安排的", options: .backwards) {
            // 2120899-其他国有土地使用权出让收入安排的支出: the money named before 安排的 is a 科目, and
            // the bare 支出 after it is not the unit's whole spending.
            if ["支出", "资金", "经费"].contains(String(text[range.upperBound...])) { return nil }
            text = String(text[range.upperBound...])
        } else if let range = text.range(of: "安排", options: .backwards), text[range.upperBound...].count >= 2, text.hasSuffix("费") {
            // 一般公共预算安排委托业务费: the expense item named after 安排 is the subject.
            text = String(text[range.upperBound...])
        }
        // 基本支出预算, 项目支出决算数: the phase word after the quantity does not change it.
        for suffix in ["预算数", "决算数", "预算", "决算"] where text.hasSuffix(suffix) {
            let stem = text.dropLast(suffix.count)
            if stem.count >= 4, ["支出", "收入", "经费", "拨款"].contains(where: { stem.hasSuffix($0) }) { text = String(stem) }
            break
        }
        // 相应安排支出预算: the whole spending the income pays for.
        for lead in ["相应安排", "共安排", "安排"] where text.hasPrefix(lead) && text.dropFirst(lead.count) == "支出" { text = "支出" }
        guard !text.isEmpty else { return nil }
        let fiscalContext = fiscalList || paragraph.fiscal
        if let code = explicitCode(text) ?? pathCode(text) { return .function(code: code, fiscal: fiscalContext) }
        if text.contains("采购") || text.contains("资产") || text.contains("车辆") && !text.contains("购置费") { return nil }
        // 支付因公出国（境）工作的国内服务费: an expense of the trips, named after them, is not their item.
        if let word = ["因公出国", "公务接待", "公务用车", "三公"].first(where: text.contains), let range = text.range(of: word),
           text[range.upperBound...].contains("的"), text.hasSuffix("费") { return nil }
        if text.contains("三公") { return .threePublic(.total) }
        if text.contains("因公出国") { return .threePublic(.travelAbroad) }
        if text.contains("购置及运行") { return .threePublic(.vehicleTotal) }
        if text.contains("车购置") || text.contains("车辆购置") { return .threePublic(.vehiclePurchase) }
        if text.contains("车运行") || text.contains("用车运行") { return .threePublic(.vehicleOperation) }
        if text.contains("公务接待") { return .threePublic(.reception) }
        if text.contains("运行经费") { return .threePublic(.operatingCosts) }
        let generalBudget = fiscalContext && (section == .generalBudgetExplanation || paragraph.generalBudget)
        if text.hasSuffix("人员经费") { return .spending(.personnel, generalBudget: true) }
        if text.hasSuffix("公用经费") { return .spending(.publicCosts, generalBudget: true) }
        // 基本支出, or 一般公共预算财政拨款基本支出: the spending kind names the quantity, the fund only narrows it.
        let namesGeneralBudget = generalBudget || text.hasPrefix("一般公共预算")
        if text.hasPrefix("基本支出") || text.hasSuffix("基本支出") { return .spending(.basic, generalBudget: namesGeneralBudget) }
        if text.hasPrefix("项目支出") || text.hasSuffix("项目支出") { return .spending(.project, generalBudget: namesGeneralBudget) }
        let isIncome = text.contains("收入") || (text.contains("拨款") && !text.contains("支出"))
        for (word, measure) in [("一般公共预算", Measure.generalBudget), ("政府性基金", .governmentFunds), ("国有资本经营", .stateCapital)] where text.contains(word) {
            guard isIncome else { return .expenditure(measure) }
            return text.contains("当年") || text.contains("本年") ? .currentIncome(measure) : .income(measure)
        }
        if let fiscal = text.range(of: "财政拨款") {
            // 委托业务费财政拨款预算总额: an expense item paid from appropriations, not the appropriations.
            if text[..<fiscal.lowerBound].hasSuffix("费") { return nil }
            // 财政拨款收支总预算, 财政拨款收入总计: the whole, carry-over included.
            if text.contains("总计") || text.contains("总预算") { return isIncome || text.contains("收支") ? .fiscalIncome : .fiscalExpenditure }
            return isIncome ? .fiscalYearIncome : .fiscalYearExpenditure
        }
        for (word, measure) in [("事业单位经营收入", Measure.operatingRevenue), ("经营收入", .operatingRevenue), ("事业收入", .institutionRevenue),
                                ("其他收入", .otherIncome), ("上级补助收入", .superiorGrants), ("附属单位上缴", .subordinateRemittances)]
            where text.contains(word) {
            return .income(measure)
        }
        if text.hasSuffix("本年收入合计") || text == "本年收入" { return .yearIncome }
        if text.hasSuffix("本年支出合计") || text == "本年支出" { return .yearExpenditure }
        if text.hasPrefix("收入预算") || text == "收入" || text.hasSuffix("收入总计") || text.hasSuffix("收入合计") { return .totalIncome }
        if text.hasPrefix("支出预算") || text == "支出" || text.hasSuffix("支出总计") || text.hasSuffix("支出合计") { return .totalExpenditure }
        if let code = classCode(text) { return .function(code: code, fiscal: fiscalContext) }
        return nil
    }

    /// `公共安全支出(204类)司法(06款)行政运行(01项)` → 2040601.
    private func explicitCode(_ text: String) -> String? {
        var code = ""
        for level in ["类", "款", "项"] {
            guard let range = text.range(of: level + ")") else { break }
            let before = text[..<range.lowerBound]
            guard let open = before.lastIndex(of: "(") else { break }
            let digits = before[before.index(after: open)...]
            guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { break }
            code += digits
        }
        return [3, 5, 7].contains(code.count) && ClassificationCode(digits: code) != nil ? code : nil
    }

    /// `社会保障和就业支出(类)行政事业单位养老支出(款)事业单位离退休(项)` → 2080502, via the tables then the catalog.
    private func pathCode(_ text: String) -> String? {
        guard text.contains("(类)") else { return nil }
        var names: [String] = []
        var rest = Substring(text)
        for level in ["(类)", "(款)", "(项)"] {
            guard let range = rest.range(of: level) else { break }
            names.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        guard let className = names.first, var code = classCode(className) else { return nil }
        for name in names.dropFirst() {
            let key = ChineseText.comparisonKey(name)
            let fromTables = facts.codesByName[key]?.filter { $0.count == code.count + 2 && $0.hasPrefix(code) }.min()
            guard let next = fromTables ?? facts.catalog.codes(named: name, under: code).first else { return nil }
            code = next
        }
        return code
    }

    /// A class name (`一般公共服务支出`, `一般公共服务支出预算`) → its code.
    private func classCode(_ text: String) -> String? {
        var name = text
        for suffix in ["预算数", "预算", "决算数", "决算"] where name.hasSuffix(suffix) && name.count > suffix.count + 2 {
            name.removeLast(suffix.count)
        }
        return facts.classCode(named: name)
    }
}
