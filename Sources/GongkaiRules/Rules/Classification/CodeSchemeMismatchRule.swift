import GongkaiCore

/// An economic code in a functional table, or a functional code in the economic (basic expenditure) table.
public struct CodeSchemeMismatchRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "code-scheme-mismatch",
        title: "科目编码与表格分类不符",
        category: .classification,
        severity: .error,
        rationale: "收入、支出、一般公共预算、政府性基金等表按支出功能分类（2 开头的编码）列示，基本支出表按经济分类（3 或 5 开头）列示；编码混用说明行放错了表或编码写错了。",
        triggering: [
            RuleExample("""
            ## 2023年一般公共预算财政拨款基本支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t人员经费\t公用经费
            合计\t\t10.00\t10.00\t
            ↓2013201\t行政运行\t10.00\t10.00\t
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 2023年一般公共预算财政拨款基本支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t人员经费\t公用经费
            合计\t\t10.00\t10.00\t
            301\t工资福利支出\t10.00\t10.00\t
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for (index, table) in context.readableTables {
            guard let kind = table.kind else { continue }
            let expectsFunctional = kind.usesFunctionCodes
            guard expectsFunctional || kind == .generalBudgetBasicExpenditure else { continue }
            for row in table.rows {
                guard let code = row.code else { continue }
                let isFunctional = code.scheme == .functional
                guard isFunctional != expectsFunctional else { continue }
                result.append(diagnostic(
                    "《\(table.title)》应按\(expectsFunctional ? "功能" : "经济")分类列示，但 \(code) “\(row.name)”是\(isFunctional ? "功能" : "经济")分类编码",
                    at: row.location, table: context.ref(index), code: code.digits, found: code.digits,
                    expected: expectsFunctional ? "2 开头的功能分类编码" : "3 或 5 开头的经济分类编码"))
            }
        }
        return result
    }
}
