import GongkaiCore

/// One amount in 元 among amounts in 万元 in the same sentence (or the reverse).
public struct MoneyUnitInconsistentRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "money-unit-inconsistent",
        title: "金额单位前后不一致",
        category: .presentation,
        severity: .warning,
        rationale: "同一句中并列的金额应使用同一计量单位；在一串“万元”中夹一个“元”（如“政府采购工程预算 0 元”），多半是漏写“万”字，读者会误读金额。",
        triggering: [
            RuleExample("""
            ## 五、其他重要事项的情况说明
            （二）政府采购情况。本单位政府采购预算总额0万元：政府采购货物预算0万元、政府采购工程预算↓0元、政府采购服务预算0万元。
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 五、其他重要事项的情况说明
            （二）政府采购情况。本单位政府采购预算总额0万元：政府采购货物预算0万元、政府采购工程预算0万元、政府采购服务预算0万元。
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for paragraph in context.disclosure.narrative where !paragraph.isHeading {
            let scalars = Array(paragraph.text.unicodeScalars)
            let sentenceOf = PerOffset.sentenceNumbers(scalars, endingAt: ["。"])
            let sentences = Dictionary(grouping: paragraph.mentions.filter { if case .amount = $0.kind { true } else { false } }) { mention in
                sentenceOf[mention.range.lowerBound]
            }
            for (_, mentions) in sentences {
                let units = mentions.compactMap { mention -> MoneyUnit? in
                    guard case let .amount(figure) = mention.kind else { return nil }
                    // 元/人·天 and the like are rates, not amounts.
                    if mention.range.upperBound < scalars.count, scalars[mention.range.upperBound] == "/" { return nil }
                    return figure.unit
                }
                let counts = Dictionary(grouping: units, by: { $0 }).mapValues(\.count)
                guard counts.count > 1, let majority = counts.max(by: { $0.value < $1.value }), majority.value >= 2 else { continue }
                for mention in mentions {
                    guard case let .amount(figure) = mention.kind, figure.unit != majority.key, counts[figure.unit] == 1 else { continue }
                    if mention.range.upperBound < scalars.count, scalars[mention.range.upperBound] == "/" { continue }
                    result.append(diagnostic("同一句中金额多以“\(majority.key.chineseName)”为单位，此处却写作“\(mention.text)”，请核对单位",
                                             at: paragraph.location(at: mention.range.lowerBound), found: mention.text,
                                             expected: figure.amount.formatted(in: majority.key, decimals: 2) + majority.key.chineseName + "（如金额无误）",
                                             section: paragraph.effectiveSection))
                }
            }
        }
        return result
    }
}
