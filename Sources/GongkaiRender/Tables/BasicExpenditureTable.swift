import GongkaiCore

/// 一般公共预算财政拨款基本支出表: general-budget 基本支出 by 经济分类 类/款, split 人员经费 / 公用经费.
struct BasicExpenditureTable {
    let context: TableContext

    func table() -> RenderedTable {
        let lines = context.budget.lines(paidBy: .generalBudget).filter { $0.kind.isBasic }
        let breakdown = ExpenditureBreakdown.byEconomic(lines)
        let values: (LineSums) -> [RenderedCell] = { [.amount($0.basic), .amount($0.personnel), .amount($0.publicCosts)] }
        let codeColumns = context.codeColumnCount(parts: 2)
        let body = breakdown.rows.map { row in
            RenderedRow(context.codeCells(row.code, parts: 2) + [.text(context.economicName(row.code))] + values(row.sums))
        }
        let year = context.budget.year
        let header: [[HeaderCell]]
        let rows: [RenderedRow]
        if context.isChongqing {
            header = [[HeaderCell("经济分类科目", columns: 2), HeaderCell("\(year)年基本支出", columns: 3)],
                      [HeaderCell("科目编码"), HeaderCell("科目名称"), HeaderCell("总计"), HeaderCell("人员经费"), HeaderCell("日常公用经费")]]
            rows = [RenderedRow([.text("合计"), .blank] + values(breakdown.total), isTotal: true)] + body
        } else {
            header = [[HeaderCell("项目", columns: 3), HeaderCell("一般公共预算基本支出", columns: 3)],
                      [HeaderCell("经济分类科目编码", columns: 2), HeaderCell("部门经济分类科目名称", rows: 2), HeaderCell("合计", rows: 2),
                       HeaderCell("人员经费", rows: 2), HeaderCell("公用经费", rows: 2)],
                      [HeaderCell("类"), HeaderCell("款")]]
            rows = body + [RenderedRow(Array(repeating: RenderedCell.blank, count: codeColumns) + [.text("合计")] + values(breakdown.total), isTotal: true)]
        }
        let name = context.isChongqing ? "一般公共预算财政拨款基本支出预算表" : "\(context.shanghaiPrefix)一般公共预算基本支出部门预算经济分类预算表"
        return context.table(.generalBudgetBasicExpenditure, name: name, shortName: "一般公共预算基本支出表", header: header,
                             columns: codeColumns + 4, rows: rows, emptyNote: lines.isEmpty ? context.emptyNote("一般公共预算基本支出") : nil)
    }
}
