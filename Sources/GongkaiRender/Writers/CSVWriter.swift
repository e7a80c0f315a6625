import Foundation

/// Writes each table of a rendered package as CSV: the header rows, then the body rows, amounts as
/// plain numbers in the table's unit. A byte-order mark lets spreadsheet programs detect UTF-8.
public enum CSVWriter {
    /// One CSV file per table: (file name, contents).
    public static func files(_ document: RenderedDocument) -> [(name: String, contents: String)] {
        document.tables.map { table in
            let name = [table.number, table.shortName].compactMap { $0 }.joined(separator: "-")
            return (FileNames.safe(name) + ".csv", csv(table))
        }
    }

    /// The CSV of one table.
    public static func csv(_ table: RenderedTable) -> String {
        var lines = ["\u{FEFF}" + row([[table.number, table.title].compactMap { $0 }.joined(separator: " ")]), row([table.unitLine])]
        lines += table.headerGrid.map(row)
        let body = table.bodyPlacement.textGrid(rowCount: table.rows.count, columnCount: table.columnCount) { cell in
            if case .amount(let amount) = cell.content {
                return amount.isZero && !table.showsZeros ? "" : amount.formatted(in: table.moneyUnit, decimals: table.decimals)
            }
            return table.text(of: cell.content)
        }
        lines += body.map(row)
        if let footnote = table.footnote { lines.append(row(["注：\(footnote)"])) }
        if let note = table.note { lines.append(row(["注：\(note)"])) }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func row(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",")
    }
}
