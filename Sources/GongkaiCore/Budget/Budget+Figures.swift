extension Budget {
    /// Income from `source` (summing every line of that source).
    public func income(from source: IncomeSource) -> Amount {
        Amount.sum(income.filter { $0.source == source }.map(\.amount))
    }

    /// 上年结转 of `fund`.
    public func carryover(of fund: IncomeSource) -> Amount {
        Amount.sum(income.filter { $0.source == .carryoverIn && $0.fund == fund }.map(\.amount))
    }

    /// 年末结转和结余 of `fund` (final accounts).
    public func carryoverOut(of fund: IncomeSource) -> Amount {
        Amount.sum(carryoverOut.filter { $0.source == fund }.map(\.amount))
    }

    /// All income, 上年结转 included.
    public var totalIncome: Amount { Amount.sum(income.map(\.amount)) }

    /// Fiscal appropriations of the year (财政拨款收入).
    public var fiscalIncome: Amount { Amount.sum(income.filter { $0.source.isFiscalAppropriation }.map(\.amount)) }

    /// Sums of all expenditure lines.
    public var expenditureSums: LineSums { LineSums.of(expenditure) }

    /// The lines paid by `fund`.
    public func lines(paidBy fund: IncomeSource) -> [ExpenditureLine] { expenditure.filter { $0.fund == fund } }

    /// The lines paid by fiscal appropriations.
    public var fiscalLines: [ExpenditureLine] { expenditure.filter { $0.fund.isFiscalAppropriation } }

    /// The lines of project `id`.
    public func lines(ofProject id: String) -> [ExpenditureLine] { expenditure.filter { $0.project == id } }

    /// A project's 当年预算: its own lines, or the amount given for a project budgeted elsewhere.
    public func budget(of project: Project) -> Amount {
        project.budgetedElsewhere ?? Amount.sum(lines(ofProject: project.id).map(\.amount))
    }

    /// The name of a classification code: the budget's own name for it, else the catalog's.
    public func name(of code: ClassificationCode, in catalog: Catalog) -> String? {
        codeNames[code.digits] ?? catalog.entry(for: code)?.name
    }
}
