import Foundation
import GongkaiCore

/// A stated percentage that does not follow from the two amounts it compares.
public struct NarrativePercentageMismatchRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "narrative-percentage-mismatch",
        title: "说明中的百分比与所述金额不符",
        category: .narrative,
        severity: .error,
        rationale: "“比上年执行数增加（减少）x%”应等于 (本年 − 上年) ÷ 上年；“占 x%”应等于该项 ÷ 合计。按两个金额的舍入区间计算，声明的百分比（按其小数位）落不进该区间即为错误，包括增减方向写反。",
        triggering: [
            RuleExample("""
            ## 2026年部门预算编制说明
            6、公共安全支出（204类）司法（06款）其他司法支出（99项）3845.49万元。2025年当年预算执行数为43269.3万元，2026年预算安排3845.49万元，比2025年预算执行数增加↓17.62%。
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 2026年部门预算编制说明
            11、卫生健康支出（210类）行政事业单位医疗（11款）行政单位医疗（01项）114.97万元。2025年当年预算执行数为59.43万元，2026年预算安排114.97万元，比2025年预算执行数增加93.45%。
            """),
            // The parts' shares, in a paragraph of their own, are of the total the paragraph before states.
            RuleExample("""
            ## （二）收入预算情况说明
            2026年收入预算400.00万元，比上年增加4.00万元，主要原因是在职人数增加。
            其中：一般公共预算拨款收入360.00万元，占90.0%；事业收入40.00万元，占10.0%。
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        let byParagraph = Dictionary(grouping: context.statements, by: \.paragraphIndex)
        for (paragraphIndex, statements) in byParagraph {
            for (position, statement) in statements.enumerated() {
                guard let percentage = statement.percentage else { continue }
                let earlier = statements[..<position].filter { $0.figure != nil && $0.sentence >= statement.sentence - 1 }
                let stated = PercentageRange.value(percentage)
                switch statement.role {
                case let .change(sign):
                    guard let current = earlier.last(where: { $0.role == .value })?.figure,
                          let priorStatement = earlier.last(where: { if case .prior = $0.role { true } else { false } }),
                          let prior = priorStatement.figure, let range = PercentageRange.change(from: prior, to: current) else { continue }
                    let signed = sign > 0 ? stated : -stated
                    guard !PercentageRange.fits(signed, decimals: percentage.decimals, range) else { continue }
                    let computed = (range.low + range.high) / 2
                    let expected = (computed < 0 ? "减少" : "增加") + PercentageRange.text(abs(computed)) + "%"
                    result.append(diagnostic(
                        "说明称“\(statement.lead)\(statement.mention.text)”，但由 \(priorStatement.mention.text) 到 \(current.textWithUnit) 计算应为\(expected)",
                        at: statement.location, found: (sign > 0 ? "增加" : "减少") + statement.mention.text, expected: expected,
                        section: context.paragraph(of: statement).effectiveSection, related: [priorStatement.location].compactMap { $0 }))
                case .share:
                    var values = statements[..<position].filter { $0.role == .value && $0.figure != nil }
                    // A paragraph that opens with 其中 lists the parts of the total the paragraph before states.
                    if context.paragraph(of: statement).text.hasPrefix("其中"),
                       let whole = byParagraph[paragraphIndex - 1]?.first(where: { $0.role == .value && $0.figure != nil }) {
                        values.insert(whole, at: 0)
                    }
                    guard let part = values.last?.figure, let whole = values.first?.figure, values.count >= 2,
                          let range = PercentageRange.share(part, of: whole) else { continue }
                    guard !PercentageRange.fits(stated, decimals: percentage.decimals, range) else { continue }
                    let expected = PercentageRange.text((range.low + range.high) / 2) + "%"
                    result.append(diagnostic(
                        "说明称“\(statement.lead)\(statement.mention.text)”，但 \(part.textWithUnit) ÷ \(whole.textWithUnit) 应为 \(expected)",
                        at: statement.location, found: statement.mention.text, expected: expected,
                        section: context.paragraph(of: statement).effectiveSection))
                default:
                    continue
                }
            }
        }
        return result
    }
}
