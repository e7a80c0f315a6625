import GongkaiCore

/// The summary tables: 收支总表, 收入总表 and 财政拨款收支总表.
struct SummaryTables {
    let context: TableContext

    private var budget: Budget { context.budget }
    private typealias Entry = TwoSidedRows.Entry

    /// The 类 of `lines`, each with the amounts `values` asks of its sums; numbered (一、…) where the layout says.
    private func classEntries(_ lines: [ExpenditureLine], values: (LineSums) -> [Amount]) -> [Entry] {
        ExpenditureBreakdown.byFunction(lines).classRows.enumerated().map { index, row in
            Entry(label: context.classOrdinal(index + 1) + context.functionName(row.code), amounts: values(row.sums))
        }
    }

    /// 财政拨款收支总表: by fund in sections (本年收入, 上年结转) or as one numbered list.
    func fiscalSummary(_ entry: RenderLayout.Table) -> RenderedTable {
        let funds: [IncomeSource] = [.generalBudget, .governmentFunds, .stateCapital]
        let lines = budget.fiscalLines
        let sums = LineSums.of(lines)
        let values: (LineSums) -> [Amount] = { sums in [sums.fiscalAppropriation] + funds.map { sums.fund($0) } }
        let carryover = Amount.sum(funds.map { budget.carryover(of: $0) })
        let twoSided = TwoSidedRows(leftWidth: 1, rightWidth: 4)
        let rows: [RenderedRow]
        let header: [[HeaderCell]]
        let right = classEntries(lines, values: values)
        if entry.form == .fundSections {
            var left = [Entry(label: "一、本年收入", amounts: [budget.fiscalIncome], isBold: true)]
            left += zip(["一般公共预算资金", "政府性基金预算资金", "国有资本经营预算资金"], funds).map { Entry(label: $0, amounts: [budget.income(from: $1)]) }
            left.append(Entry(label: "二、上年结转", amounts: [carryover], isBold: true))
            left += zip(["一般公共预算拨款", "政府性基金预算拨款", "国有资本经营预算拨款"], funds).map { Entry(label: $0, amounts: [budget.carryover(of: $1)]) }
            let rightSide = [Entry(label: "一、本年支出", amounts: values(sums), isBold: true)] + right + [Entry(label: "二、结转下年", amounts: Array(repeating: .zero, count: 4), isBold: true)]
            rows = twoSided.rows(left: left, right: rightSide, leftTotal: Entry(label: "收入合计", amounts: [budget.fiscalIncome + carryover]),
                                 rightTotal: Entry(label: "支出合计", amounts: values(sums)), totalFirst: false)
            header = [[HeaderCell("收入", columns: 2), HeaderCell("支出", columns: 5)],
                      ["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"].map { HeaderCell($0) }]
        } else {
            var left = zip(["一般公共预算", "政府性基金预算", "国有资本经营预算"], funds).enumerated().map { index, pair in
                Entry(label: context.ordinal(index + 1) + pair.0, amounts: [budget.income(from: pair.1)])
            }
            if !carryover.isZero { left.append(Entry(label: context.ordinal(4) + "上年结转", amounts: [carryover])) }
            rows = twoSided.rows(left: left, right: right, leftTotal: Entry(label: "收入总计", amounts: [budget.fiscalIncome + carryover]),
                                 rightTotal: Entry(label: "支出总计", amounts: values(sums)), totalFirst: false)
            header = [[HeaderCell("财政拨款收入", columns: 2), HeaderCell("财政拨款支出", columns: 5)],
                      ["项目", "预算数", "项目", "合计", "一般公共预算", "政府性基金预算", "国有资本经营预算"].map { HeaderCell($0) }]
        }
        return context.table(entry, header: header, columns: 7, rows: rows,
                             emptyNote: lines.isEmpty ? context.emptyNote("财政拨款收支") : nil)
    }

