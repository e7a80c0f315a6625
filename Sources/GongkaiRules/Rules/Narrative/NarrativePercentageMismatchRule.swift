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
            // Parts listed with their shares, the whole stated two paragraphs before: 250,110.65 ÷ 404,415.23 is 61.85%.
            RuleExample("""
            ## （三）支出预算情况说明
            2026年支出预算404,415.23万元，比上年增加15,325.38万元，增长3.9%。
            1.按支出功能分类，包括一般公共服务支出5,140.00万元、公共安全支出325,711.11万元。
            2.按支出用途分类，包括人员支出250,110.65万元，占↓61.9%；日常公用支出47,792.58万元，占11.8%；项目支出106,512.00万元，占26.3%。
            """),
        ],
        nonTriggering: [
            // The item states its amount twice (208.8, then 201.50); the percentage fits the first, and the
            // contradiction is narrative-internal-contradiction's finding, not a wrong percentage.
            RuleExample("""
            ## 2026年部门预算编制说明
            12、住房保障支出（221类）住房改革支出（02款）住房公积金（01项）208.8万元。主要用于：住房公积金。2025年当年预算执行数为198.34万元，2026年预算安排201.50万元，比2025年预算执行数增加5.27%。
            """),
            RuleExample("""
            ## 2026年部门预算编制说明
            11、卫生健康支出（210类）行政事业单位医疗（11款）行政单位医疗（01项）114.97万元。2025年当年预算执行数为59.43万元，2026年预算安排114.97万元，比2025年预算执行数增加93.45%。
            """),
            // A change stated as an amount is of this item's own earlier amount (254), not of the total's.
            RuleExample("""
            ## 三、“三公”经费情况说明
            2026年“三公”经费预算2,190万元。其中，公务接待费242万元，较上年减少12万元，下降4.7%。
            """),
            // The share of what the sentence before 其中 states (the 决算 22.62), not of the budget figure before it.
            RuleExample("""
            ## （七）“三公”经费支出决算情况说明
            2024年度“三公”经费财政拨款支出预算为44.52万元，决算为22.62万元，完成预算的50.81%。其中：公务接待费20.10万元，占88.86%。
            """),
            // Shares listed without their whole in the paragraph are of the whole they fit (370,219.25, stated before the heading).
            RuleExample("""
            ## （五）一般公共预算当年拨款情况说明
            2026年一般公共预算当年拨款370,219.25万元，比上年增加17,768.55万元，增长5.0%。
            2.一般公共预算当年拨款结构情况。
            一般公共服务（类）支出5,140.00万元，占1.4%；公共安全（类）支出299,901.02万元，占81.0%；科学技术（类）支出32,240.98万元，占8.7%。
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
            let shares = wholeOfShares(in: statements, paragraphIndex: paragraphIndex, byParagraph: byParagraph)
            for (position, statement) in statements.enumerated() {
                guard let percentage = statement.percentage else { continue }
                // Amounts in a bracket closed before the percentage are an aside (the parts of the amount before it).
                let window = statements[max(0, position - NarrativeStatementExtractor.lookback)..<position]
                let earlier = window.filter {
                    $0.figure != nil && $0.sentence >= statement.sentence - 1 && $0.bracketDepth <= statement.bracketDepth
                }
                let stated = PercentageRange.value(percentage)
                switch statement.role {
                case let .change(sign):
                    guard let currentStatement = earlier.last(where: { $0.role == .value }), let current = currentStatement.figure else { continue }
                    let priorStatement = earlier.last { if case .prior = $0.role { true } else { false } }
                    // 242万元，较上年减少12万元，下降4.7%: the change is of the amount the change was stated for,
                    // unless that amount's own sentence also names the earlier year's.
                    let delta = earlier.last { $0.index > currentStatement.index && $0.role == .change(sign: sign) }
                    let range: (low: Decimal, high: Decimal)
                    let from: String
                    if let priorStatement, let prior = priorStatement.figure,
                       delta == nil || priorStatement.index > currentStatement.index || priorStatement.sentence == currentStatement.sentence {
                        guard let found = PercentageRange.change(from: prior, to: current) else { continue }
                        (range, from) = (found, priorStatement.mention.text)
                    } else if let delta, let change = delta.figure, !current.amount.isZero,
                              let found = PercentageRange.change(by: change, sign: sign, to: current) {
                        (range, from) = (found, "\(current.textWithUnit)\(sign > 0 ? "减" : "加")\(change.textWithUnit)")
                    } else {
                        continue
                    }
                    let signed = sign > 0 ? stated : -stated
                    guard !PercentageRange.fits(signed, decimals: percentage.decimals, range) else { continue }
                    // 住房公积金208.8万元 … 预算安排201.50万元，比上年增加5.27%: the item states its amount twice,
                    // and the percentage fits the other one — the contradiction is the defect, reported as such.
                    if let prior = priorStatement?.figure, let key = context.key(of: currentStatement),
                       window.contains(where: { other in
                           guard other.role == .value, other.index != currentStatement.index, let amount = other.figure,
                                 amount.amount != current.amount, context.key(of: other) == key,
                                 let otherRange = PercentageRange.change(from: prior, to: amount) else { return false }
                           return PercentageRange.fits(signed, decimals: percentage.decimals, otherRange)
                       }) { continue }
                    let computed = (range.low + range.high) / 2
                    let expected = (computed < 0 ? "减少" : "增加") + PercentageRange.text(abs(computed)) + "%"
                    result.append(diagnostic(
                        "说明称“\(statement.lead)\(statement.mention.text)”，但由 \(from) 到 \(current.textWithUnit) 计算应为\(expected)",
                        at: statement.location, found: (sign > 0 ? "增加" : "减少") + statement.mention.text, expected: expected,
                        section: context.paragraph(of: statement).effectiveSection, related: [priorStatement?.location].compactMap { $0 }))
                case .share:
                    guard let (part, whole) = shares[statement.index] ?? fallbackShare(window, statement: statement,
                                                                                       paragraphIndex: paragraphIndex, byParagraph: byParagraph, context: context),
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

    /// A list of parts each with its share (`人员支出250,110.65万元，占61.9%；日常公用支出47,792.58万元，占11.8%`)
    /// names its whole by the shares themselves: of the amounts stated before the list, in this paragraph
    /// or the three before it, the one most of the shares fit (at least two, and more than half). Each
    /// share's part and that whole, by the share's statement index; empty when no amount is such a whole.
    private func wholeOfShares(in statements: [NarrativeStatement], paragraphIndex: Int,
                               byParagraph: [Int: [NarrativeStatement]]) -> [Int: (Figure, Figure)] {
        var parts: [(share: NarrativeStatement, part: NarrativeStatement)] = []
        for (position, statement) in statements.enumerated() where statement.role == .share && statement.percentage != nil {
            let window = statements[max(0, position - NarrativeStatementExtractor.lookback)..<position]
            if let part = window.last(where: { $0.figure != nil }), part.role == .value { parts.append((statement, part)) }
        }
        guard parts.count >= 2, let firstPart = parts.first?.part else { return [:] }
        let before = statements.filter { $0.index < firstPart.index }
            + (1...3).flatMap { byParagraph[paragraphIndex - $0] ?? [] }
        let candidates = before.filter { $0.role == .value && $0.figure != nil }.reversed().prefix(NarrativeStatementExtractor.lookback)
        func fitting(_ whole: Figure) -> Int {
            parts.filter { entry in
                guard let percentage = entry.share.percentage, let part = entry.part.figure,
                      let range = PercentageRange.share(part, of: whole) else { return false }
                return PercentageRange.fits(PercentageRange.value(percentage), decimals: percentage.decimals, range)
            }.count
        }
        var best: (whole: Figure, fits: Int)?
        for candidate in candidates {
            guard let whole = candidate.figure else { continue }
            let fits = fitting(whole)
            if fits > (best?.fits ?? 0) { best = (whole, fits) }
        }
        guard let best, best.fits >= 2, best.fits * 2 > parts.count else { return [:] }
        var result: [Int: (Figure, Figure)] = [:]
        for entry in parts { if let part = entry.part.figure { result[entry.share.index] = (part, best.whole) } }
        return result
    }

    /// A share judged alone: of the amount stated before the 其中 that opens its list, or else of the
    /// paragraph's first amount (of the paragraph before's when this one opens with 其中).
    private func fallbackShare(_ earlier: ArraySlice<NarrativeStatement>, statement: NarrativeStatement, paragraphIndex: Int,
                               byParagraph: [Int: [NarrativeStatement]], context: CheckContext) -> (Figure, Figure)? {
        var values = earlier.filter { $0.role == .value && $0.figure != nil }
        guard let part = values.last?.figure else { return nil }
        let text = context.paragraph(of: statement).text
        if let partStatement = values.last, let marker = lastMarker("其中", in: text, before: partStatement.mention.range.lowerBound),
           let whole = values.last(where: { $0.mention.range.upperBound <= marker })?.figure {
            return (part, whole)
        }
        // A paragraph that opens with 其中 lists the parts of the total the paragraph before states.
        if text.hasPrefix("其中"), let whole = byParagraph[paragraphIndex - 1]?.first(where: { $0.role == .value && $0.figure != nil }) {
            values.insert(whole, at: 0)
        }
        guard let whole = values.first?.figure, values.count >= 2 else { return nil }
        return (part, whole)
    }

    /// The scalar offset of the last `marker` that begins before `offset` in `text`, looked for
    /// among the `markerReach` scalars before it (a list opened by 其中 runs to some hundreds).
    private func lastMarker(_ marker: String, in text: String, before offset: Int) -> Int? {
        let scalars = text.unicodeScalars
        let end = scalars.index(scalars.startIndex, offsetBy: min(offset, scalars.count))
        let start = scalars.index(end, offsetBy: -min(offset, Self.markerReach), limitedBy: scalars.startIndex) ?? scalars.startIndex
        guard let found = text.range(of: marker, options: .backwards, range: start..<end) else { return nil }
        return scalars.distance(from: scalars.startIndex, to: found.lowerBound)
    }

    /// How far before a share its list's 其中 is looked for, in scalars.
    private static let markerReach = 2000
}
