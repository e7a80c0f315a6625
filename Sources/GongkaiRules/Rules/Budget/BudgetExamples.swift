/// Small budget JSON documents for the examples of budget rules.
enum BudgetExamples {
    /// A one-line budget whose income matches its expenditure, with `line` as the expenditure line
    /// (and `unit` as the unit, which by default has one duty).
    static func lines(_ line: String, income: String = "100.00", extra: String? = nil,
                      unit: String = #"{"name": "示例单位", "level": "unit", "duties": ["负责示例工作"]}"#) -> String {
        """
        {"unit": \(unit), "year": 2025,
         "income": [{"source": "generalBudget", "amount": "\(income)"}],
         "expenditure": [\(line)]\(extra.map { ", " + $0 } ?? "")}
        """
    }

    /// A balanced one-line budget with `extra` members added.
    static func with(_ extra: String, unit: String = #"{"name": "示例单位", "level": "unit", "duties": ["负责示例工作"]}"#) -> String {
        lines(#"{"function": "2013201", "economic": "30101", "kind": "personnel", "amount": "100.00"}"#, extra: extra, unit: unit)
    }
}
