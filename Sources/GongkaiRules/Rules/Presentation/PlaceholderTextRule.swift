import GongkaiCore

/// Template wording left in a published document: XX, ××, 某某, 主要原因是。, 增加（减少）, （增加内容）.
public struct PlaceholderTextRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "placeholder-text",
        title: "残留模板占位文字",
        category: .presentation,
        severity: .error,
        rationale: "公开文本中残留模板的占位符（XX、××、某某、x,xxx）、空的原因（“主要原因是。”）、备选措辞（“增加（减少）”）或编写提示（“（增加内容）”“（不涉及的不列）”），说明文件未按实际情况填写完整。",
        triggering: [
            RuleExample("""
            ## 其他相关情况说明
            （二）公务用车购置及运行费6.40万元，与2023年预算持平，↓主要原因是。其中：公务用车购置费0.00万元。
            """),
            RuleExample("""
            ## 其他相关情况说明
            ↓五、国有资产占有使用情况（增加内容）
            截至2023年12月31日，本单位共有车辆2辆，2024年预算未安排购置车辆。
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 其他相关情况说明
            （二）公务用车购置及运行费6.40万元，与2023年预算持平，主要原因是公务用车运行情况无变化。
            """),
            // The cover's sign-off block (报送日期, 签章) is a form field filled at submission, not template text.
            RuleExample("""
            ## 2023年部门预算公开表
            报送日期： 年 月 日
            单位负责人签章： 财务负责人签章： 制表人签章：
            """),
        ])

    static let residues = ["XXX", "XX", "xx", "××", "某某", "x,xxx", "X,XXX", "主要原因是。", "主要原因是：。", "原因是。", "主要原因：。",
                           "增加（减少）", "增加(减少)", "增长（下降）", "（增加内容）", "(增加内容)", "如持平作持平表述", "不涉及的不列",
                           "若无，则写", "作下述说明", "根据实际情况进行解释和增减", "根据实际情况增减"]

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for paragraph in context.disclosure.narrative {
            let text = ChineseText.removingSpaces(paragraph.text)
            let found = Self.residues.filter { text.contains($0) }
            guard let first = found.first else { continue }
            let offset = paragraph.text.range(of: first).map { paragraph.text.unicodeScalars[..<$0.lowerBound].count } ?? 0
            let shown = found.filter { residue in !found.contains { $0 != residue && $0.contains(residue) } }
            result.append(diagnostic("文字中残留模板内容：\(shown.map { "“\($0)”" }.joined(separator: "、"))", at: paragraph.location(at: offset),
                                     found: shown.joined(separator: " "), expected: "按实际情况填写", section: paragraph.effectiveSection))
        }
        for (index, table) in context.disclosure.tables.enumerated() {
            let texts = [table.title] + table.notes.map(\.text) + table.rows.map(\.name)
            guard let residue = Self.residues.first(where: { residue in texts.contains { ChineseText.removingSpaces($0).contains(residue) } }) else { continue }
            result.append(diagnostic("《\(table.title)》中残留模板内容“\(residue)”", at: table.location, table: context.ref(index),
                                     found: residue, expected: "按实际情况填写"))
        }
        return result
    }
}
