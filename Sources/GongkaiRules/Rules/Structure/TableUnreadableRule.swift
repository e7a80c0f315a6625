import GongkaiCore

/// A table that could not be read with confidence: its values are not judged, and it is said once.
public struct TableUnreadableRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "table-unreadable",
        title: "表格未能可靠读取",
        category: .structure,
        severity: .warning,
        rationale: "表格的单元格未能可靠地归入行列（表头未识别、金额读成文字、许多合计关系同时不成立、编码与表格类别不符）时，逐格核对只会把读取错误当作公开单位的错误。此时只报告一次本表未能读取，不核对其金额；请人工核对本表，或提供可复制文字的原件。",
        triggering: [
            RuleExample("""
            ↓## 2023年一般公共预算财政拨款支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            合计\t\t见附件\t30.00\t
            208\t社会保障和就业支出\t见附件\t30.00\t
            20805\t行政事业单位养老支出\t见附件\t20.00\t
            2080505\t机关事业单位基本养老保险缴费支出\t见附件\t20.00\t
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 2023年一般公共预算财政拨款支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            合计\t\t20.00\t20.00\t
            208\t社会保障和就业支出\t20.00\t20.00\t
            20805\t行政事业单位养老支出\t20.00\t20.00\t
            2080505\t机关事业单位基本养老保险缴费支出\t20.00\t20.00\t
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        context.disclosure.tables.indices.compactMap { index in
            let doubts = context.confidence[index].doubts
            guard !doubts.isEmpty else { return nil }
            let table = context.disclosure.tables[index]
            var pages = ""
            if let first = table.pages.first, let last = table.pages.last, first != last { pages = "（第 \(first)–\(last) 页）" }
            return diagnostic("《\(table.title)》\(pages)未能可靠读取：\(doubts.joined(separator: "；"))。本表金额未核对，请人工核对",
                              at: table.location, table: context.ref(index), found: doubts.joined(separator: "；"), expected: "可逐格读取的表格")
        }
    }
}
