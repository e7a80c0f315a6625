import GongkaiCore

/// What a table column holds.
enum ColumnRole: Hashable, Sendable {
    /// 类 part of a split code.
    case codeClass
    /// 款 part of a split code.
    case codeSection
    /// 项 part of a split code.
    case codeItem
    /// A whole code (科目编码).
    case code
    /// The row's name or label (科目名称, 项目).
    case name
    /// A classification, code and name in one cell ("2010801-行政运行", "[30101]基本工资"), under a heading that
    /// names its scheme (支出功能分类科目, 部门支出经济分类科目). A table with two or more such columns files each
    /// row under several classifications at once.
    case classified(ClassificationScheme)
    /// A unit's or department's own code (单位代码 305001, 部门代码 024): neither a classification code
    /// nor part of the name; a code that begins the next row's is that row's department.
    case identifier
    /// An amount.
    case amount(ColumnKey)
    /// A column of amounts whose header names no known meaning (政府采购项目中预留给中小企业的项目资金规模):
    /// its cells are data, never part of a row's name, and the table's header is not fully understood.
    case unlabelledAmount
    /// Something else (text).
    case other

    var isLabel: Bool {
        switch self {
        case .codeClass, .codeSection, .codeItem, .code, .name, .classified: true
        default: false
        }
    }

    /// Whether the column holds text that names the row (a name, or a classification with its name).
    var isName: Bool {
        switch self {
        case .name, .classified: true
        default: false
        }
    }

    var isCode: Bool {
        switch self {
        case .codeClass, .codeSection, .codeItem, .code: true
        default: false
        }
    }
}

/// Reads a column's meaning from its header texts, top to bottom.
enum ColumnMeaningClassifier {
    /// The role of a column whose header path is `path` (top first) in a table of `kind`.
    static func role(path: [String], kind: TableKind?) -> ColumnRole {
        let keys = path.map(ChineseText.comparisonKey).filter { !$0.isEmpty }
        guard let leaf = keys.last else { return .other }
        let role = role(keys: keys, leaf: leaf, kind: kind)
        // In the basic-expenditure table everything is 基本支出: its 合计 is the table's total.
        if kind == .generalBudgetBasicExpenditure, case .amount(ColumnKey(.basic)) = role { return .amount(ColumnKey(.total)) }
        return role
    }

    private static func role(keys: [String], leaf: String, kind: TableKind?) -> ColumnRole {
        switch leaf {
        case "类": return .codeClass
        case "款": return .codeSection
        case "项" where keys.count > 1 || kind?.usesFunctionCodes == true: return .codeItem
        default: break
        }
        // A unit's or department's code (单位代码 305001, 部门代码 024) identifies it; it is no classification code.
        if leaf.hasPrefix("单位") || leaf.hasPrefix("部门"), leaf.contains("代码") || leaf.contains("编码") { return .identifier }
        if leaf.contains("编码") || leaf.contains("代码") || leaf == "科目编号" { return .code }
        if let scheme = scheme(named: leaf) { return .classified(scheme) }
        if leaf.contains("名称") || leaf == "项目" || leaf == "科目" {
            return .name
        }
        // 其中：基本支出 names a part that has a measure of its own; 扣除基建项目后预算数 and 其中：政府采购 are
        // parts of the parent's amount with none.
        if leaf.hasPrefix("其中") {
            let part = String(leaf.dropFirst(2).drop { $0 == ":" || $0 == "：" })
            if !isGeneric(part), let measure = measure(for: part, kind: kind) { return .amount(ColumnKey(measure)) }
            return .unlabelledAmount
        }
        if leaf.hasPrefix("扣除") { return .unlabelledAmount }
        // Under 上年结转结余, the carry-over by fund (一般公共预算资金, 单位资金): parts of the carry-over,
        // not this year's income of that fund; its 小计 is the carry-over itself.
        let carryover: Set<Measure> = [.carryoverIn, .carryoverOut]
        if keys.dropLast().contains(where: { measure(for: $0, kind: kind).map(carryover.contains) == true }), !isGeneric(leaf) {
            return .unlabelledAmount
        }
        // The leaf may be generic (合计, 小计, 预算数, 决算数): then a parent says what is counted.
        if let leafMeasure = measure(for: leaf, kind: kind) {
            // 预算数 / 决算数 side by side are stages only in the 三公 table of final accounts.
            let stage = kind == .threePublicCosts ? stage(of: leaf) : .current
            if stage != .current || isGeneric(leaf) {
                for parent in keys.dropLast().reversed() {
                    // 本年收入 › 小计 is this year's income beside a 合计 with carry-overs; 本年收入 › 预算数 over a
                    // summary's side is simply its amounts.
                    let subtotal = (leaf == "小计" || leaf == "合计") && [Measure.yearIncome, .yearExpenditure].contains(measure(for: parent, kind: kind))
                    if let parentMeasure = measure(for: parent, kind: kind), refinable.contains(parentMeasure) || subtotal || (stage != .current && parentMeasure != .total) {
                        return .amount(ColumnKey(parentMeasure, stage: stage))
                    }
                }
            }
            return .amount(ColumnKey(leafMeasure, stage: kind == .threePublicCosts ? stage : .current))
        }
        return .other
    }

