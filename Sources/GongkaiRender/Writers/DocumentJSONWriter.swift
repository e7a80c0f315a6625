import Foundation
import GongkaiCore

/// Writes a rendered package as JSON: metadata, the narrative, and every table with its header and
/// cells, each amount both as printed and exactly in 元.
public enum DocumentJSONWriter {
    private struct Output: Encodable {
        var profile: String
        var unit: String
        var year: Int
        var kind: String
        var level: String
        var title: String
        var sections: [RenderedSection]
        var tables: [Table]
    }

    private struct Table: Encodable {
        var kind: String
        var number: String?
        var title: String
        var preparer: String?
        var unit: String
        var decimals: Int
        var header: [[HeaderCell]]
        var rows: [[Cell]]
        var note: String?
    }

    private struct Cell: Encodable {
        var text: String
        var yuan: String?
        var columnSpan: Int?
        var rowSpan: Int?
        var bold: Bool?
    }

    /// The JSON text.
    public static func json(_ document: RenderedDocument) throws -> String {
        let output = Output(
            profile: document.profileID, unit: document.unitName, year: document.year, kind: document.kind.rawValue, level: document.level.rawValue,
            title: document.title, sections: document.sections,
            tables: document.tables.map { table in
                Table(kind: table.kind.rawValue, number: table.number, title: table.title, preparer: table.preparer, unit: table.moneyUnit.chineseName,
                      decimals: table.decimals, header: table.header,
                      rows: table.rows.map { row in
                          row.cells.map { cell in
                              var yuan: String?
                              if case .amount(let amount) = cell.content { yuan = amount.formatted(in: .yuan, decimals: 2) }
                              return Cell(text: table.text(of: cell.content), yuan: yuan, columnSpan: cell.columnSpan > 1 ? cell.columnSpan : nil,
                                          rowSpan: cell.rowSpan > 1 ? cell.rowSpan : nil, bold: row.isTotal || cell.isBold ? true : nil)
                          }
                      }, note: table.note)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(output), as: UTF8.self)
    }
}
