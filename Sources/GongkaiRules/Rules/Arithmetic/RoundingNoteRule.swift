import GongkaiCore

/// A sum that differs from its parts by no more than rounding explains: |total − Σ| ≤ (n+1)·g/2.
public struct RoundingNoteRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "rounding-note",
        title: "尾差（舍入误差范围内）",
        category: .arithmetic,
        severity: .info,
        rationale: "金额按万元两位小数或元取整公开时，各项分别四舍五入，合计与各项之和可能相差几分；只要差额不超过 (n+1)×单位/2 就是尾差而非错误，此处仅作提示。表内合计、表间同一数据和说明中“其中”各项都按此判断。",
        triggering: [
            RuleExample("""
            ## 2023年一般公共预算财政拨款支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            合计\t\t23.77\t23.77\t
            208\t社会保障和就业支出\t23.77\t23.77\t
            20805\t行政事业单位养老支出\t↓23.77\t23.77\t
            2080505\t机关事业单位基本养老保险缴费支出\t15.84\t15.84\t
            2080506\t机关事业单位职业年金缴费支出\t7.92\t7.92\t
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 2023年一般公共预算财政拨款支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            合计\t\t23.76\t23.76\t
            208\t社会保障和就业支出\t23.76\t23.76\t
            20805\t行政事业单位养老支出\t23.76\t23.76\t
            2080505\t机关事业单位基本养老保险缴费支出\t15.84\t15.84\t
            2080506\t机关事业单位职业年金缴费支出\t7.92\t7.92\t
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for relation in context.sums {
            guard case let .withinRounding(difference, tolerance) = relation.outcome else { continue }
            let unit = context.unit(relation.tableIndex)
            let decimals = ([relation.total?.figure.decimals ?? 0] + relation.parts.map(\.figure.decimals)).max() ?? 0
            let table = context.ref(relation.tableIndex)
            let sum = relation.sumText(unit: unit)
            result.append(diagnostic(
                "《\(table.title)》\(relation.explanation)，\(relation.column.chineseName)列：表中为 \(relation.totalText)，各项之和为 \(sum)，相差 \(difference.formatted(in: unit, decimals: decimals))\(unit.chineseName)，在 \(relation.parts.count) 项舍入允许的 ±\(tolerance.formatted(in: unit, decimals: max(2, decimals)))\(unit.chineseName) 以内，属尾差",
                at: relation.location, table: table, code: relation.code, column: relation.column.chineseName, found: relation.totalText, expected: sum))
        }
        for comparison in context.comparisons {
            guard case let .withinRounding(difference, _) = comparison.outcome else { continue }
            let unit = comparison.first.cell.figure.unit
            result.append(diagnostic(
                "\(comparison.quantity)：《\(comparison.first.table.title)》为 \(comparison.first.cell.text)，《\(comparison.second.table.title)》为 \(comparison.second.cell.text)，相差 \(difference.formatted(in: unit, decimals: 2))\(unit.chineseName)，在舍入误差以内",
                at: comparison.second.cell.location, table: comparison.second.table, code: comparison.code,
                column: comparison.column.chineseName, found: comparison.second.cell.text, expected: comparison.first.cell.text,
                related: [comparison.first.cell.location]))
        }
        for breakdown in context.breakdowns {
            guard case let .withinRounding(difference, tolerance) = breakdown.outcome, let unit = breakdown.total.figure?.unit else { continue }
            let sum = Amount.sum(breakdown.parts.compactMap(\.figure?.amount)).formatted(in: unit, decimals: 2) + unit.chineseName
            result.append(diagnostic(
                "说明中“\(breakdown.total.lead)\(breakdown.total.mention.text)”，其中各项合计 \(sum)，相差 \(difference.formatted(in: unit, decimals: 2))\(unit.chineseName)，在 \(breakdown.parts.count) 项舍入允许的 ±\(tolerance.formatted(in: unit, decimals: 2))\(unit.chineseName) 以内，属尾差",
                at: breakdown.total.location, found: breakdown.total.mention.text, expected: sum,
                section: context.disclosure.narrative[breakdown.paragraphIndex].effectiveSection))
        }
        return result
    }
}
