import GongkaiCore

/// Vehicles to be bought according to the state-assets text, versus the vehicle-purchase budget.
public struct VehiclePurchaseInconsistentRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "vehicle-purchase-inconsistent",
        title: "购置车辆数与公务用车购置费不符",
        category: .threePublicCosts,
        severity: .warning,
        rationale: "国有资产情况说明“安排购置车辆 N 辆”时应有相应的公务用车购置费；购置费大于 0 却写“购置车辆 0 辆”（或反之），两处必有一处不实。",
        triggering: [
            RuleExample("""
            ## 四、“三公”经费情况说明
            2023年“三公”经费预算30.00万元，其中公务用车购置费30.00万元，主要原因是更新到期车辆。
            ## 五、其他重要事项的情况说明
            （四）国有资产占有使用情况。2023年一般公共预算安排↓购置车辆0辆。
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 四、“三公”经费情况说明
            2023年“三公”经费预算30.00万元，其中公务用车购置费30.00万元，主要原因是更新到期车辆。
            ## 五、其他重要事项的情况说明
            （四）国有资产占有使用情况。2023年一般公共预算安排购置车辆1辆。
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let purchaseStatement = context.statements.first { $0.role == .value && context.key(of: $0) == .threePublic(.vehiclePurchase) }
        let purchase = context.facts.figure(for: .threePublic(.vehiclePurchase))?.cell.amount ?? purchaseStatement?.figure?.amount
        guard let purchase else { return [] }
        var result: [Diagnostic] = []
        for paragraph in context.disclosure.narrative where !paragraph.isHeading {
            guard let range = paragraph.text.range(of: "购置车辆") else { continue }
            let after = paragraph.text[range.upperBound...]
            let digits = after.prefix { ChineseText.isDigit($0.unicodeScalars.first!) }
            guard let count = Int(digits), after.dropFirst(digits.count).hasPrefix("辆") else { continue }
            guard (count == 0) != purchase.isZero else { continue }
            let offset = paragraph.text.unicodeScalars[..<range.lowerBound].count
            result.append(diagnostic("说明写“购置车辆\(count)辆”，但公务用车购置费为 \(purchase.formatted(in: .wan, decimals: 2))万元",
                                     at: paragraph.location(at: offset), found: "购置车辆\(count)辆",
                                     expected: purchase.isZero ? "购置车辆0辆" : "购置车辆不少于1辆", section: paragraph.effectiveSection))
        }
        return result
    }
}
