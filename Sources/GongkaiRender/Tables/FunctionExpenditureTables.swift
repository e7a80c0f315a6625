import GongkaiCore

/// Tables of expenditure by 功能分类 split 基本支出 / 项目支出: 支出总表 (all money) and the
/// 一般公共预算, 政府性基金 and 国有资本经营 expenditure tables (one fund each).
struct FunctionExpenditureTables {
    let context: TableContext

    /// 部门支出总表 / 预算单位支出预算总表.
    func expenditureSummary() -> RenderedTable {
        let name = context.isChongqing ? "部门支出总表" : "\(context.shanghaiPrefix)支出预算总表"
        return table(.expenditureSummary, name: name, shortName: "\(context.profile.levelWord)支出总表", lines: context.budget.expenditure,
                     groupTitle: context.isChongqing ? nil : "支出预算", emptyWhat: "支出预算")
    }

    /// 一般公共预算财政拨款支出预算表 / 预算单位一般公共预算支出功能分类预算表.
    func generalBudget() -> RenderedTable {
        let year = context.budget.year
        let name = context.isChongqing ? "一般公共预算财政拨款支出预算表" : "\(context.shanghaiPrefix)一般公共预算支出功能分类预算表"
        return table(.generalBudgetExpenditure, name: name, shortName: "一般公共预算支出表", lines: context.budget.lines(paidBy: .generalBudget),
                     groupTitle: context.isChongqing ? "\(year)年预算数" : "一般公共预算支出", emptyWhat: "一般公共预算财政拨款支出")
    }

    /// 政府性基金预算支出表.
    func governmentFunds() -> RenderedTable {
        let name = context.isChongqing ? "政府性基金预算支出表" : "\(context.shanghaiPrefix)政府性基金预算支出功能分类预算表"
        return table(.governmentFundExpenditure, name: name, shortName: "政府性基金预算支出表", lines: context.budget.lines(paidBy: .governmentFunds),
                     groupTitle: context.isChongqing ? "本年政府性基金预算财政拨款支出" : "政府性基金预算支出", emptyWhat: "政府性基金预算财政拨款安排的支出")
    }

    /// 国有资本经营预算支出表.
    func stateCapital() -> RenderedTable {
        let name = context.isChongqing ? "国有资本经营预算支出表" : "\(context.shanghaiPrefix)国有资本经营预算支出功能分类预算表"
        return table(.stateCapitalExpenditure, name: name, shortName: "国有资本经营预算支出表", lines: context.budget.lines(paidBy: .stateCapital),
                     groupTitle: context.isChongqing ? "本年国有资本经营预算财政拨款支出" : "国有资本经营预算支出", emptyWhat: "国有资本经营预算财政拨款安排的支出")
    }

    private func table(_ kind: TableKind, name: String, shortName: String, lines: [ExpenditureLine], groupTitle: String?, emptyWhat: String) -> RenderedTable {
        let functionRows = FunctionRows(context: context)
        let rows = functionRows.rows(lines) { [$0.total, $0.basic, $0.project] }
        let measures = [HeaderCell(context.isChongqing ? "总计" : "合计"), HeaderCell("基本支出"), HeaderCell("项目支出")]
        let header: [[HeaderCell]]
        if context.isChongqing {
            header = groupTitle.map { [[HeaderCell("功能分类科目", columns: 2), HeaderCell($0, columns: 3)], functionRows.leafHeader() + measures] }
                ?? [functionRows.leafHeader() + measures]
        } else {
            header = [[HeaderCell("项目", columns: 4), HeaderCell(groupTitle ?? "", columns: 3)],
                      [HeaderCell("功能分类科目编码", columns: 3), HeaderCell("功能分类科目名称", rows: 2)] + measures.map { HeaderCell($0.text, rows: 2) },
                      functionRows.leafHeader()]
        }
        return context.table(kind, name: name, shortName: shortName, header: header, columns: context.codeColumnCount(parts: 3) + 4, rows: rows,
                             emptyNote: lines.isEmpty ? context.emptyNote(emptyWhat) : nil)
    }
}
