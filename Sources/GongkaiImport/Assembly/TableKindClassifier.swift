import GongkaiCore

/// Recognises a standard table from its title, in the wording of any region or year
/// (收支总表, 财务收支预算总表, 收入支出决算总表 ...).
enum TableKindClassifier {
    /// The kind a title names, or nil when it names no standard table.
    static func kind(forTitle title: String) -> TableKind? {
        let text = ChineseText.comparisonKey(title)
        if text.contains("绩效目标") || text.contains("绩效指标") { return .projectPerformanceGoals }
        // 项目支出总表, 一般公共预算项目支出情况表, 部门预算项目支出及其他支出预算表: project spending alone,
        // which no standard table is (the 支出总表 puts it beside 基本支出).
        if text.contains("项目支出"), !text.contains("基本支出") { return nil }
        if text.contains("三公") { return .threePublicCosts }
        if text.contains("政府性基金") { return .governmentFundExpenditure }
        if text.contains("国有资本经营") { return .stateCapitalExpenditure }
        if text.contains("财政拨款收支") || text.contains("财政拨款收入支出") { return .fiscalSummary }
        if text.contains("一般公共预算") {
            if text.contains("基本支出") { return .generalBudgetBasicExpenditure }
            if text.contains("支出") { return .generalBudgetExpenditure }
        }
        // 总表, 预算表, 决算表, and the 总体情况表 / 情况表 of Chongqing and Guangdong.
        let isTable = text.contains("总表") || text.contains("预算表") || text.contains("决算表") || text.contains("情况表")
        if isTable, text.contains("收支") || text.contains("收入支出") { return .incomeExpenditureSummary }
        if isTable, text.contains("收入") { return .incomeSummary }
        if isTable, text.contains("基本支出") { return .generalBudgetBasicExpenditure }
        if isTable, text.contains("支出") { return .expenditureSummary }
        return nil
    }

    /// Whether a line's text reads as a table title: it ends in 表 (before an optional parenthesis),
    /// names a budget quantity, and is not a sentence.
    /// `numbered`: printed after a table number (预算11表): a title need not name money then
    /// (财政拨款政府购买服务明细表), the number says it is a table.
    static func isTitle(_ text: String, numbered: Bool = false) -> Bool {
        let key = ChineseText.comparisonKey(text)
        let scalars = key.unicodeScalars
        guard scalars.count >= 4, scalars.count <= 70 else { return false }
        for prefix in ["注", "说明", "备注", "详见", "附", "本表", "此表", "其中"] where key.hasPrefix(prefix) { return false }
        if key.contains("。") || key.contains("，") || key.contains("；") || key.contains("…") { return false }
        var core = key
        while core.hasSuffix(")"), let open = core.lastIndex(of: "(") {
            core = String(core[..<open])
        }
        for suffix in ["续", "(续)", "续表"] where core.hasSuffix(suffix) { core.removeLast(suffix.count) }
        guard core.hasSuffix("表"), !core.hasSuffix("代表"), !core.hasSuffix("发表") else { return false }
        // "第二部分 XX局2024年度部门决算表" and "五、单位预算表" head the group of tables; they name no table of their own.
        if key.hasPrefix("第"), key.contains("部分") { return false }
        let unnumbered = OrdinalParser.parse(core).map { String(String.UnicodeScalarView(core.unicodeScalars.dropFirst($0.length))) } ?? core
        if ["预算表", "决算表", "单位预算表", "部门预算表", "单位决算表", "部门决算表"].contains(unnumbered) { return false }
        let keywords = ["收支", "收入", "支出", "三公", "基金", "国有资本", "绩效", "采购", "预算表", "决算表", "经费"]
        return numbered || keywords.contains { key.contains($0) }
    }

    /// Whether the title names a 决算 table.
    static func isFinalAccounts(_ title: String) -> Bool { title.contains("决算") }
}
