import Foundation
import GongkaiCore

/// `budget-duties-missing`: the unit's 主要职能 are written down, so that the package's
/// “（一）职能职责” (or 主要职能) section is not published empty.
struct BudgetDutiesMissingRule: BudgetRule {
    let description = BudgetRuleDescription(
        id: "budget-duties-missing", title: "未填写单位职能", category: .narrative, severity: .error,
        rationale: "预决算公开的情况说明须写明单位（部门）的主要职能；没有职能，生成的“职能职责”一节只有标题，公开后会被退回。",
        triggering: [BudgetExamples.with(#""projects": []"#, unit: #"{"name": "示例单位", "level": "unit"}"#),
                     BudgetExamples.lines(#"{"function": "2013201", "economic": "30101", "kind": "personnel", "amount": "100.00"}"#,
                                          unit: #"{"name": "示例单位", "level": "unit", "duties": ["  "]}"#)],
        nonTriggering: [BudgetExamples.lines(#"{"function": "2013201", "economic": "30101", "kind": "personnel", "amount": "100.00"}"#,
                                             unit: #"{"name": "示例单位", "level": "unit", "duties": ["负责全县老干部活动的组织与服务"]}"#)])

    func check(_ context: BudgetCheckContext) -> [Diagnostic] {
        let duties = context.budget.unit.duties.filter { !$0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
        guard duties.isEmpty else { return [] }
        return [diagnostic("未填写单位的主要职能，情况说明的“职能职责”一节将为空", field: "unit.duties",
                           expected: "在“职能与机构”表（JSON 的 unit.duties）逐条填写单位的主要职能")]
    }
}
