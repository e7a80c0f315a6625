import GongkaiCore

/// Rows of a table with an income side on the left and an expenditure side on the right, padded to
/// the same length, with the two totals side by side on the last (or first) row.
struct TwoSidedRows {
    /// One line of one side.
    struct Entry {
        var label: String
        var amounts: [Amount?]
        var isBold = false
    }

    let leftWidth: Int
    let rightWidth: Int

    func rows(left: [Entry], right: [Entry], leftTotal: Entry, rightTotal: Entry, totalFirst: Bool) -> [RenderedRow] {
        var rows: [RenderedRow] = []
        for index in 0..<max(left.count, right.count) {
            let cells = cells(index < left.count ? left[index] : nil, width: leftWidth) + cells(index < right.count ? right[index] : nil, width: rightWidth)
            rows.append(RenderedRow(cells))
        }
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
