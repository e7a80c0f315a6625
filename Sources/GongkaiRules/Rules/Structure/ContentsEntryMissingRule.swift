import GongkaiCore

/// A table the document's own 目录 lists but the document does not contain.
public struct ContentsEntryMissingRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "contents-entry-missing",
        title: "目录所列表格未找到",
        category: .structure,
        severity: .error,
        rationale: "目录列出的每张表都应在正文中出现；目录有而正文无，说明漏印了表格或目录未随内容更新。",
        triggering: [
            RuleExample("""
            目录
            1. 2024年预算单位财务收支预算总表
            ↓2. 2024年预算单位收入预算总表

            ## 2024年预算单位财务收支预算总表
            单位：元
            本年收入\t\t本年支出\t
            项目\t预算数\t项目\t预算数
            收入总计\t100\t支出总计\t100
            """),
        ],
        nonTriggering: [
            RuleExample("""
            目录
            1. 2024年预算单位财务收支预算总表

            ## 2024年预算单位财务收支预算总表
            单位：元
            本年收入\t\t本年支出\t
            项目\t预算数\t项目\t预算数
            收入总计\t100\t支出总计\t100
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        guard context.hasTablesPart else { return [] }
        let present = Set(context.disclosure.tables.compactMap(\.kind))
        return context.disclosure.contents.compactMap { entry in
            guard let kind = entry.tableKind, !present.contains(kind) else { return nil }
            return diagnostic("目录列有《\(entry.title)》，正文中未找到该表", at: entry.location,
                              table: DisclosureTableRef(kind: kind, title: entry.title), found: "无此表", expected: entry.title, section: .contents)
        }
    }
}
