import GongkaiCore

/// The tables of a department's final accounts (决算) in the national template's layout (D06): the
/// summary tables list the template's fixed 类 rows in its numbering, 使用非财政拨款结余 / 结余分配 and
/// 年初/年末结转和结余 where the template has them, codes and 合计 placed as the layout says, the
/// basic-expenditure table the template's fixed 经济分类 rows, and 预算数 beside 决算数 for each “三公”
/// item.
struct FinalAccountsTables {
    let context: TableContext

    private var budget: Budget { context.budget }
    private typealias Entry = TwoSidedRows.Entry
    private static let funds: [IncomeSource] = [.generalBudget, .governmentFunds, .stateCapital]

    /// The table `entry` names, or nil when the template has no table of its kind.
    func table(_ entry: RenderLayout.Table) -> RenderedTable? {
        switch entry.kind {
        case .incomeExpenditureSummary: incomeExpenditure(entry)
        case .incomeSummary: income(entry)
        case .expenditureSummary: expenditure(entry)
        case .fiscalSummary: fiscal(entry)
        case .generalBudgetExpenditure: generalBudget(entry)
        case .generalBudgetBasicExpenditure: basic(entry)
        case .threePublicCosts: threePublicCosts(entry)
        case .governmentFundExpenditure: fundTable(.governmentFunds, entry: entry)
        case .stateCapitalExpenditure: fundTable(.stateCapital, entry: entry)
        default: nil
        }
    }

    /// The 类 rows of a summary table: the entry's fixed codes in their order, with money or not, then
    /// any class with money the entry does not list; each numbered by its place.
    private func classes(_ lines: [ExpenditureLine], entry: RenderLayout.Table, values: (LineSums) -> [Amount]) -> [Entry] {
        let spent = ExpenditureBreakdown.byFunction(lines).classRows
        let fixed = entry.rowCodes ?? []
        let codes = fixed + spent.map(\.code).filter { !fixed.contains($0) }
        let none = values(LineSums.of([])).map { _ in Amount.zero }
        return codes.enumerated().map { index, code in
            Entry(label: context.classOrdinal(index + 1) + context.functionName(code), amounts: spent.first { $0.code == code }.map { values($0.sums) } ?? none)
        }
    }

    /// 收入支出决算总表.
    private func incomeExpenditure(_ entry: RenderLayout.Table) -> RenderedTable {
        let sources: [(String, IncomeSource)] = [
            ("一般公共预算财政拨款收入", .generalBudget), ("政府性基金预算财政拨款收入", .governmentFunds), ("国有资本经营预算财政拨款收入", .stateCapital),
            ("上级补助收入", .superiorGrants), ("事业收入", .institutionRevenue), ("经营收入", .operatingRevenue),
            ("附属单位上缴收入", .subordinateRemittances), ("其他收入", .otherIncome)]
        let yearIncome = Amount.sum(sources.map { budget.income(from: $0.1) })
        let carryIn = budget.income(from: .carryoverIn)
        let spent = budget.expenditureSums.total
        let carryOut = Amount.sum(budget.carryoverOut.map(\.amount))
        let left = sources.enumerated().map { Entry(label: context.ordinal($0.offset + 1) + $0.element.0, amounts: [budget.income(from: $0.element.1)]) }
        let right = classes(budget.expenditure, entry: entry) { [$0.total] }
        let closing: [(Entry?, Entry?)] = [
            (Entry(label: "本年收入合计", amounts: [yearIncome], isBold: true), Entry(label: "本年支出合计", amounts: [spent], isBold: true)),
            (Entry(label: "使用非财政拨款结余", amounts: [.zero]), Entry(label: "结余分配", amounts: [.zero])),
            (Entry(label: "年初结转和结余", amounts: [carryIn]), Entry(label: "年末结转和结余", amounts: [carryOut])),
        ]
        let rows = TwoSidedRows(leftWidth: 1, rightWidth: 1).rows(left: left, right: right, closing: closing,
                                                                  leftTotal: Entry(label: "总计", amounts: [yearIncome + carryIn]),
                                                                  rightTotal: Entry(label: "总计", amounts: [spent + carryOut]), totalFirst: false)
        let header = [[HeaderCell("收入", columns: 2), HeaderCell("支出", columns: 2)], ["项目", "决算数", "项目", "决算数"].map { HeaderCell($0) }]
        return context.table(entry, header: header, columns: 4, rows: rows)
    }