    /// The classification scheme a label column's heading names (支出功能分类科目, 政府支出经济分类科目,
    /// 部门预算支出经济科目, 功能科目名称), if any.
    private static func scheme(named key: String) -> ClassificationScheme? {
        guard key.hasSuffix("科目") || key.hasSuffix("科目名称") else { return nil }
        if key.contains("功能分类") || key.contains("功能科目") { return .functional }
        guard key.contains("经济分类") || key.contains("经济科目") else { return nil }
        return key.contains("政府") ? .economicGovernment : .economicDepartment
    }

    /// Parent measures that give a generic leaf (合计, 小计, 决算数) its meaning: 基本支出 › 小计 is the basic
    /// total, 人员经费 › 决算数 the personnel costs, while 一般公共预算支出 › 合计 is simply the table's total.
    private static let refinable: Set<Measure> = [.basic, .project, .personnel, .publicCosts, .carryoverIn, .carryoverOut, .travelAbroad,
                                                  .vehicleTotal, .vehiclePurchase, .vehicleOperation, .reception, .operatingCosts]

    private static func isGeneric(_ key: String) -> Bool {
        ["合计", "小计", "总计", "预算", "预算数", "决算数", "金额"].contains(key) || key.hasSuffix("预算数") || key.hasSuffix("决算数")
            || key.hasSuffix("收入总计") || key.hasSuffix("支出总计")
    }

    private static func stage(of key: String) -> Stage {
        if key == "预算数" || key == "年初预算数" || key == "全年预算数" { return .budget }
        if key == "决算数" { return .final }
        return .current
    }

    /// The measure a header text names.
    static func measure(for key: String, kind: TableKind?) -> Measure? {
        // Order matters: longer, more specific wordings first.
        let table: [(String, Measure)] = [
            ("购置及运行", .vehicleTotal), ("公务用车购置费", .vehiclePurchase), ("公务用车运行", .vehicleOperation),
            ("因公出国", .travelAbroad), ("公务接待", .reception), ("机关运行经费", .operatingCosts), ("机关运行费", .operatingCosts),
            ("人员经费", .personnel), ("人员支出", .personnel), ("日常公用经费", .publicCosts), ("公用经费", .publicCosts),
            ("公用支出", .publicCosts), ("基本支出", .basic),
            ("项目支出", .project), ("上缴上级支出", .remittanceToSuperior), ("对附属单位补助支出", .subsidyToSubordinates),
            ("经营支出", .operatingExpenditure), ("事业单位经营收入", .operatingRevenue), ("经营收入", .operatingRevenue),
            ("财政专户", .specialAccountFunds), ("事业收入", .institutionRevenue), ("上级补助", .superiorGrants),
            ("附属单位上缴", .subordinateRemittances), ("其他收入", .otherIncome), ("年初结转", .carryoverIn),
            ("上年结转", .carryoverIn), ("上年结余", .carryoverIn), ("年初结余", .carryoverIn), ("年末结转", .carryoverOut), ("结转下年", .carryoverOut),
            ("一般公共预算", .generalBudget), ("政府性基金", .governmentFunds), ("国有资本经营", .stateCapital),
            ("财政拨款", .fiscalAppropriation), ("本年收入合计", .total), ("本年支出合计", .total), ("本年收入", .yearIncome),
            ("本年支出", .yearExpenditure),
        ]
        for (word, measure) in table where key.contains(word) { return measure }
        if kind == .threePublicCosts {
            if key == "购置费" || key.hasSuffix("购置") { return .vehiclePurchase }
            if key == "运行费" || key == "运行维护费" || key.hasSuffix("运行维护费") { return .vehicleOperation }
            if key == "小计" { return .vehicleTotal }
        }
        if isGeneric(key) { return .total }
        return nil
    }
}
