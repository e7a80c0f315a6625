import GongkaiCore

/// A 空表说明 on a table that has data, or one that names a different kind of money than the table.
public struct EmptyTableNoteContradictsRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "empty-table-note-contradicts",
        title: "空表说明与表格不符",
        category: .structure,
        severity: .error,
        rationale: "空表说明只能出现在确无数据的表上，且应说明本表对应的资金（政府性基金表说明无政府性基金、国有资本经营表说明无国有资本经营预算）；说明与表不符通常是复制其他表时未改。",
        triggering: [
            RuleExample("""
            ↓## 2024年预算单位国有资本经营预算支出功能分类预算表
            单位：元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            \t合计\t\t\t
            注:本单位2024年无政府性基金预算财政拨款安排的预算，故本表为空表。
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 2024年预算单位国有资本经营预算支出功能分类预算表
            单位：元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            \t合计\t\t\t
            注:本单位2024年无国有资本经营预算财政拨款安排的预算，故本表为空表。
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for (index, table) in context.readableTables {
            for note in table.notes where ["空表", "无数据", "本表无", "此表无"].contains(where: note.text.contains) {
                if !table.isEmpty {
                    result.append(diagnostic("《\(table.title)》注明为空表，但表中有数据", at: table.location, table: context.ref(index),
                                             found: note.text, expected: "删除空表说明或核对数据", related: [note.location]))
                    continue
                }
                let names: [(TableKind, String)] = [(.governmentFundExpenditure, "政府性基金"), (.stateCapitalExpenditure, "国有资本经营"),
                                                    (.threePublicCosts, "三公")]
                guard let kind = table.kind, let own = names.first(where: { $0.0 == kind })?.1 else { continue }
                if let other = names.first(where: { $0.0 != kind && note.text.contains($0.1) }), !note.text.contains(own) {
                    result.append(diagnostic("《\(table.title)》的空表说明写的是“\(other.1)”，与本表不符", at: table.location, table: context.ref(index),
                                             found: note.text, expected: "说明无\(own)预算", related: [note.location]))
                }
            }
        }
        return result
    }
}
