import Foundation
import GongkaiCore

/// `budget-change-reason-missing`: a figure that changed by 10% or more against the year before
/// needs the unit's reason, which the narrative prints after the change.
struct BudgetChangeReasonMissingRule: BudgetRule {
    let description = BudgetRuleDescription(
        id: "budget-change-reason-missing", title: "较大增减变化未说明原因", category: .yearOnYear, severity: .error,
        rationale: "预算公开要求对增减变化较大的项目说明原因。变化达到上年数 10% 及以上（或上年为零）时，须填写原因，生成的说明才不会只有数字。",
        triggering: [BudgetExamples.with(#""comparison": {"total": "50.00"}"#),
                     BudgetExamples.with(#""threePublicCosts": {"reception": {"amount": "8.00", "priorYear": "2.00"}}"#)],
        nonTriggering: [BudgetExamples.with(#""comparison": {"total": "50.00", "totalReason": "新增人员"}"#),
                        BudgetExamples.with(#""comparison": {"total": "95.00"}"#)])

    /// A change is large from this share of the year before on.
    static let threshold: Int64 = 10

    func check(_ context: BudgetCheckContext) -> [Diagnostic] {
        let budget = context.budget
        let prior = budget.comparison
        let general = LineSums.of(budget.lines(paidBy: .generalBudget))
        let fiscal = LineSums.of(budget.fiscalLines).total
        var checks: [(String, Amount, Amount?, [String?], String)] = [
            ("收支总额", budget.expenditureSums.total, prior.total, [prior.totalReason], "comparison.totalReason"),
            ("财政拨款", fiscal, prior.fiscalAppropriation, [prior.fiscalReason], "comparison.fiscalReason"),
            ("一般公共预算财政拨款支出", general.total, prior.generalBudget, [prior.fiscalReason], "comparison.fiscalReason"),
            ("基本支出", general.basic, prior.basic, [prior.basicReason], "comparison.basicReason"),
            ("项目支出", general.project, prior.project, [prior.projectReason], "comparison.projectReason"),
            ("人员经费", general.personnel, prior.personnel, [prior.personnelReason], "comparison.personnelReason"),
            ("公用经费", general.publicCosts, prior.publicCosts, [prior.publicCostsReason], "comparison.publicCostsReason"),
        ]
        let costs = budget.threePublicCosts
        for (name, key, item) in [("因公出国（境）费", "travelAbroad", costs.travelAbroad), ("公务用车购置费", "vehiclePurchase", costs.vehiclePurchase),
                                  ("公务用车运行费", "vehicleOperation", costs.vehicleOperation), ("公务接待费", "reception", costs.reception)] {
            checks.append((name, item.amount, item.priorYear, [item.reason, costs.reason], "threePublicCosts.\(key).reason"))
        }
        if let operating = budget.operatingCosts {
            checks.append(("机关运行经费", operating.amount, operating.priorYear, [operating.reason], "operatingCosts.reason"))
        }
        let items = ExpenditureBreakdown.byFunction(budget.fiscalLines).rows.filter { $0.level == .item }
        for row in items {
            checks.append(("科目 \(row.code)", row.sums.total, prior.byFunction[row.code], [prior.reasonByFunction[row.code]], "comparison.reasonByFunction.\(row.code)"))
        }
        return checks.compactMap { name, current, before, reasons, field in
            guard let before, Self.isLarge(from: before, to: current),
                  !reasons.contains(where: { !($0 ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) else { return nil }
            let change = current - before
            return diagnostic("\(name)比上年\(change.fen > 0 ? "增加" : "减少") \(change.magnitude.formatted(in: .yuan, decimals: 2)) 元（上年 \(before.formatted(in: .yuan, decimals: 2)) 元），未填写原因",
                              field: field, found: "无原因", expected: "填写增减原因")
        }
    }

    /// Whether the change is at least `threshold` percent of the year before (any change from zero).
    static func isLarge(from before: Amount, to current: Amount) -> Bool {
        let change = (current - before).magnitude.fen
        guard change > 0 else { return false }
        guard before.fen > 0 else { return true }
        return change.multipliedReportingOverflow(by: 100).partialValue >= before.fen * threshold
    }
}
