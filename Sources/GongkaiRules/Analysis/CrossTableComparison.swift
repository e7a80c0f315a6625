import GongkaiCore

/// One quantity stated in two tables, compared with rounding intervals.
struct CrossTableComparison: Sendable {
    var quantity: String
    var first: TableFigure
    var second: TableFigure
    var outcome: SumCheckOutcome
    var code: String?
    var column: ColumnKey
}

/// The identities between standard tables: one quantity, two places.
enum CrossTableFinder {
    static func comparisons(_ facts: TableFacts) -> [CrossTableComparison] {
        var result: [CrossTableComparison] = []
        func compare(_ quantity: String, _ a: TableFigure?, _ b: TableFigure?, code: String? = nil, column: ColumnKey = ColumnKey(.total)) {
            guard let a, let b else { return }
            result.append(CrossTableComparison(quantity: quantity, first: a, second: b, outcome: SumCheck.compareSame(a.cell.figure, b.cell.figure),
                                               code: code, column: column))
        }
        let total = ColumnKey(.total)
        // Totals of the summary tables.
        let summaryIncome = facts.figure(.incomeExpenditureSummary, row: facts.totalRow(.incomeExpenditureSummary, side: .income), total)
        let summaryExpenditure = facts.figure(.incomeExpenditureSummary, row: facts.totalRow(.incomeExpenditureSummary, side: .expenditure), total)
        compare("收支总表的收入总计与支出总计", summaryIncome, summaryExpenditure)
        compare("支出总表合计与收支总表支出总计", facts.figure(.expenditureSummary, row: facts.totalRow(.expenditureSummary), total),
                facts.figure(.incomeExpenditureSummary, row: facts.yearTotalRow(.incomeExpenditureSummary, side: .expenditure), total))
        // A 收入总表 with a carry-over column adds up to 收入总计; one without (the 决算 收入决算表) to 本年收入合计.
        let incomeHasCarryover = facts.first(.incomeSummary)?.1.columns.contains { $0.key?.measure == .carryoverIn } ?? false
        compare("收入总表合计与收支总表收入总计", facts.figure(.incomeSummary, row: facts.totalRow(.incomeSummary), total),
                incomeHasCarryover ? summaryIncome
                    : facts.figure(.incomeExpenditureSummary, row: facts.yearTotalRow(.incomeExpenditureSummary, side: .income), total))
        let fiscalIncome = facts.figure(.fiscalSummary, row: facts.totalRow(.fiscalSummary, side: .income), total)
        let fiscalExpenditure = facts.figure(.fiscalSummary, row: facts.totalRow(.fiscalSummary, side: .expenditure), total)
        compare("财政拨款收支总表的收入总计与支出总计", fiscalIncome, fiscalExpenditure)
        // General budget.
        let generalBudgetTotal = facts.figure(.generalBudgetExpenditure, row: facts.totalRow(.generalBudgetExpenditure), total)
        compare("一般公共预算支出合计（财政拨款收支总表与一般公共预算支出表）",
                facts.figure(.fiscalSummary, row: facts.yearTotalRow(.fiscalSummary, side: .expenditure), ColumnKey(.generalBudget)), generalBudgetTotal)
        // A budget without carry-over spends its year's appropriation; with one (上年结转), or in a 决算, the
        // spending also draws on money carried over.
        let carriedOver = facts.namedRow(.fiscalSummary, side: .income, ["上年结转", "年初结转", "上年财政拨款结转"])
            .map { row in row.values.values.contains { !$0.figure.amount.isZero } } ?? false
        if !facts.isFinalAccounts, !carriedOver {
            compare("一般公共预算收入（财政拨款收支总表）与一般公共预算支出表合计",
                    facts.figure(.fiscalSummary, row: facts.namedRow(.fiscalSummary, side: .income, ["一般公共预算"]), total), generalBudgetTotal)
        }
        compare("一般公共预算基本支出（一般公共预算支出表与基本支出表）",
                facts.figure(.generalBudgetExpenditure, row: facts.totalRow(.generalBudgetExpenditure), ColumnKey(.basic)),
                facts.figure(.generalBudgetBasicExpenditure, row: facts.totalRow(.generalBudgetBasicExpenditure), total), column: ColumnKey(.basic))
        compare("政府性基金预算支出合计（财政拨款收支总表与政府性基金表）",
                facts.figure(.fiscalSummary, row: facts.yearTotalRow(.fiscalSummary, side: .expenditure), ColumnKey(.governmentFunds)),
                facts.figure(.governmentFundExpenditure, row: facts.totalRow(.governmentFundExpenditure), total))
        compare("国有资本经营预算支出合计（财政拨款收支总表与国有资本经营表）",
                facts.figure(.fiscalSummary, row: facts.yearTotalRow(.fiscalSummary, side: .expenditure), ColumnKey(.stateCapital)),
                facts.figure(.stateCapitalExpenditure, row: facts.totalRow(.stateCapitalExpenditure), total))
        // The summary's 财政拨款收入 is the year's appropriation: it is the fiscal summary's 本年收入合计, or
        // its grand total only when nothing was carried over into it (上年结转 is in the total, not the year's income).
        let fiscalYearIncome = facts.filledYearTotalRow(.fiscalSummary, side: .income)
            ?? (carriedOver ? facts.namedRow(.fiscalSummary, side: .income, ["本年收入", "财政拨款"]) : facts.totalRow(.fiscalSummary, side: .income))
        compare("财政拨款收入（收支总表与财政拨款收支总表）",
                facts.figure(.incomeExpenditureSummary, row: facts.namedRow(.incomeExpenditureSummary, side: .income, ["财政拨款收入", "财政拨款"]), total),
                facts.figure(.fiscalSummary, row: fiscalYearIncome, total))
        // Row by row: expenditure classes and codes.
        result += perCode(facts)
        return result
    }

