import GongkaiCore

extension TableFacts {
    /// The figure the tables give for a quantity, or nil when no table shows it (or the table is blank).
    func figure(for key: QuantityKey) -> TableFigure? {
        let total = ColumnKey(.total)
        switch key {
        case .totalIncome:
            return figure(.incomeExpenditureSummary, row: totalRow(.incomeExpenditureSummary, side: .income), total)
                ?? figure(.incomeSummary, row: totalRow(.incomeSummary), total)
        case .totalExpenditure:
            return figure(.incomeExpenditureSummary, row: totalRow(.incomeExpenditureSummary, side: .expenditure), total)
                ?? figure(.expenditureSummary, row: totalRow(.expenditureSummary), total)
        case .yearIncome:
            return figure(.incomeExpenditureSummary, row: yearTotalRow(.incomeExpenditureSummary, side: .income), total)
                ?? figure(.incomeSummary, row: totalRow(.incomeSummary), total)
        case .yearExpenditure:
            return figure(.incomeExpenditureSummary, row: yearTotalRow(.incomeExpenditureSummary, side: .expenditure), total)
                ?? figure(.expenditureSummary, row: totalRow(.expenditureSummary), total)
        case .fiscalIncome:
            return figure(.fiscalSummary, row: totalRow(.fiscalSummary, side: .income), total)
                ?? figure(.incomeExpenditureSummary, row: namedRow(.incomeExpenditureSummary, side: .income, ["财政拨款"]), total)
        case .fiscalExpenditure:
            return figure(.fiscalSummary, row: totalRow(.fiscalSummary, side: .expenditure), total)
        case .fiscalYearIncome:
            // Without a 本年收入 row, the 收入总计 of a summary that lists 上年结转 is not the year's income.
            let carriedOver = namedRows(.fiscalSummary, side: .income, ["上年结转", "年初结转", "年初财政拨款结转"])
                .contains { row in row.values.values.contains { !$0.figure.amount.isZero } }
            let yearRow = filledYearTotalRow(.fiscalSummary, side: .income) ?? (carriedOver ? nil : totalRow(.fiscalSummary, side: .income))
            return figure(.fiscalSummary, row: yearRow, total)
                ?? figure(.incomeExpenditureSummary, row: namedRow(.incomeExpenditureSummary, side: .income, ["财政拨款"]), total)
        case .fiscalYearExpenditure:
            return figure(.fiscalSummary, row: yearTotalRow(.fiscalSummary, side: .expenditure), total)
        case let .income(measure), let .currentIncome(measure):
            let words = incomeWords(measure)
            // The fund listed twice, this year's and carried over (本年收入 › 一般公共预算资金; 上年结转 ›
            // 一般公共预算资金): a figure not said to be this year's may be either or both, so neither is
            // compared; this year's is the first.
            let listed = namedRows(.fiscalSummary, side: .income, words).filter { row in row.values.values.contains { !$0.figure.amount.isZero } }
            if case .income = key, listed.count > 1 { return nil }
            if let row = namedRow(.fiscalSummary, side: .income, words), let found = figure(.fiscalSummary, row: row, total) { return found }
            if let row = namedRow(.incomeExpenditureSummary, side: .income, words) {
                return figure(.incomeExpenditureSummary, row: row, total) ?? zero(.incomeExpenditureSummary, row: row)
            }
            if let row = totalRow(.incomeSummary), let found = figure(.incomeSummary, row: row, ColumnKey(measure)) { return found }
            return nil
        case let .expenditure(measure):
            switch measure {
            case .generalBudget:
                return figure(.generalBudgetExpenditure, row: totalRow(.generalBudgetExpenditure), total)
                    ?? figure(.fiscalSummary, row: totalRow(.fiscalSummary, side: .expenditure), ColumnKey(.generalBudget))
            case .governmentFunds:
                return figure(.fiscalSummary, row: totalRow(.fiscalSummary, side: .expenditure), ColumnKey(.governmentFunds))
                    ?? figure(.governmentFundExpenditure, row: totalRow(.governmentFundExpenditure), total)
            case .stateCapital:
                return figure(.fiscalSummary, row: totalRow(.fiscalSummary, side: .expenditure), ColumnKey(.stateCapital))
                    ?? figure(.stateCapitalExpenditure, row: totalRow(.stateCapitalExpenditure), total)
            default:
                return nil
            }
        case let .spending(measure, generalBudget):
            switch measure {
            case .personnel, .publicCosts:
                return figure(.generalBudgetBasicExpenditure, row: totalRow(.generalBudgetBasicExpenditure), ColumnKey(measure))
            default:
                let general = figure(.generalBudgetExpenditure, row: totalRow(.generalBudgetExpenditure), ColumnKey(measure))
                    ?? zeroColumn(.generalBudgetExpenditure, ColumnKey(measure))
                let all = figure(.expenditureSummary, row: totalRow(.expenditureSummary), ColumnKey(measure))
                return generalBudget ? general ?? all : all ?? general
            }
        case let .threePublic(measure):
            guard let (index, table) = first(.threePublicCosts) else { return nil }
            let stage: Stage = table.columns.contains { $0.key?.stage == .final } ? .final : .current
            guard let row = table.rows.first(where: \.hasData) ?? table.rows.first(where: { !$0.values.isEmpty }),
                  let cell = row.values[ColumnKey(measure, stage: stage)] ?? zeroCell(table, ColumnKey(measure, stage: stage), row) else { return nil }
            return TableFigure(cell: cell, tableIndex: index, table: DisclosureTableRef(kind: .threePublicCosts, title: table.title), row: row)
        case let .function(code, fiscal):
            let order: [TableKind] = fiscal ? [.generalBudgetExpenditure, .expenditureSummary, .incomeExpenditureSummary]
                : [.expenditureSummary, .incomeExpenditureSummary, .generalBudgetExpenditure]
            for kind in order {
                let side: TableSide? = kind == .incomeExpenditureSummary ? .expenditure : nil
                if let row = row(kind, code: code, side: side), let found = figure(kind, row: row, total) { return found }
            }
            return nil
        }
    }

