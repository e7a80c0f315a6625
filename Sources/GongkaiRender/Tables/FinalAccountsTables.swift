import GongkaiCore

/// The tables of a department's final accounts (决算) in the national template's layout: codes split
/// 类/款/项, 年初/年末结转和结余 where the template has them, and 预算数 beside 决算数 in the “三公” table.
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

    private func classes(_ lines: [ExpenditureLine], values: (LineSums) -> [Amount]) -> [Entry] {
        ExpenditureBreakdown.byFunction(lines).classRows.enumerated().map { index, row in
            Entry(label: context.ordinal(index + 1) + context.functionName(row.code), amounts: values(row.sums))
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
        var left = sources.enumerated().map { Entry(label: context.ordinal($0.offset + 1) + $0.element.0, amounts: [budget.income(from: $0.element.1)]) }
        left += [Entry(label: "本年收入合计", amounts: [yearIncome], isBold: true), Entry(label: "年初结转和结余", amounts: [carryIn])]
        var right = classes(budget.expenditure) { [$0.total] }
        right += [Entry(label: "本年支出合计", amounts: [spent], isBold: true), Entry(label: "年末结转和结余", amounts: [carryOut])]
        let rows = TwoSidedRows(leftWidth: 1, rightWidth: 1).rows(left: left, right: right, leftTotal: Entry(label: "总计", amounts: [yearIncome + carryIn]),
                                                                  rightTotal: Entry(label: "总计", amounts: [spent + carryOut]), totalFirst: false)
        let header = [[HeaderCell("收入", columns: 2), HeaderCell("支出", columns: 2)], ["项目", "决算数", "项目", "决算数"].map { HeaderCell($0) }]
        return context.table(entry, header: header, columns: 4, rows: rows)
    }

    /// 收入决算表: income by source for each 功能分类 code the money is spent on.
    private func income(_ entry: RenderLayout.Table) -> RenderedTable {
        let sources: [IncomeSource] = [.superiorGrants, .institutionRevenue, .operatingRevenue, .subordinateRemittances, .otherIncome]
        let rows = FunctionRows(context: context).rows(budget.expenditure) { sums in [sums.total, sums.fiscalAppropriation] + sources.map { sums.fund($0) } }
        let names = ["本年收入合计", "财政拨款收入", "上级补助收入", "事业收入", "经营收入", "附属单位上缴收入", "其他收入"]
        return context.table(entry, header: codeHeader(names), columns: 4 + names.count, rows: rows,
                             landscape: true)
    }

    /// 支出决算表.
    private func expenditure(_ entry: RenderLayout.Table) -> RenderedTable {
        let rows = FunctionRows(context: context).rows(budget.expenditure) { [$0.total, $0.basic, $0.project, .zero, .zero, .zero] }
        let names = ["本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出", "对附属单位补助支出"]
        return context.table(entry, header: codeHeader(names), columns: 4 + names.count, rows: rows,
                             landscape: true)
    }

    /// 财政拨款收入支出决算总表.
    private func fiscal(_ entry: RenderLayout.Table) -> RenderedTable {
        let lines = budget.fiscalLines
        let sums = LineSums.of(lines)
        let values: (LineSums) -> [Amount] = { sums in [sums.fiscalAppropriation] + Self.funds.map { sums.fund($0) } }
        let yearIncome = budget.fiscalIncome
        let carryIn = Amount.sum(Self.funds.map { budget.carryover(of: $0) })
        let carryOut = Amount.sum(Self.funds.map { budget.carryoverOut(of: $0) })
        var left = zip(["一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款"], Self.funds).enumerated().map { index, pair in
            Entry(label: context.ordinal(index + 1) + pair.0, amounts: [budget.income(from: pair.1)])
        }
        left += [Entry(label: "本年收入合计", amounts: [yearIncome], isBold: true), Entry(label: "年初财政拨款结转和结余", amounts: [carryIn])]
        var right = classes(lines, values: values)
        right += [Entry(label: "本年支出合计", amounts: values(sums), isBold: true),
                  Entry(label: "年末财政拨款结转和结余", amounts: [carryOut] + Self.funds.map { budget.carryoverOut(of: $0) })]
        let rows = TwoSidedRows(leftWidth: 1, rightWidth: 4).rows(
            left: left, right: right, leftTotal: Entry(label: "总计", amounts: [yearIncome + carryIn]),
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
        return context.table(entry, header: codeHeader(["合计", "基本支出", "项目支出"]), columns: 7, rows: rows,
                             emptyNote: lines.isEmpty ? context.emptyNote("一般公共预算财政拨款支出") : nil)
    }

    /// 一般公共预算财政拨款基本支出决算表: 人员经费 on the left, 公用经费 on the right, by 经济分类.
    private func basic(_ entry: RenderLayout.Table) -> RenderedTable {
        let lines = budget.lines(paidBy: .generalBudget)
        func side(_ kind: SpendingKind) -> [[RenderedCell]] {
            ExpenditureBreakdown.byEconomic(lines.filter { $0.kind == kind }).rows.map { row in
                [.code(row.code), .text(context.economicName(row.code)), .amount(row.sums.total)]
            }
        }
        let personnel = side(.personnel), publicCosts = side(.publicCosts)
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

    /// 财政拨款“三公”经费支出决算表: 预算数 and 决算数 side by side.
    private func threePublicCosts(_ entry: RenderLayout.Table) -> RenderedTable {
        let costs = budget.threePublicCosts
        let items = [costs.travelAbroad, costs.vehiclePurchase, costs.vehicleOperation, costs.reception]
        func values(_ pick: (CostItem) -> Amount) -> [Amount] {
            let amounts = items.map(pick)
            return [Amount.sum(amounts), amounts[0], amounts[1] + amounts[2], amounts[1], amounts[2], amounts[3]]
        }
        let group: [HeaderCell] = [HeaderCell("合计", rows: 2), HeaderCell("因公出国（境）费", rows: 2), HeaderCell("公务用车购置及运行费", columns: 3),
                                   HeaderCell("公务接待费", rows: 2)]
        let leaves = [HeaderCell("小计"), HeaderCell("公务用车购置费"), HeaderCell("公务用车运行费")]
        let header = [[HeaderCell("预算数", columns: 6), HeaderCell("决算数", columns: 6)], group + group, leaves + leaves]
        let row = RenderedRow((values { $0.budgeted ?? .zero } + values(\.amount)).map(RenderedCell.amount))
        let empty = items.allSatisfy { $0.amount.isZero && ($0.budgeted ?? .zero).isZero }
        return context.table(entry, header: header, columns: 12,
                             rows: [row], emptyNote: empty ? "本部门\(budget.year)年度无“三公”经费财政拨款支出，故此表无数据。" : nil, landscape: true)
    }

    /// 政府性基金 / 国有资本经营预算财政拨款收入支出决算表.
    private func fundTable(_ fund: IncomeSource, entry: RenderLayout.Table) -> RenderedTable {
        let lines = budget.lines(paidBy: fund)
        let breakdown = ExpenditureBreakdown.byFunction(lines)
        let body = breakdown.rows.map { row in
            RenderedRow(context.codeCells(row.code, parts: 3) + [.text(context.functionName(row.code)), .blank, .blank]
                        + [row.sums.total, row.sums.basic, row.sums.project].map(RenderedCell.amount) + [.blank])
        }
        let total = RenderedRow(Array(repeating: RenderedCell.blank, count: 3) + [.text("合计"), .amount(budget.carryover(of: fund)),
                                .amount(budget.income(from: fund))] + [breakdown.total.total, breakdown.total.basic, breakdown.total.project,
                                budget.carryoverOut(of: fund)].map(RenderedCell.amount), isTotal: true)
        let header = [[HeaderCell("项目", columns: 4), HeaderCell("年初结转和结余", rows: 3), HeaderCell("本年收入", rows: 3), HeaderCell("本年支出", columns: 3),
                       HeaderCell("年末结转和结余", rows: 3)],
                      [HeaderCell("功能分类科目编码", columns: 3), HeaderCell("科目名称", rows: 2), HeaderCell("合计", rows: 2), HeaderCell("基本支出", rows: 2),
                       HeaderCell("项目支出", rows: 2)],
                      [HeaderCell("类"), HeaderCell("款"), HeaderCell("项")]]
        let empty = lines.isEmpty && budget.income(from: fund).isZero && budget.carryover(of: fund).isZero
        let what = fund == .governmentFunds ? "政府性基金预算财政拨款收入和支出" : "国有资本经营预算财政拨款收入和支出"
        return context.table(entry, header: header, columns: 10, rows: body + [total],
                             emptyNote: empty ? "本部门\(budget.year)年度无\(what)，故此表无数据。" : nil, landscape: true)
    }

    /// A header of 项目 / 功能分类科目编码 (类 款 项) / 科目名称 and the amount columns `names`.
    private func codeHeader(_ names: [String]) -> [[HeaderCell]] {
        [[HeaderCell("项目", columns: 4), HeaderCell("决算数", columns: names.count)],
         [HeaderCell("功能分类科目编码", columns: 3), HeaderCell("科目名称", rows: 2)] + names.map { HeaderCell($0, rows: 2) },
         [HeaderCell("类"), HeaderCell("款"), HeaderCell("项")]]
    }
}