    /// 收支总表: every income source against the 类 (totals on top), or 财政拨款收入 and the other sources
    /// against the 类 split by kind of spending.
    func incomeExpenditureSummary(_ entry: RenderLayout.Table) -> RenderedTable {
        let all = budget.expenditureSums
        let twoSided: TwoSidedRows
        let rows: [RenderedRow]
        let header: [[HeaderCell]]
        let columns: Int
        if entry.form == .bySource {
            let sources: [(String, IncomeSource)] = [
                ("一般公共预算资金", .generalBudget), ("政府性基金预算资金", .governmentFunds), ("国有资本经营预算资金", .stateCapital),
                ("财政专户管理资金", .specialAccountFunds), ("事业收入资金", .institutionRevenue), ("上级补助收入资金", .superiorGrants),
                ("附属单位上缴收入资金", .subordinateRemittances), ("事业单位经营收入资金", .operatingRevenue), ("其他收入资金", .otherIncome)]
            var left = sources.map { Entry(label: $0.0, amounts: [budget.income(from: $0.1)]) }
            let carryover = budget.income(from: .carryoverIn)
            if !carryover.isZero { left.append(Entry(label: "上年结转", amounts: [carryover])) }
            twoSided = TwoSidedRows(leftWidth: 1, rightWidth: 1)
            rows = twoSided.rows(left: left, right: classEntries(budget.expenditure) { [$0.total] },
                                 leftTotal: Entry(label: "合计", amounts: [budget.totalIncome]), rightTotal: Entry(label: "合计", amounts: [all.total]),
                                 totalFirst: true)
            header = [[HeaderCell("收入", columns: 2), HeaderCell("支出", columns: 2)], ["项目", "预算数", "项目", "预算数"].map { HeaderCell($0) }]
            columns = 4
        } else {
            var left = [Entry(label: "一、财政拨款收入", amounts: [budget.fiscalIncome])]
            left += zip(["1、一般公共预算", "2、政府性基金预算", "3、国有资本经营预算"], [IncomeSource.generalBudget, .governmentFunds, .stateCapital])
                .map { Entry(label: $0.0, amounts: [budget.income(from: $0.1)]) }
            var number = 2
            for source: IncomeSource in [.institutionRevenue, .operatingRevenue, .otherIncome, .specialAccountFunds, .superiorGrants, .subordinateRemittances, .carryoverIn]
            where [.institutionRevenue, .operatingRevenue, .otherIncome].contains(source) || !budget.income(from: source).isZero {
                left.append(Entry(label: context.ordinal(number) + source.chineseName, amounts: [budget.income(from: source)]))
                number += 1
            }
            twoSided = TwoSidedRows(leftWidth: 1, rightWidth: 4)
            let values: (LineSums) -> [Amount] = { [$0.total, $0.personnel, $0.publicCosts, $0.project] }
            rows = twoSided.rows(left: left, right: classEntries(budget.expenditure, values: values),
                                 leftTotal: Entry(label: "收入总计", amounts: [budget.totalIncome]), rightTotal: Entry(label: "支出总计", amounts: values(all)),
                                 totalFirst: false)
            header = [[HeaderCell("本年收入", columns: 2), HeaderCell("本年支出", columns: 5)],
                      [HeaderCell("项目", rows: 3), HeaderCell("预算数", rows: 3), HeaderCell("项目", rows: 3), HeaderCell("预算数", columns: 4)],
                      [HeaderCell("合计", rows: 2), HeaderCell("基本支出", columns: 2), HeaderCell("项目支出", rows: 2)],
                      [HeaderCell("人员经费"), HeaderCell("公用经费")]]
            columns = 7
        }
        return context.table(entry, header: header, columns: columns, rows: rows,
                             emptyNote: budget.expenditure.isEmpty ? context.emptyNote("收支预算") : nil)
    }

    /// 收入总表: income by source for each 功能分类 code the money is spent on; a column for every source, or
    /// 财政拨款收入 and the other sources the budget has.
    func incomeSummary(_ entry: RenderLayout.Table) -> RenderedTable {
        let functionRows = FunctionRows(context: context)
        let sources: [IncomeSource]
        let everySource = entry.form == .everySource
        if everySource {
            sources = [.carryoverIn, .generalBudget, .governmentFunds, .stateCapital, .specialAccountFunds, .institutionRevenue, .superiorGrants,
                       .subordinateRemittances, .operatingRevenue, .otherIncome]
        } else {
            sources = [.institutionRevenue, .operatingRevenue, .otherIncome] + [IncomeSource.specialAccountFunds, .superiorGrants, .subordinateRemittances, .carryoverIn]
                .filter { !budget.income(from: $0).isZero }
        }
        let rows = functionRows.rows(budget.expenditure) { sums in
            [sums.total] + (everySource ? [] : [sums.fiscalAppropriation]) + sources.map { sums.fund($0) }
        }
        let names = sources.map { $0 == .carryoverIn ? "上年结转" : $0.chineseName }
        let header: [[HeaderCell]]
        if everySource {
            header = [functionRows.leafHeader() + (["总计"] + names).map { HeaderCell($0) }]
        } else {
            header = [[HeaderCell("项目", columns: 4), HeaderCell("收入预算", columns: 2 + names.count)],
                      [HeaderCell("功能分类科目编码", columns: 3), HeaderCell("功能分类科目名称", rows: 2)] + (["合计", "财政拨款收入"] + names).map { HeaderCell($0, rows: 2) },
                      functionRows.leafHeader()]
        }
        let columns = context.codeColumnCount(parts: 3) + 2 + (everySource ? 0 : 1) + names.count
        return context.table(entry, header: header, columns: columns, rows: rows,
                             emptyNote: budget.expenditure.isEmpty ? context.emptyNote("收入预算") : nil, landscape: columns > 8)
    }
}
