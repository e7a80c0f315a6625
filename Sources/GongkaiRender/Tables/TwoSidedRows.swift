import GongkaiCore

/// Rows of a table with an income side on the left and an expenditure side on the right, padded to
/// the same length, then closing rows paired across the two sides (本年收入合计 beside 本年支出合计), with
/// the two totals side by side on the last (or first) row.
struct TwoSidedRows {
    /// One line of one side.
    struct Entry {
        var label: String
        var amounts: [Amount?]
        var isBold = false
    }

    let leftWidth: Int
    let rightWidth: Int

    func rows(left: [Entry], right: [Entry], closing: [(Entry?, Entry?)] = [], leftTotal: Entry, rightTotal: Entry, totalFirst: Bool) -> [RenderedRow] {
        var rows: [RenderedRow] = []
        for index in 0..<max(left.count, right.count) {
            let cells = cells(index < left.count ? left[index] : nil, width: leftWidth) + cells(index < right.count ? right[index] : nil, width: rightWidth)
            rows.append(RenderedRow(cells))
        }
        rows += closing.map { RenderedRow(cells($0.0, width: leftWidth) + cells($0.1, width: rightWidth)) }
        let total = RenderedRow(cells(leftTotal, width: leftWidth) + cells(rightTotal, width: rightWidth), isTotal: true)
        return totalFirst ? [total] + rows : rows + [total]
    }

    private func cells(_ entry: Entry?, width: Int) -> [RenderedCell] {
        guard let entry else { return Array(repeating: .blank, count: width + 1) }
        let amounts = entry.amounts.map { $0.map(RenderedCell.amount) ?? .blank }
        let cells = [.text(entry.label)] + amounts + Array(repeating: .blank, count: max(0, width - amounts.count))
        return cells.map { RenderedCell($0.content, bold: entry.isBold) }
    }
}
