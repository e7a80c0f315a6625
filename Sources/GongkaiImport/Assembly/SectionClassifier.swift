import GongkaiCore

/// Recognises narrative sections from headings and from the lead words of a paragraph.
enum SectionClassifier {
    /// The section a heading names, or nil.
    static func kind(forHeading heading: String) -> NarrativeSectionKind? {
        let text = ChineseText.comparisonKey(heading)
        if text == "目录" { return .contents }
        if text.contains("名词解释") { return .glossary }
        if text.contains("项目经费") || text.contains("项目情况说明") { return .projectExplanation }
        if text.contains("三公") { return .threePublicCosts }
        if text.contains("机关运行经费") || text.contains("机关运行费") { return .operatingCosts }
        if text.contains("政府采购") { return .procurement }
        if text.contains("国有资产") { return .stateAssets }
        if text.contains("绩效") { return .performance }
        if text.contains("其他相关情况") || text.contains("其他重要事项") || text.contains("其他相关说明") || text.contains("其他需要说明") {
            return .otherMatters
        }
        if text.contains("机构设置") || text.contains("单位构成") || text.contains("部门构成") || text.contains("决算单位构成")
            || text.contains("预算单位构成") || text.contains("机构情况") {
            return .organisation
        }
        if text.contains("主要职能") || text.contains("职能职责") || text.contains("基本情况") || text.hasSuffix("概况") || text.contains("主要职责") {
            return .duties
        }
        if text.contains("政府性基金") { return .governmentFundExplanation }
        if text.contains("一般公共预算") || (text.contains("预算情况说明") && !text.contains("编制")) { return .generalBudgetExplanation }
        if text.contains("编制说明") || text.contains("总体情况") || text.contains("决算情况说明") || text.contains("收入决算")
            || text.contains("支出决算") || text.contains("收支情况") {
            return .overview
        }
        return nil
    }

    /// The subsection a paragraph announces in its first words ("（一）机关运行经费。…"), or nil.
    static func kind(forLeadOf paragraph: String) -> NarrativeSectionKind? {
        let scalars = Array(paragraph.unicodeScalars.prefix(40))
        guard let ordinal = OrdinalParser.parse(String(String.UnicodeScalarView(scalars))), ordinal.length > 0 else { return nil }
        let rest = scalars.dropFirst(ordinal.length)
        var lead = String.UnicodeScalarView()
        for scalar in rest {
            if ["。", "：", ":", "，"].contains(scalar) { break }
            lead.append(scalar)
        }
        guard lead.count <= 24 else { return nil }
        return kind(forHeading: String(lead))
    }
}
