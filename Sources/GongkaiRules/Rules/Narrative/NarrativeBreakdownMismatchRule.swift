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
            // The 其中 list is of the amount outside the bracket, not of the aside inside it.
            RuleExample("""
            ## 2021年部门预算编制说明
            我校2021年收入预算490.00万元（本年预算收入390.00万元），其中：财政拨款收入300.00万元，事业收入90.00万元，上年结转100.00万元。
            """),
            // A total that is an item of a list: its 其中 ends at the item's “；”, and what follows are other items.
            RuleExample("""
            ## 三、支出预算情况说明
            公安行政管理39,967.78万元，主要包括：经常性业务费6,069.60万元，用于日常警务；履职工作经费4,754.51万元，其中结转结余390.00万元，用于业务保障；勤务辅警业务费523.08万元，用于培训；编外人员7,617.44万元，用于文职辅警经费。
            """),
            // The parts of a total after a heading's colon run on past “；”.
            RuleExample("""
            ## 二、单位收支总体情况
            （二）支出预算：2023年支出预算100.00万元，其中：基本支出60.00万元；项目支出40.00万元。
            """),
            RuleExample("""
            ## 二、单位收支总体情况
            （二）支出预算：2023年年初预算数190.98万元，其中：一般公共服务支出预算146.07万元，社会保障和就业支出预算23.77万元，卫生健康支出预算8.01万元，住房保障支出预算13.13万元。
            """),
            // After 其中, a part with a list of its own: its parts follow its colon.
            RuleExample("""
            ## 四、其他重要事项的情况说明
            （二）政府采购情况。政府采购预算总额80.00万元：货物预算30.00万元、服务预算50.00万元；其中一般公共预算拨款政府采购60.00万元：货物预算20.00万元、服务预算40.00万元。
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        context.breakdowns.compactMap { breakdown in
            guard case let .mismatch(difference, _) = breakdown.outcome, let unit = breakdown.total.figure?.unit else { return nil }
            let sum = Amount.sum(breakdown.parts.compactMap(\.figure?.amount))
            return diagnostic(
                "说明中“\(breakdown.total.lead)\(breakdown.total.mention.text)”，其中各项（\(breakdown.parts.map(\.mention.text).joined(separator: "、"))）合计 \(sum.formatted(in: unit, decimals: 2))\(unit.chineseName)，相差 \(difference.formatted(in: unit, decimals: 2))\(unit.chineseName)",
                at: breakdown.total.location, found: breakdown.total.mention.text, expected: sum.formatted(in: unit, decimals: 2) + unit.chineseName,
                section: context.disclosure.narrative[breakdown.paragraphIndex].effectiveSection)
        }
    }
}