    /// 收入决算表: income by source for each 功能分类 code the money is spent on.
    private func income(_ entry: RenderLayout.Table) -> RenderedTable {
        let sources: [IncomeSource] = [.superiorGrants, .institutionRevenue, .operatingRevenue, .subordinateRemittances, .otherIncome]
        let rows = FunctionRows(context: context).rows(budget.expenditure) { sums in [sums.total, sums.fiscalAppropriation] + sources.map { sums.fund($0) } }
        let names = ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]
        return context.table(entry, header: codeHeader(names), columns: codeColumns + names.count, rows: rows, landscape: true)
    }

    /// 支出决算表.
    private func expenditure(_ entry: RenderLayout.Table) -> RenderedTable {
        let rows = FunctionRows(context: context).rows(budget.expenditure) { [$0.total, $0.basic, $0.project, .zero, .zero, .zero] }
        let names = ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"]
        return context.table(entry, header: codeHeader(names), columns: codeColumns + names.count, rows: rows, landscape: true)
    }

    /// 财政拨款收入支出决算总表.
    private func fiscal(_ entry: RenderLayout.Table) -> RenderedTable {
        let lines = budget.fiscalLines
        let sums = LineSums.of(lines)
        let values: (LineSums) -> [Amount] = { sums in [sums.fiscalAppropriation] + Self.funds.map { sums.fund($0) } }
        let yearIncome = budget.fiscalIncome
        let carryIn = Amount.sum(Self.funds.map { budget.carryover(of: $0) })
        let carryOut = Amount.sum(Self.funds.map { budget.carryoverOut(of: $0) })
        let left = zip(["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"], Self.funds).enumerated().map { index, pair in
            Entry(label: context.ordinal(index + 1) + pair.0, amounts: [budget.income(from: pair.1)])
        }
        let right = classes(lines, entry: entry, values: values)
        var closing: [(Entry?, Entry?)] = [
            (Entry(label: "本年收入合计", amounts: [yearIncome], isBold: true), Entry(label: "本年支出合计", amounts: values(sums), isBold: true)),
            (Entry(label: "年初财政拨款结转和结余", amounts: [carryIn]),
             Entry(label: "年末财政拨款结转和结余", amounts: [carryOut] + Self.funds.map { budget.carryoverOut(of: $0) })),
        ]
        closing += zip(["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"], Self.funds).enumerated().map { index, pair in
            (Entry(label: context.ordinal(index + 1) + pair.0, amounts: [budget.carryover(of: pair.1)]), nil)
        }
        let rows = TwoSidedRows(leftWidth: 1, rightWidth: 4).rows(
            left: left, right: right, closing: closing, leftTotal: Entry(label: "总计", amounts: [yearIncome + carryIn]),
            rightTotal: Entry(label: "总计", amounts: [sums.fiscalAppropriation + carryOut] + Self.funds.map { sums.fund($0) + budget.carryoverOut(of: $0) }),
            totalFirst: false)
        let header = [[HeaderCell("收入", columns: 2), HeaderCell("支出", columns: 5)],
                      ["项目", "决算数", "项目", "合计", "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"].map { HeaderCell($0) }]
        return context.table(entry, header: header, columns: 7, rows: rows)
    }

    /// 一般公共预算财政拨款支出决算表.
    private func generalBudget(_ entry: RenderLayout.Table) -> RenderedTable {
        let lines = budget.lines(paidBy: .generalBudget)
        let rows = FunctionRows(context: context).rows(lines) { [$0.total, $0.basic, $0.project] }
        return context.table(entry, header: codeHeader(["合计", "基本支出", "项目支出"]), columns: codeColumns + 3, rows: rows,
                             emptyNote: lines.isEmpty ? context.emptyNote("一般公共预算财政拨款支出") : nil)
    }

    /// 一般公共预算财政拨款基本支出决算表: 人员经费 (工资福利支出, 对个人和家庭的补助) on the left,
    /// 公用经费 on the right, by 经济分类 — the entry's fixed codes where it lists them.
    private func basic(_ entry: RenderLayout.Table) -> RenderedTable {
        let lines = budget.lines(paidBy: .generalBudget)
        let (personnel, publicCosts) = sides(lines, fixed: entry.rowCodes)
        let blank: [RenderedCell] = [.blank, .blank, .blank]
        var rows = (0..<max(personnel.count, publicCosts.count)).map { index in
            RenderedRow((index < personnel.count ? personnel[index] : blank) + (index < publicCosts.count ? publicCosts[index] : blank))
        }
        let sums = LineSums.of(lines)
        rows.append(RenderedRow([.text("人员经费合计", columns: 2), .amount(sums.personnel), .text("公用经费合计", columns: 2), .amount(sums.publicCosts)],
                                isTotal: true))
        let header = [[HeaderCell("人员经费", columns: 3), HeaderCell("公用经费", columns: 3)],
                      ["经济分类科目编码", "科目名称", "决算数", "经济分类科目编码", "科目名称", "决算数"].map { HeaderCell($0) }]
        return context.table(entry, header: header, columns: 6, rows: rows)
    }

    /// The two sides of the basic-expenditure table: without fixed codes, the codes each kind of
    /// spending uses; with them, every fixed code (人员经费 the 301 and 303 ones) with its amount, then
    /// any code with money the list lacks.
    private func sides(_ lines: [ExpenditureLine], fixed: [String]?) -> (personnel: [[RenderedCell]], publicCosts: [[RenderedCell]]) {
        func cells(_ code: String, _ amount: Amount) -> [RenderedCell] { [.code(code), .text(context.economicName(code)), .amount(amount)] }
        guard let fixed else {
            func side(_ kind: SpendingKind) -> [[RenderedCell]] {
                ExpenditureBreakdown.byEconomic(lines.filter { $0.kind == kind }).rows.map { cells($0.code, $0.sums.total) }
            }
            return (side(.personnel), side(.publicCosts))
        }
        let spent = ExpenditureBreakdown.byEconomic(lines.filter { $0.kind != .project }).rows
        let codes = fixed + spent.map(\.code).filter { !fixed.contains($0) }
        let rows = codes.map { code in (code, cells(code, spent.first { $0.code == code }?.sums.total ?? .zero)) }
        let isPersonnel: (String) -> Bool = { $0.hasPrefix("301") || $0.hasPrefix("303") }
        return (rows.filter { isPersonnel($0.0) }.map(\.1), rows.filter { !isPersonnel($0.0) }.map(\.1))
    }

    /// 财政拨款“三公”经费支出决算表: 预算数 beside 决算数 under each item, as the template pairs them.
    private func threePublicCosts(_ entry: RenderLayout.Table) -> RenderedTable {
        let costs = budget.threePublicCosts
        let items = [costs.travelAbroad, costs.vehiclePurchase, costs.vehicleOperation, costs.reception]
        func values(_ pick: (CostItem) -> Amount) -> [Amount] {
            let amounts = items.map(pick)
            return [Amount.sum(amounts), amounts[0], amounts[1] + amounts[2], amounts[1], amounts[2], amounts[3]]
        }
        let header = [
            [HeaderCell("合计", columns: 2, rows: 2), HeaderCell("因公出国（境）费", columns: 2, rows: 2), HeaderCell("公务用车购置及运行维护费", columns: 6),
             HeaderCell("公务接待费", columns: 2, rows: 2)],
            [HeaderCell("小计", columns: 2), HeaderCell("公务用车购置费", columns: 2), HeaderCell("公务用车运行维护费", columns: 2)],
            Array(repeating: [HeaderCell("预算数"), HeaderCell("决算数")], count: 6).flatMap { $0 },
        ]
        let paired = zip(values { $0.budgeted ?? .zero }, values(\.amount)).flatMap { [RenderedCell.amount($0.0), .amount($0.1)] }
        let empty = items.allSatisfy { $0.amount.isZero && ($0.budgeted ?? .zero).isZero }
        return context.table(entry, header: header, columns: 12,
                             rows: [RenderedRow(paired)], emptyNote: empty ? "本部门\(budget.year)年度无“三公”经费财政拨款支出，故此表无数据。" : nil, landscape: true)
    }

    /// 政府性基金 / 国有资本经营预算财政拨款收入支出决算表.
    private func fundTable(_ fund: IncomeSource, entry: RenderLayout.Table) -> RenderedTable {
        let lines = budget.lines(paidBy: fund)
        let breakdown = ExpenditureBreakdown.byFunction(lines)
        let body = breakdown.rows.map { row in
            RenderedRow(context.codeCells(row.code, parts: 3) + [.text(context.functionName(row.code)), .blank, .blank]
                        + [row.sums.total, row.sums.basic, row.sums.project].map(RenderedCell.amount) + [.blank])
        }
        let total = context.totalRow(parts: 3, [.amount(budget.carryover(of: fund)), .amount(budget.income(from: fund))]
                                     + [breakdown.total.total, breakdown.total.basic, breakdown.total.project, budget.carryoverOut(of: fund)].map(RenderedCell.amount))
        let codeHeading = context.joinsCodes ? [HeaderCell("功能分类科目编码", rows: 2)] : [HeaderCell("功能分类科目编码", columns: 3)]
        var header = [[HeaderCell("项目", columns: codeColumns), HeaderCell("年初结转和结余", rows: 3), HeaderCell("本年收入", rows: 3), HeaderCell("本年支出", columns: 3),
                       HeaderCell("年末结转和结余", rows: 3)],
                      codeHeading + [HeaderCell("科目名称", rows: 2), HeaderCell("合计", rows: 2), HeaderCell("基本支出", rows: 2), HeaderCell("项目支出", rows: 2)]]
        header.append(context.joinsCodes ? [] : [HeaderCell("类"), HeaderCell("款"), HeaderCell("项")])
        let empty = lines.isEmpty && budget.income(from: fund).isZero && budget.carryover(of: fund).isZero
        let what = fund == .governmentFunds ? "政府性基金预算财政拨款收入和支出" : "国有资本经营预算财政拨款收入和支出"
        return context.table(entry, header: header.filter { !$0.isEmpty }, columns: codeColumns + 6, rows: context.placing(total, with: body),
                             emptyNote: empty ? "本部门\(budget.year)年度无\(what)，故此表无数据。" : nil, landscape: true)
    }

    /// Columns before the amounts: the code (one column, or 类 款 项) and the name.
    private var codeColumns: Int { context.joinsCodes ? 2 : 4 }

    /// A header of 项目 over 功能分类科目编码 (joined, or split 类 款 项) and 科目名称, then the amount
    /// columns `names`.
    private func codeHeader(_ names: [String]) -> [[HeaderCell]] {
        if context.joinsCodes {
            return [[HeaderCell("项目", columns: 2)] + names.map { HeaderCell($0, rows: 2) },
                    [HeaderCell("功能分类科目编码"), HeaderCell("科目名称")]]
        }
        return [[HeaderCell("项目", columns: 4), HeaderCell("决算数", columns: names.count)],
                [HeaderCell("功能分类科目编码", columns: 3), HeaderCell("科目名称", rows: 2)] + names.map { HeaderCell($0, rows: 2) },
                [HeaderCell("类"), HeaderCell("款"), HeaderCell("项")]]
    }
}
