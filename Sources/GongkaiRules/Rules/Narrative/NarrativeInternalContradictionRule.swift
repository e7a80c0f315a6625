import GongkaiCore

/// One paragraph stating two different amounts for the same thing.
public struct NarrativeInternalContradictionRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "narrative-internal-contradiction",
        title: "说明前后金额自相矛盾",
        category: .narrative,
        severity: .error,
        rationale: "同一段说明对同一事项先后给出两个不同金额（如科目开头写 208.8 万元、后文“预算安排”写 201.50 万元），至少有一处是错的。",
        triggering: [
            RuleExample("""
            ## 2026年部门预算编制说明
            12、住房保障支出（221类）住房改革支出（02款）住房公积金（01项）208.80万元。主要用于：缴纳住房公积金。2025年当年预算执行数为198.34万元，2026年预算安排↓201.50万元，比2025年预算执行数增加1.59%。
            """),
        ],
        nonTriggering: [
            // 国内服务费 of the trips, reclassified into 因公出国（境）费, is a part of it, not the item stated twice.
            RuleExample("""
            ## 2026年部门预算编制说明
            2026年“三公”经费162.53万元，主要原因是调整了因公出国（境）经费的经济分类，将用于支付因公出国（境）工作的国内服务费3.2万元由委托业务费调整为因公出国（境）经费。其中：因公出国（境）费86.47万元。
            """),
            RuleExample("""
            ## 2026年部门预算编制说明
            12、住房保障支出（221类）住房改革支出（02款）住房公积金（01项）208.80万元。主要用于：缴纳住房公积金。2025年当年预算执行数为198.34万元，2026年预算安排208.80万元，比2025年预算执行数增加5.27%。
            """),
            // The figures in brackets are the parts', not the total's.
            RuleExample("""
            ## 2026年部门预算编制说明
            公务用车购置及运行维护费6.54万元（公务用车购置费0万元，比上年增加0万元；公务用车运行维护费6.54万元，比上年减少14.85万元），主要原因是公务用车集中统一管理。
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        var firstByKey: [Int: [QuantityKey: NarrativeStatement]] = [:]
        for statement in context.statements where statement.role == .value {
            guard let figure = statement.figure, let key = context.key(of: statement) else { continue }
            guard let first = firstByKey[statement.paragraphIndex]?[key] else {
                firstByKey[statement.paragraphIndex, default: [:]][key] = statement
                continue
            }
            guard let firstFigure = first.figure, case .mismatch = SumCheck.compareSame(firstFigure, figure) else { continue }
            let paragraph = context.paragraph(of: statement)
            result.append(diagnostic(
                "同一段说明中\(key.chineseName)先写“\(first.lead)\(first.mention.text)”，后写“\(statement.lead)\(statement.mention.text)”，前后不一致",
                at: statement.location, column: key.chineseName, found: statement.mention.text, expected: first.mention.text,
                section: paragraph.effectiveSection, related: first.location.map { [$0] } ?? []))
        }
        return result
    }
}
