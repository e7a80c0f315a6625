import GongkaiCore

/// Rows of a table keyed by 功能分类 code: a 合计 row and one row per 类, 款 and 项, each with the
/// amounts a table asks of the code's sums. The 合计 row goes where the layout puts totals.
struct FunctionRows {
    let context: TableContext

    func rows(_ lines: [ExpenditureLine], values: (LineSums) -> [Amount]) -> [RenderedRow] {
        let breakdown = ExpenditureBreakdown.byFunction(lines)
        let total = context.totalRow(parts: 3, values(breakdown.total).map(RenderedCell.amount))
        let body = breakdown.rows.map { row in
            RenderedRow(context.codeCells(row.code, parts: 3) + [.text(context.functionName(row.code))] + values(row.sums).map(RenderedCell.amount))
        }
        return context.placing(total, with: body)
    }

    /// The header cells naming the code and name columns, for the leaf header row.
    func leafHeader() -> [HeaderCell] {
        context.joinsCodes ? [HeaderCell("科目编码"), HeaderCell("科目名称")] : [HeaderCell("类"), HeaderCell("款"), HeaderCell("项")]
    }
}
