import GongkaiCore

/// "X 万元，其中：A 万元，B 万元 …" where A + B + … ≠ X.
public struct NarrativeBreakdownMismatchRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "narrative-breakdown-mismatch",
        title: "说明中“其中”各项之和与总数不符",
        category: .narrative,
        severity: .error,
        rationale: "说明写“总数 X，其中：A、B、C……”时，各分项之和应等于总数（允许舍入误差）。",
        triggering: [
            RuleExample("""
            ## 二、单位收支总体情况
            （二）支出预算：2023年年初预算数↓190.98万元，其中：一般公共服务支出预算146.07万元，社会保障和就业支出预算23.77万元，住房保障支出预算13.13万元。
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 二、单位收支总体情况
            （二）支出预算：2023年年初预算数190.98万元，其中：一般公共服务支出预算146.07万元，社会保障和就业支出预算23.77万元，卫生健康支出预算8.01万元，住房保障支出预算13.13万元。
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for (index, paragraph) in context.disclosure.narrative.enumerated() where !paragraph.isHeading {
            let scalars = Array(paragraph.text.unicodeScalars)
            let statements = context.statements.filter { $0.paragraphIndex == index && $0.figure != nil }
            for marker in occurrences(of: "其中", in: scalars) {
                let sentenceStart = scalars[..<marker].lastIndex(of: "。").map { $0 + 1 } ?? 0
                let sentenceEnd = scalars[marker...].firstIndex(of: "。") ?? scalars.count
                let nextMarker = occurrences(of: "其中", in: scalars).first { $0 > marker && $0 < sentenceEnd } ?? sentenceEnd
                guard let total = statements.last(where: { $0.mention.range.upperBound <= marker && $0.mention.range.lowerBound >= sentenceStart && $0.role == .value }),
                      let totalFigure = total.figure else { continue }
                let parts = statements.filter { $0.mention.range.lowerBound > marker && $0.mention.range.upperBound <= nextMarker && $0.role == .value }
                guard parts.count >= 2 else { continue }
                let outcome = SumCheck.compare(total: totalFigure, parts: parts.compactMap(\.figure))
                guard case let .mismatch(difference, _) = outcome else { continue }
                let unit = totalFigure.unit
                let sum = Amount.sum(parts.compactMap(\.figure?.amount))
                result.append(diagnostic(
                    "说明中“\(total.lead)\(total.mention.text)”，其中各项（\(parts.map(\.mention.text).joined(separator: "、"))）合计 \(sum.formatted(in: unit, decimals: 2))\(unit.chineseName)，相差 \(difference.formatted(in: unit, decimals: 2))\(unit.chineseName)",
                    at: total.location, found: total.mention.text, expected: sum.formatted(in: unit, decimals: 2) + unit.chineseName,
                    section: paragraph.effectiveSection))
            }
        }
        return result
    }

    private func occurrences(of word: String, in scalars: [Unicode.Scalar]) -> [Int] {
        let pattern = Array(word.unicodeScalars)
        guard scalars.count >= pattern.count else { return [] }
        return (0...(scalars.count - pattern.count)).filter { Array(scalars[$0..<($0 + pattern.count)]) == pattern }
    }
}
