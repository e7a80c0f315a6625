import Foundation

/// Reads the cells with a value and the merged ranges of one worksheet part.
final class WorksheetHandler: XMLContentHandler {
    private let sharedStrings: [String]
    private let numberFormats: NumberFormatTable
    private let cellLimit: Int
    private(set) var remainingCells: Int
    private(set) var cells: [XLSXCell] = []
    private(set) var mergedRanges: [XLSXRange] = []

    private var currentRow = 0
    private var nextColumn = 1
    private var pendingCell: PendingCell?
    private var capture = Capture.none
    private var phoneticDepth = 0

    private enum Capture {
        case none
        case value
        case inlineText
    }

    /// What is known of a `<c>` element until it closes.
    private struct PendingCell {
        let row: Int
        let column: Int
        let type: String
        let style: Int?
        var value: String?
        var inlineText: String?
    }

    /// A handler that resolves shared strings and styles with the given tables and accepts at
    /// most `remainingCells` more of the workbook's `cellLimit` cells.
    init(sharedStrings: [String], numberFormats: NumberFormatTable, remainingCells: Int, cellLimit: Int) {
        self.sharedStrings = sharedStrings
        self.numberFormats = numberFormats
        self.remainingCells = remainingCells
        self.cellLimit = cellLimit
    }

    func startElement(_ name: String, attributes: XMLAttributes) throws(XMLContentIssue) {
        switch name {
        case "row":
            try startRow(attributes)
        case "c":
            try startCell(attributes)
        case "v" where pendingCell != nil:
            if pendingCell?.value == nil { pendingCell?.value = "" }
            capture = .value
        case "is" where pendingCell != nil:
            pendingCell?.inlineText = ""
            phoneticDepth = 0
        case "rPh":
            phoneticDepth += 1
        case "t" where pendingCell?.inlineText != nil && phoneticDepth == 0:
            capture = .inlineText
        case "mergeCell":
            guard let reference = attributes["ref"], let range = XLSXRange(reference: reference) else {
                throw .invalid("合并区域「\(snippet(attributes["ref"] ?? ""))」不是有效的单元格范围")
            }
            mergedRanges.append(range)
        default:
            break
        }
    }

    func endElement(_ name: String) throws(XMLContentIssue) {
        switch name {
        case "v", "t":
            capture = .none
        case "rPh":
            phoneticDepth = max(0, phoneticDepth - 1)
        case "c":
            capture = .none
            if let pending = pendingCell { try finish(pending) }
            pendingCell = nil
        default:
            break
        }
    }

    func characters(_ text: String) {
        switch capture {
        case .none: break
        case .value: pendingCell?.value?.append(text)
        case .inlineText: pendingCell?.inlineText?.append(text)
        }
    }

    /// The cells in row-then-column order; when a position appears twice, the later one wins.
    func sortedCells() -> [XLSXCell] {
        let isStrictlyOrdered = zip(cells, cells.dropFirst()).allSatisfy { ($0.row, $0.column) < ($1.row, $1.column) }
        guard !isStrictlyOrdered else { return cells }
        var latest: [Int: XLSXCell] = [:]
        for cell in cells { latest[cell.row * (XLSXCellReference.maxColumn + 1) + cell.column] = cell }
        return latest.values.sorted { ($0.row, $0.column) < ($1.row, $1.column) }
    }

    private func startRow(_ attributes: XMLAttributes) throws(XMLContentIssue) {
        if let number = attributes["r"] {
            guard let row = Int(number), (1...XLSXCellReference.maxRow).contains(row) else {
                throw .invalid("行号「\(snippet(number))」无效")
            }
            currentRow = row
        } else {
            // A row without a number follows the previous one.
            guard currentRow < XLSXCellReference.maxRow else { throw .invalid("行数超过了 \(XLSXCellReference.maxRow) 行") }
            currentRow += 1
        }
        nextColumn = 1
    }

    private func startCell(_ attributes: XMLAttributes) throws(XMLContentIssue) {
        let position: (row: Int, column: Int)
        if let reference = attributes["r"] {
            guard let parsed = XLSXCellReference.parse(reference) else { throw .invalid("单元格引用「\(snippet(reference))」无效") }
            position = parsed
        } else {
            // A cell without a reference takes the next column of the current row.
            guard currentRow > 0, nextColumn <= XLSXCellReference.maxColumn else {
                throw .invalid("单元格没有引用，也无法从所在行推出位置")
            }
            position = (currentRow, nextColumn)
        }
        nextColumn = position.column + 1
        pendingCell = PendingCell(row: position.row, column: position.column, type: attributes["t"] ?? "n",
                                  style: attributes["s"].flatMap { Int($0) })
    }

    private func finish(_ pending: PendingCell) throws(XMLContentIssue) {
        let reference = XLSXCellReference.columnName(pending.column) + String(pending.row)
        guard let value = try CellValueDecoder.value(type: pending.type, rawValue: pending.value,
                                                     inlineText: pending.inlineText, sharedStrings: sharedStrings,
                                                     reference: reference)
        else { return }
        guard remainingCells > 0 else {
            throw XMLContentIssue(kind: .limitExceeded, detail: "有值的单元格超过 \(cellLimit) 个的上限")
        }
        remainingCells -= 1
        cells.append(XLSXCell(row: pending.row, column: pending.column, value: value,
                              numberFormat: pending.style.flatMap { numberFormats.code(forStyle: $0) }))
    }
}
