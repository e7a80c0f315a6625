import GongkaiCore

/// A code cell that is not a valid code: wrong digit counts (` 7 11 02`), letters, a split at the wrong place.
public struct CodeMalformedRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "code-malformed",
        title: "科目编码格式错误",
        category: .classification,
        severity: .error,
        rationale: "功能分类编码为 3、5、7 位（类 3 位、款 2 位、项 2 位），经济分类为 3、5 位；分栏填写时类、款、项各占一栏。位数不对或被截断的编码（如“7 11 02”）无法对应到科目。",
        triggering: [
            RuleExample("""
            ## 2024年预算单位一般公共预算支出功能分类预算表
            单位：元
            类\t款\t项\t功能分类科目名称\t合计\t基本支出\t项目支出
            210\t\t\t卫生健康支出\t503724\t503724\t
            210\t11\t\t行政事业单位医疗\t503724\t503724\t
            ↓7\t11\t02\t事业单位医疗\t503724\t503724\t
            \t\t\t合计\t503724\t503724\t
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 2024年预算单位一般公共预算支出功能分类预算表
            单位：元
            类\t款\t项\t功能分类科目名称\t合计\t基本支出\t项目支出
            210\t\t\t卫生健康支出\t503724\t503724\t
            210\t11\t\t行政事业单位医疗\t503724\t503724\t
            210\t11\t02\t事业单位医疗\t503724\t503724\t
            \t\t\t合计\t503724\t503724\t
            """),
            // A region's own items one level below the economic classification (3010301 under 30103).
            RuleExample("""
            ## 2026年一般公共预算基本支出情况表
            单位：万元
            科目编码\t科目名称\t合计\t人员经费\t公用经费
            合计\t\t30.00\t30.00\t
            301\t工资福利支出\t30.00\t30.00\t
            30103\t奖金\t30.00\t30.00\t
            3010301\t公务员基础绩效奖\t20.00\t20.00\t
            3010302\t公务员年度考核奖\t10.00\t10.00\t
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for (index, table) in context.readableTables {
            var lastValid: ClassificationCode?
            for row in table.rows {
                if let code = row.code {
                    lastValid = code
                    continue
                }
                guard let raw = row.rawCode, raw.unicodeScalars.contains(where: { ChineseText.isDigit($0) }) else { continue }
                // 3010301 公务员基础绩效奖: a region's own item under the economic code 30103, not a broken code.
                if Self.isRegionalEconomicItem(raw) { continue }
                let expected = repaired(raw, after: lastValid, name: row.name, context: context)
                result.append(diagnostic(
                    "《\(table.title)》“\(row.name)”的科目编码写作“\(raw)”，不是有效的\(table.kind == .generalBudgetBasicExpenditure ? "经济" : "功能")分类编码" + (expected.map { "，按上下文应为 \($0)" } ?? ""),
                    at: row.location, table: context.ref(index), code: raw, found: raw, expected: expected))
            }
        }
        return result
    }

    /// The code the context suggests: the same name elsewhere in the document, or the preceding row's code with this row's last part.
    private func repaired(_ raw: String, after previous: ClassificationCode?, name: String, context: CheckContext) -> String? {
        let key = ChineseText.comparisonKey(name)
        let parts = raw.split(separator: " ").map(String.init)
        for (_, table) in context.readableTables {
            for row in table.rows where ChineseText.comparisonKey(row.name) == key {
                guard let code = row.code else { continue }
                if let previous, !code.digits.hasPrefix(previous.digits.prefix(3)) { continue }
                return spaced(code.digits)
            }
        }
        if let previous, let last = parts.last, last.count == 2, previous.level != .item {
            return spaced(previous.digits + last)
        }
        return nil
    }

    /// Seven digits whose first five are an economic code (30103 → 3010301): some regions subdivide
    /// the economic classification one level further.
    static func isRegionalEconomicItem(_ raw: String) -> Bool {
        let digits = ChineseText.removingSpaces(raw)
        guard digits.utf8.count == 7, let code = ClassificationCode(digits: String(digits.prefix(5))) else { return false }
        return code.scheme != .functional
    }

    private func spaced(_ digits: String) -> String {
        FunctionCode(digits)?.spaced ?? digits
    }
}