    private func incomeWords(_ measure: Measure) -> [String] {
        switch measure {
        case .generalBudget: ["一般公共预算"]
        case .governmentFunds: ["政府性基金"]
        case .stateCapital: ["国有资本经营"]
        case .institutionRevenue: ["事业收入"]
        case .operatingRevenue: ["事业单位经营收入", "经营收入"]
        case .otherIncome: ["其他收入"]
        case .superiorGrants: ["上级补助收入"]
        case .subordinateRemittances: ["附属单位上缴收入"]
        case .specialAccountFunds: ["财政专户"]
        default: [measure.chineseName]
        }
    }

    /// A blank cell of a listed row reads as 0.
    private func zero(_ kind: TableKind, row: TableRow) -> TableFigure? {
        guard let (index, table) = first(kind), !table.rows.filter(\.hasData).isEmpty else { return nil }
        let cell = CellFigure(figure: Figure(amount: .zero, unit: table.effectiveUnit, decimals: 2), text: "（空白）", location: row.location)
        return TableFigure(cell: cell, tableIndex: index, table: DisclosureTableRef(kind: kind, title: table.title), row: row)
    }

    /// A column that exists but is blank in the total row reads as 0.
    private func zeroColumn(_ kind: TableKind, _ key: ColumnKey) -> TableFigure? {
        guard let (_, table) = first(kind), table.columns.contains(where: { $0.key == key }), let row = totalRow(kind) else { return nil }
        return zero(kind, row: row)
    }

    private func zeroCell(_ table: DisclosureTable, _ key: ColumnKey, _ row: TableRow) -> CellFigure? {
        guard table.columns.contains(where: { $0.key == key }), row.hasData else { return nil }
        return CellFigure(figure: Figure(amount: .zero, unit: table.effectiveUnit, decimals: 2), text: "（空白）", location: row.location)
    }
}
