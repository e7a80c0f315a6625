import GongkaiRules

/// Prints rule descriptions for `gongkai rules`: a list, or one rule with its rationale and examples.
public enum RuleFormatter {
    /// One line per rule, grouped by category.
    public static func list(_ rules: [any Rule]) -> String {
        var lines: [String] = []
        for category in RuleCategory.allCases {
            let members = rules.filter { $0.description.category == category }
            guard !members.isEmpty else { continue }
            lines.append("\(category.chineseName)（\(category.rawValue)）")
            lines += members.map { line(id: $0.description.id, severity: $0.description.severity, title: $0.description.title) }
        }
        lines.append("共 \(rules.count) 条规则。用 `gongkai rules ID` 查看说明和示例。")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One rule in full.
    public static func detail(_ rule: any Rule) -> String {
        detail(rule.description, titles: ("会触发的示例（↓ 标出问题所在行）", "不会触发的示例")) { example in
            ["  ---- 检查口径 \(example.profile)"]
                + example.text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0.replacingOccurrences(of: "\t", with: " │ ") }
        }
    }

    /// The budget rules, one line each, after the disclosure rules.
    public static func list(budgetRules rules: [any BudgetRule]) -> String {
        var lines = ["预算数据规则（render 生成前检查预算数据）"]
        lines += rules.map { line(id: $0.description.id, severity: $0.description.severity, title: $0.description.title) }
        lines.append("共 \(rules.count) 条预算数据规则。")
        return lines.joined(separator: "\n") + "\n"
    }

    /// One budget rule in full, with its JSON examples.
    public static func detail(_ rule: any BudgetRule) -> String {
        detail(rule.description, titles: ("会触发的预算数据示例", "不会触发的预算数据示例")) { example in
            ["  ----"] + example.split(separator: "\n").map { "  " + $0 }
        }
    }

    /// A description in full: title, category and severity, rationale, then the examples as `lines` prints them.
    private static func detail<Example>(_ description: RuleDescription<Example>, titles: (String, String), lines exampleLines: (Example) -> [String]) -> String {
        var lines = ["\(description.id)：\(description.title)",
                     "类别：\(description.category.chineseName)    默认级别：\(description.severity.chineseName)",
                     "", description.rationale, ""]
        for (title, examples) in [(titles.0, description.triggering), (titles.1, description.nonTriggering)] where !examples.isEmpty {
            lines.append("\(title)：")
            lines += examples.flatMap(exampleLines)
            lines.append("")
        }
        return lines.joined(separator: "\n")
    }

    /// One rule in a list: id, severity, title.
    private static func line(id: String, severity: Severity, title: String) -> String {
        "  \(id.padding(toLength: 34, withPad: " ", startingAt: 0)) \(severity.chineseName)  \(title)"
    }
}
