import GongkaiCore

/// 一般公共预算财政拨款基本支出表: general-budget 基本支出 by 经济分类 类/款, split 人员经费 / 公用经费.
struct BasicExpenditureTable {
    let context: TableContext

    func table(_ entry: RenderLayout.Table) -> RenderedTable {
        let lines = context.budget.lines(paidBy: .generalBudget).filter { $0.kind.isBasic }
        let breakdown = ExpenditureBreakdown.byEconomic(lines)
        let values: (LineSums) -> [RenderedCell] = { [.amount($0.basic), .amount($0.personnel), .amount($0.publicCosts)] }
        let codeColumns = context.codeColumnCount(parts: 2)
        let body = breakdown.rows.map { row in
            RenderedRow(context.codeCells(row.code, parts: 2) + [.text(context.economicName(row.code))] + values(row.sums))
        }
        let measures = context.measures(entry, usual: ["合计", "人员经费", "公用经费"])
        let group = context.group(entry) ?? ""
        let header: [[HeaderCell]]
        if context.joinsCodes {
            header = [[HeaderCell("经济分类科目", columns: 2), HeaderCell(group, columns: 3)],
                      [HeaderCell("科目编码"), HeaderCell("科目名称")] + measures.map { HeaderCell($0) }]
        } else {
            header = [[HeaderCell("项目", columns: 3), HeaderCell(group, columns: 3)],
                      [HeaderCell("经济分类科目编码", columns: 2), HeaderCell("部门经济分类科目名称", rows: 2)] + measures.map { HeaderCell($0, rows: 2) },
                      [HeaderCell("类"), HeaderCell("款")]]
        }
        return context.table(entry, header: header, columns: codeColumns + 4,
                             rows: context.placing(context.totalRow(parts: 2, values(breakdown.total)), with: body),
                             emptyNote: lines.isEmpty ? context.emptyNote("一般公共预算基本支出") : nil)
    }
}
