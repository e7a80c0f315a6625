import GongkaiCore

/// "X 万元，比上年 P 万元增加 C 万元" where P ± C ≠ X; or an increase larger than the amount itself.
public struct NarrativeChangeMismatchRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "narrative-change-mismatch",
        title: "增减额与前后年度金额不符",
        category: .narrative,
        severity: .error,
        rationale: "说明写“本年 X 万元，比上年 P 万元增加（减少）C 万元”时应有 X = P ± C；写“X 万元，比上年增加 C 万元”时 C 不可能大于 X。",
        triggering: [
            RuleExample("""
            ## 二、单位收支总体情况
            （一）收入预算：2023年年初预算数190.98万元。收入较2022年122.44万元增加↓58.54万元，主要是一般公共预算经费拨款增加。
            """),
            RuleExample("""
            ## 2023年部门预算编制说明
            政府性基金拨款支出预算0万元，比2022年预算增加↓1421.25万元。
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 二、单位收支总体情况
            （一）收入预算：2023年年初预算数190.98万元。收入较2022年122.44万元增加68.54万元，主要是一般公共预算经费拨款增加。
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        let byParagraph = Dictionary(grouping: context.statements.filter { $0.figure != nil }, by: \.paragraphIndex)
        for (_, statements) in byParagraph {
            for (position, change) in statements.enumerated() {
                guard case let .change(sign) = change.role, let changeFigure = change.figure else { continue }
                let window = statements[max(0, position - NarrativeStatementExtractor.lookback)..<position]
                let earlier = window.filter { $0.sentence == change.sentence }
                let prior = earlier.last { if case .prior = $0.role { true } else { false } }
                guard let current = currentValue(for: change, prior: prior, in: window, context: context),
                      let currentFigure = current.figure else { continue }
                let paragraph = context.paragraph(of: change)
                if let prior, let priorFigure = prior.figure, prior.mention.range.upperBound <= change.mention.range.lowerBound {
                    let implied = sign > 0 ? priorFigure.amount + changeFigure.amount : priorFigure.amount - changeFigure.amount
                    let step = max(currentFigure.granularity, priorFigure.granularity, changeFigure.granularity)
                    guard case .mismatch = SumCheck.compare(total: currentFigure.amount, sum: implied, count: 2, step: step) else { continue }
                    let unit = currentFigure.unit
                    result.append(diagnostic(
                        "“\(prior.mention.text)\(sign > 0 ? "增加" : "减少")\(change.mention.text)”应为 \(implied.formatted(in: unit, decimals: 2))\(unit.chineseName)，但本年金额为 \(current.mention.text)",
                        at: change.location, found: change.mention.text,
                        expected: (currentFigure.amount - priorFigure.amount).magnitude.formatted(in: unit, decimals: 2) + unit.chineseName,
                        section: paragraph.effectiveSection, related: [current.location, prior.location].compactMap { $0 }))
                } else if prior == nil, sign > 0, current.sentence == change.sentence, changeFigure.amount > currentFigure.amount,
                          Self.isBareChange(change.lead),
                          !currentFigure.amount.isZero || !changeFigure.amount.isZero {
                    result.append(diagnostic(
                        "“\(current.lead)\(current.mention.text)”却“增加\(change.mention.text)”：增加额大于本年金额，上年金额将为负数",
                        at: change.location, found: change.mention.text, expected: "不大于 \(current.mention.text)",
                        section: paragraph.effectiveSection, related: [current.location].compactMap { $0 }))
                }
            }
        }
        return result
    }

    /// The amount the change is about: the value with the prior's subject, else the latest value before it.
    private func currentValue(for change: NarrativeStatement, prior: NarrativeStatement?, in earlier: ArraySlice<NarrativeStatement>,
                              context: CheckContext) -> NarrativeStatement? {
        let values = earlier.filter { $0.role == .value }
        if let prior {
            let subject = Self.subjectBeforeComparison(prior.lead)
            let paragraph = context.paragraph(of: prior)
            if let key = context.resolver.key(for: NarrativeStatementExtractor.subject(of: subject, quoted: nil),
                                              paragraph: context.paragraphFunds[prior.paragraphIndex].before(prior.mention.range.lowerBound),
                                              section: paragraph.effectiveSection) {
                return values.last { context.key(of: $0) == key } ?? values.last
            }
        }
        return values.last { $0.sentence == change.sentence } ?? (prior != nil ? values.last : nil)
    }

    /// Whether a change's lead names nothing but the comparison ("比2022年预算增加"), so that the
    /// change is the preceding amount's and not another subject's ("人员经费增加").
    static func isBareChange(_ lead: String) -> Bool {
        var text = ChineseText.removingSpaces(lead)
        for year in MentionScanner.years(in: text) { text = text.replacing(year.text, with: "") }
        for word in ["增加", "减少", "增长", "下降", "比", "较", "与", "上年", "去年", "同期", "预算数", "预算", "执行数", "决算数", "当年", "相比", "了"] {
            text = text.replacing(word, with: "")
        }
        return text.isEmpty
    }

    /// `收入较2022年` → `收入`.
    static func subjectBeforeComparison(_ lead: String) -> String {
        for word in ["较", "比", "与", "同比"] {
            if let range = lead.range(of: word) { return String(lead[..<range.lowerBound]) }
        }
        return ""
    }
}
