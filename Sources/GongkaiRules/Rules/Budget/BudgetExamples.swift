/// Small budget JSON documents for the examples of budget rules.
enum BudgetExamples {
    /// A one-line budget whose income matches its expenditure, with `line` as the expenditure line.
    static func lines(_ line: String, income: String = "100.00", extra: String? = nil) -> String {
        """
        {"unit": {"name": "示例单位", "level": "unit"}, "year": 2025,
         "income": [{"source": "generalBudget", "amount": "\(income)"}],
         "expenditure": [\(line)]\(extra.map { ", " + $0 } ?? "")}
        """
    }

    /// A balanced one-line budget with `extra` members added.
    static func with(_ extra: String) -> String {
        lines(#"{"function": "2013201", "economic": "30101", "kind": "personnel", "amount": "100.00"}"#, extra: extra)
    }
}
