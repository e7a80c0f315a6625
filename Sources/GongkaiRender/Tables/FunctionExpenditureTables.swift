import GongkaiCore

/// Tables of expenditure by 功能分类 split 基本支出 / 项目支出: 支出总表 (all money) and the
/// 一般公共预算, 政府性基金 and 国有资本经营 expenditure tables (one fund each).
struct FunctionExpenditureTables {
    let context: TableContext

    /// 支出总表: all money.
    func expenditureSummary(_ entry: RenderLayout.Table) -> RenderedTable {
        table(entry, lines: context.budget.expenditure, emptyWhat: "支出预算")
    }

    /// The 一般公共预算 expenditure table.
    func generalBudget(_ entry: RenderLayout.Table) -> RenderedTable {
        table(entry, lines: context.budget.lines(paidBy: .generalBudget), emptyWhat: "一般公共预算财政拨款支出")
    }

    /// The 政府性基金预算 expenditure table.
    func governmentFunds(_ entry: RenderLayout.Table) -> RenderedTable {
        table(entry, lines: context.budget.lines(paidBy: .governmentFunds), emptyWhat: "政府性基金预算财政拨款安排的支出")
    }

    /// The 国有资本经营预算 expenditure table.
    func stateCapital(_ entry: RenderLayout.Table) -> RenderedTable {
        table(entry, lines: context.budget.lines(paidBy: .stateCapital), emptyWhat: "国有资本经营预算财政拨款安排的支出")
    }

    private func table(_ entry: RenderLayout.Table, lines: [ExpenditureLine], emptyWhat: String) -> RenderedTable {
        let functionRows = FunctionRows(context: context)
        let rows = functionRows.rows(lines) { [$0.total, $0.basic, $0.project] }
        let measures = context.measures(entry, usual: ["合计", "基本支出", "项目支出"]).map { HeaderCell($0) }
        let groupTitle = context.group(entry)
        let header: [[HeaderCell]]
        if context.joinsCodes {
            header = groupTitle.map { [[HeaderCell("功能分类科目", columns: 2), HeaderCell($0, columns: 3)], functionRows.leafHeader() + measures] }
                ?? [functionRows.leafHeader() + measures]
        } else {
            header = [[HeaderCell("项目", columns: 4), HeaderCell(groupTitle ?? "", columns: 3)],
                      [HeaderCell("功能分类科目编码", columns: 3), HeaderCell("功能分类科目名称", rows: 2)] + measures.map { HeaderCell($0.text, rows: 2) },
                      functionRows.leafHeader()]
        }
        return context.table(entry, header: header, columns: context.codeColumnCount(parts: 3) + 4, rows: rows,
                             emptyNote: lines.isEmpty ? context.emptyNote(emptyWhat) : nil)
    }
}
