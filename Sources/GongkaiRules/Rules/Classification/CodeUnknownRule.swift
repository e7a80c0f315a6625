import GongkaiCore

/// A code the bundled (advisory) catalog does not list.
public struct CodeUnknownRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "code-unknown",
        title: "科目编码不在分类目录中",
        category: .classification,
        severity: .warning,
        rationale: "公开表中的科目编码应取自当年《政府收支分类科目》。内置目录由公开片段整理、多数行未经核实，因此找不到编码只作警告：请核对编码是否抄错，或用 --catalog 提供官方目录。",
        triggering: [
            RuleExample("""
            ## 2023年一般公共预算财政拨款支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            合计\t\t10.00\t10.00\t
            ↓20198\t不存在的款\t10.00\t10.00\t
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 2023年一般公共预算财政拨款支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            合计\t\t10.00\t10.00\t
            20132\t组织事务\t10.00\t10.00\t
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        var reported = Set<String>()
        for (index, table) in context.readableTables {
            for row in table.rows {
                for (code, name) in row.namedCodes {
                    guard context.catalog.covers(code.scheme), context.catalog.entry(for: code) == nil,
                          reported.insert(code.digits).inserted else { continue }
                    result.append(diagnostic("《\(table.title)》科目编码 \(code) “\(name)”不在\(context.catalog.year)年分类目录（\(context.catalog.origin)）中",
                                             at: row.location, table: context.ref(index), code: code.digits, found: code.digits,
                                             expected: "目录中的科目编码"))
                }
            }
        }
        return result
    }
}
