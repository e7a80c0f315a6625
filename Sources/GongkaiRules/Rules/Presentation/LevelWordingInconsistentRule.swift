import GongkaiCore

/// 部门 wording in a unit's document, or 单位 wording where a department speaks of itself.
public struct LevelWordingInconsistentRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "level-wording-inconsistent",
        title: "部门/单位口径用词不一致",
        category: .presentation,
        severity: .warning,
        rationale: "单位预算（决算）应称“本单位”“单位预算”，部门预算（决算）汇总本级和所属单位，应称“本部门”“部门预算”；混用说明文本套用了另一口径的模板。“部门预算支出经济分类”等科目名称和本口径规定的表名不在此列。",
        triggering: [
            RuleExample("""
            # 示例区社会福利院2024年单位预算
            ## 其他相关情况说明
            2024年↓本部门政府采购预算120.60万元。
            """),
        ],
        nonTriggering: [
            RuleExample("""
            # 示例区社会福利院2024年单位预算
            ## 其他相关情况说明
            2024年度本单位政府采购预算120.60万元。
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        guard let level = context.disclosure.metadata.level else { return [] }
        let wrongWords = level == .unit ? ["本部门", "部门预算", "部门决算", "部门收支"] : ["本单位"]
        let allowed = ["部门预算经济分类", "部门预算支出经济分类", "部门经济分类", "主管部门"] + context.profile.allTableTitles
        var result: [Diagnostic] = []
        let allowedPhrases = allowed.map(ChineseText.removingSpaces)
        for paragraph in context.disclosure.narrative where wrongWords.contains(where: { paragraph.text.contains($0) }) {
            var text = ChineseText.removingSpaces(paragraph.text)
            for phrase in allowedPhrases where text.contains(phrase) { text = text.replacing(phrase, with: "") }
            guard let word = wrongWords.first(where: { text.contains($0) }) else { continue }
            let offset = paragraph.text.range(of: word).map { paragraph.text.unicodeScalars[..<$0.lowerBound].count } ?? 0
            result.append(diagnostic("本文件是\(level.chineseName)\(context.disclosure.metadata.kind?.chineseName ?? "预算")，文中却使用“\(word)”",
                                     at: paragraph.location(at: offset), found: word,
                                     expected: level == .unit ? "单位口径用语（本单位、单位预算）" : "部门口径用语（本部门、部门预算）",
                                     section: paragraph.effectiveSection))
        }
        return result
    }
}
