import GongkaiCore

/// A code listed in the income summary but missing from the expenditure summary, or the reverse.
public struct CodeSetMismatchRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "code-set-mismatch",
        title: "收入总表与支出总表科目不一致",
        category: .crossTable,
        severity: .warning,
        rationale: "收入总表和支出总表都按支出功能分类列示，两表应列出相同的科目；一张表有而另一张表没有的科目，通常是漏列或编码写错。",
        triggering: [
            RuleExample("""
            ## 2024年收入预算总表
            单位：元
            科目编码\t科目名称\t合计\t财政拨款收入\t事业收入
            合计\t\t300\t300\t
            201\t一般公共服务支出\t200\t200\t
            ↓221\t住房保障支出\t100\t100\t

            ## 2024年支出预算总表
            单位：元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            合计\t\t300\t300\t
            201\t一般公共服务支出\t300\t300\t
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 2024年收入预算总表
            单位：元
            科目编码\t科目名称\t合计\t财政拨款收入\t事业收入
            合计\t\t300\t300\t
            201\t一般公共服务支出\t300\t300\t

            ## 2024年支出预算总表
            单位：元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            合计\t\t300\t300\t
            201\t一般公共服务支出\t300\t300\t
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        guard let (incomeIndex, income) = context.facts.first(.incomeSummary),
              let (expenditureIndex, expenditure) = context.facts.first(.expenditureSummary) else { return [] }
        // Compare only the levels both tables list (a summary may stop at 类).
        let levels = Set(income.rows.compactMap(\.code?.level)).intersection(expenditure.rows.compactMap(\.code?.level))
        let incomeCodes = Set(income.rows.compactMap(\.code).filter { levels.contains($0.level) })
        let expenditureCodes = Set(expenditure.rows.compactMap(\.code).filter { levels.contains($0.level) })
        guard !incomeCodes.isEmpty, !expenditureCodes.isEmpty else { return [] }
        var result: [Diagnostic] = []
        for (index, table, codes, other) in [(incomeIndex, income, incomeCodes.subtracting(expenditureCodes), expenditure),
                                             (expenditureIndex, expenditure, expenditureCodes.subtracting(incomeCodes), income)] {
            for row in table.rows {
                guard let code = row.code, codes.contains(code), row.hasData else { continue }
                result.append(diagnostic("科目 \(code) \(row.name) 列于《\(table.title)》，但《\(other.title)》中没有该科目",
                                         at: row.location, table: context.ref(index), code: code.digits, found: code.digits, expected: "两表科目一致"))
            }
        }
        return result
    }
}
