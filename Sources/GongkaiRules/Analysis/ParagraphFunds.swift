import GongkaiCore

/// Which kinds of money a paragraph names, and where it first names each: the context in which a
/// statement's subject is read ("支出 120 万元" after a mention of 财政拨款 is about appropriations).
/// Found once per paragraph, not once per statement, so that a long paragraph costs its length and
/// no more; a statement sees only what the paragraph said before it (`before(_:)`), since a later
/// sentence about 一般公共预算 does not change what an earlier one was about.
struct ParagraphFunds: Sendable {
    /// The paragraph mentions 财政拨款 or 一般公共预算 (before the offset it was taken at).
    let fiscal: Bool
    /// The paragraph mentions 一般公共预算 (before the offset it was taken at).
    let generalBudget: Bool
    /// Unicode-scalar offsets of the first mention of 财政拨款 or 一般公共预算, and of 一般公共预算.
    private let fiscalFrom: Int?
    private let generalBudgetFrom: Int?

    /// The funds `text` mentions.
    init(_ text: String) {
        func first(_ word: String) -> Int? {
            text.range(of: word).map { text.unicodeScalars.distance(from: text.startIndex, to: $0.lowerBound) }
        }
        generalBudgetFrom = first("一般公共预算")
        fiscalFrom = [generalBudgetFrom, first("财政拨款")].compactMap { $0 }.min()
        generalBudget = generalBudgetFrom != nil
        fiscal = fiscalFrom != nil
    }

    private init(fiscal: Bool, generalBudget: Bool) {
        self.fiscal = fiscal
        self.generalBudget = generalBudget
        fiscalFrom = nil
        generalBudgetFrom = nil
    }

    /// What the paragraph has named before the unicode-scalar `offset`.
    func before(_ offset: Int) -> ParagraphFunds {
        ParagraphFunds(fiscal: fiscalFrom.map { $0 < offset } ?? false, generalBudget: generalBudgetFrom.map { $0 < offset } ?? false)
    }
}
