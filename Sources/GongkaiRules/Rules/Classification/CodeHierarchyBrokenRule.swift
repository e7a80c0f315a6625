import GongkaiCore

/// A 款 or 项 listed without its 类 or 款, or listed under another 类.
public struct CodeHierarchyBrokenRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "code-hierarchy-broken",
        title: "科目层级不完整或错位",
        category: .classification,
        severity: .error,
        rationale: "按类、款、项列示的表中，每个款应列在其所属的类之下，每个项应列在其所属的款之下；缺少上级科目或挂错上级，合计关系就无法核对。",
        triggering: [
            RuleExample("""
            ## 2023年一般公共预算财政拨款支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            合计\t\t20.00\t20.00\t
            201\t一般公共服务支出\t10.00\t10.00\t
            20132\t组织事务\t10.00\t10.00\t
            ↓2210201\t住房公积金\t10.00\t10.00\t
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 2023年一般公共预算财政拨款支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            合计\t\t10.00\t10.00\t
            201\t一般公共服务支出\t10.00\t10.00\t
            20132\t组织事务\t10.00\t10.00\t
            2013201\t行政运行\t10.00\t10.00\t
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for (index, table) in context.readableTables {
            for side in Set(table.rows.map(\.side)).sorted(by: { $0.rawValue < $1.rawValue }) {
                result += check(table.rows.filter { $0.code != nil && $0.side == side }, table: table, ref: context.ref(index))
            }
        }
        return result
    }

    private func check(_ rows: [TableRow], table: DisclosureTable, ref: DisclosureTableRef) -> [Diagnostic] {
        let codes = Set(rows.compactMap(\.code))
        // Only tables that list upper levels at all promise a full hierarchy.
        guard rows.contains(where: { $0.code?.level == .class }), rows.contains(where: { $0.code?.level != .class }) else { return [] }
        var result: [Diagnostic] = []
        var current: [ClassificationLevel: ClassificationCode] = [:]
        for row in rows {
            guard let code = row.code else { continue }
            current[code.level] = code
            for level in ClassificationLevel.allCases where level > code.level { current[level] = nil }
            guard let parent = code.parent else { continue }
            if !codes.contains(parent) {
                result.append(diagnostic("《\(table.title)》列出了 \(code) “\(row.name)”，但没有列出其上级科目 \(parent)",
                                         at: row.location, table: ref, code: code.digits, found: code.digits, expected: "先列 \(parent)"))
            } else if let above = current[parent.level], above != parent {
                result.append(diagnostic("《\(table.title)》\(code) “\(row.name)”排在 \(above) 之下，但其上级科目应为 \(parent)",
                                         at: row.location, table: ref, code: code.digits, found: "\(above) 之下", expected: "\(parent) 之下"))
            }
        }
        return result
    }
}
