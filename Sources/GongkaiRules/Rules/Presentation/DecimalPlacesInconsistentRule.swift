import GongkaiCore

/// A 万元 table whose amounts are not all written with two decimals.
public struct DecimalPlacesInconsistentRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "decimal-places-inconsistent",
        title: "万元金额小数位不统一",
        category: .presentation,
        severity: .info,
        rationale: "以万元为单位的表格金额通常保留两位小数；“6.4”与“0.83”混排时读者难以判断精度，也容易被误认为抄录有误。",
        triggering: [
            RuleExample("""
            ## 2024年单位“三公”经费和机关运行经费预算表
            单位:万元
            合计\t因公出国(境)费\t公务接待费\t公务用车购置及运行费\t\t\t机关运行经费预算数
            \t\t\t小计\t购置费\t运行费\t
            ↓6.4\t0\t0\t6.4\t0\t6.4\t0
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 2024年单位“三公”经费和机关运行经费预算表
            单位:万元
            合计\t因公出国(境)费\t公务接待费\t公务用车购置及运行费\t\t\t机关运行经费预算数
            \t\t\t小计\t购置费\t运行费\t
            6.40\t0.00\t0.00\t6.40\t0.00\t6.40\t0.00
            """),
        ])

    private static func readingOrder(_ first: CellFigure, _ second: CellFigure) -> Bool {
        let a = first.location, b = second.location
        if (a.page ?? 0, a.line ?? 0) != (b.page ?? 0, b.line ?? 0) { return (a.page ?? 0, a.line ?? 0) < (b.page ?? 0, b.line ?? 0) }
        if (a.box?.x0 ?? 0) != (b.box?.x0 ?? 0) { return (a.box?.x0 ?? 0) < (b.box?.x0 ?? 0) }
        return (a.cell ?? "", first.text) < (b.cell ?? "", second.text)
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for (index, table) in context.readableTables where table.effectiveUnit == .wan {
            // In reading order (page, line, then left to right), so the example quoted is the same every run.
            let odd = table.rows.flatMap { $0.values.values }.filter { !$0.amount.isZero && $0.figure.decimals != 2 }.sorted(by: Self.readingOrder)
            guard let first = odd.first else { continue }
            result.append(diagnostic("《\(table.title)》以万元为单位，但有 \(odd.count) 个金额未保留两位小数（如“\(first.text)”）",
                                     at: first.location, table: context.ref(index), found: first.text,
                                     expected: first.amount.formatted(in: .wan, decimals: 2)))
        }
        return result
    }
}
