import GongkaiCore

/// Which kinds of money a paragraph names anywhere in its text: the context in which a statement's
/// subject is read ("支出 120 万元" in a paragraph about 财政拨款 is about appropriations). Found once
/// per paragraph, not once per statement, so that a long paragraph costs its length and no more.
struct ParagraphFunds: Sendable {
    /// The paragraph mentions 财政拨款 or 一般公共预算.
    let fiscal: Bool
    /// The paragraph mentions 一般公共预算.
    let generalBudget: Bool

    /// The funds `text` mentions.
    init(_ text: String) {
        generalBudget = text.contains("一般公共预算")
        fiscal = generalBudget || text.contains("财政拨款")
    }
}
