import GongkaiCore

/// The unit's name written differently on the cover, in 编制单位 lines and in table titles.
public struct UnitNameInconsistentRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "unit-name-inconsistent",
        title: "单位名称前后不一致",
        category: .presentation,
        severity: .warning,
        rationale: "封面、表头“编制单位/编制部门”和表题中的单位名称应与公开主体的全称一致；名称不一致可能是套用了其他单位的表格。",
        triggering: [
            RuleExample("""
            # 示例区老干部活动中心2023年单位预算情况说明
            ## 2023年一般公共预算财政拨款支出预算表
            ↓编制单位：示例区档案馆
            单位：万元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            合计\t\t10.00\t10.00\t
            201\t一般公共服务支出\t10.00\t10.00\t
            """),
        ],
        nonTriggering: [
            RuleExample("""
            # 示例区老干部活动中心2023年单位预算情况说明
            ## 2023年一般公共预算财政拨款支出预算表
            编制单位：示例区老干部活动中心
            单位：万元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            合计\t\t10.00\t10.00\t
            201\t一般公共服务支出\t10.00\t10.00\t
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        guard let unit = context.disclosure.metadata.unitName.map(ChineseText.comparisonKey), !unit.isEmpty else { return [] }
        let parent = context.disclosure.metadata.parentDepartment.map(ChineseText.comparisonKey)
        var result: [Diagnostic] = []
        for (index, table) in context.disclosure.tables.enumerated() {
            guard let preparer = table.preparer else { continue }
            var name = ChineseText.comparisonKey(preparer)
            if let dash = name.firstIndex(where: { $0 == "-" }), name[..<dash].allSatisfy(\.isNumber) { name = String(name[name.index(after: dash)...]) }
            guard !name.isEmpty, name != unit, name != parent, !name.contains(unit), !unit.contains(name) else { continue }
            result.append(diagnostic("《\(table.title)》的编制单位为“\(preparer)”，与本文件单位“\(context.disclosure.metadata.unitName ?? "")”不一致",
                                     at: table.preparerLocation ?? table.location, table: context.ref(index), found: preparer, expected: context.disclosure.metadata.unitName))
        }
        return result
    }
}