    private static func perCode(_ facts: TableFacts) -> [CrossTableComparison] {
        var result: [CrossTableComparison] = []
        let total = ColumnKey(.total)
        func add(_ quantity: String, _ a: TableFigure?, _ b: TableFigure?, code: String, column: ColumnKey) {
            guard let a, let b else { return }
            result.append(CrossTableComparison(quantity: quantity, first: a, second: b, outcome: SumCheck.compareSame(a.cell.figure, b.cell.figure),
                                               code: code, column: column))
        }
        guard let (_, general) = facts.first(.generalBudgetExpenditure) else { return result }
        // The fiscal summary lists 一般公共预算 spending by class.
        for row in general.rows where row.code?.level == .class {
            guard let code = row.code?.digits else { continue }
            let fiscalRow = facts.row(.fiscalSummary, code: code, side: .expenditure)
            add("\(code) \(row.name)（财政拨款收支总表与一般公共预算支出表）", facts.figure(.fiscalSummary, row: fiscalRow, ColumnKey(.generalBudget)),
                facts.figure(.generalBudgetExpenditure, row: row, total), code: code, column: total)
        }
        // A budget's income and expenditure summaries list the same codes with the same totals. A 决算's
        // do not: a year's income by code is not its spending, which also draws on carried-over money.
        if !facts.isFinalAccounts, let (_, income) = facts.first(.incomeSummary), facts.first(.expenditureSummary) != nil {
            for row in income.rows {
                guard let code = row.code?.digits else { continue }
                add("\(code) \(row.name)（收入总表与支出总表）", facts.figure(.incomeSummary, row: row, total),
                    facts.figure(.expenditureSummary, row: facts.row(.expenditureSummary, code: code), total), code: code, column: total)
            }
        }
        // When every yuan is general-budget money, the expenditure summary repeats the general-budget table.
        if allMoneyIsGeneralBudget(facts), facts.first(.expenditureSummary) != nil {
            for row in general.rows {
                guard let code = row.code?.digits else { continue }
                for key in [ColumnKey(.total), ColumnKey(.basic), ColumnKey(.project)] {
                    add("\(code) \(row.name) \(key.chineseName)（支出总表与一般公共预算支出表）",
                        facts.figure(.expenditureSummary, row: facts.row(.expenditureSummary, code: code), key),
                        facts.figure(.generalBudgetExpenditure, row: row, key), code: code, column: key)
                }
            }
        }
        return result
    }

    /// Whether the summary's income total equals the general-budget appropriation.
    private static func allMoneyIsGeneralBudget(_ facts: TableFacts) -> Bool {
        let total = ColumnKey(.total)
        guard let income = facts.figure(.incomeExpenditureSummary, row: facts.totalRow(.incomeExpenditureSummary, side: .income), total),
              let general = facts.figure(.generalBudgetExpenditure, row: facts.totalRow(.generalBudgetExpenditure), total) else { return false }
        return income.cell.amount == general.cell.amount
    }
}
