import GongkaiRender

/// A plain data table as HTML: a caption, one header row of column headings, and rows whose first
/// cell heads its row. Amount columns are right-aligned. Every chart's numbers are printed in one.
public struct DataTable: Sendable {
    /// One cell: its text, and whether it is a number (right-aligned) or links somewhere.
    public struct Cell: Sendable {
        var text: String
        var isNumber: Bool
        var href: String?
        var className: String?

        /// A text cell.
        public static func text(_ text: String, href: String? = nil) -> Cell { Cell(text: text, isNumber: false, href: href) }
        /// A number cell.
        public static func number(_ text: String, className: String? = nil) -> Cell { Cell(text: text, isNumber: true, className: className) }
    }

    /// The caption.
    public var caption: String
    /// The column headings.
    public var columns: [String]
    /// The rows; the first cell of each heads it.
    public var rows: [[Cell]]
    /// The element id, if any.
    public var id: String?

    /// Creates a table.
    public init(caption: String, columns: [String], rows: [[Cell]], id: String? = nil) {
        self.caption = caption
        self.columns = columns
        self.rows = rows
        self.id = id
    }

    /// The HTML, in a box that scrolls sideways when the table is wider than the screen.
    public var html: String {
        var parts = ["<div class=\"scroll\"><table", id.map { " id=\"\(HTMLEscaping.escape($0))\"" } ?? "", "><caption>", HTMLEscaping.escape(caption),
                     "</caption><thead><tr>"]
        for (index, column) in columns.enumerated() {
            parts.append("<th scope=\"col\"\(index > 0 && rows.first.map { index < $0.count && $0[index].isNumber } == true ? " class=\"amount\"" : "")>")
            parts.append(HTMLEscaping.escape(column))
            parts.append("</th>")
        }
        parts.append("</tr></thead><tbody>")
        for row in rows {
            parts.append("<tr>")
            for (index, cell) in row.enumerated() {
                let tag = index == 0 ? "th" : "td"
                var classes = cell.isNumber ? ["amount"] : []
                if let name = cell.className { classes.append(name) }
                parts.append("<\(tag)\(index == 0 ? " scope=\"row\"" : "")\(classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\"")>")
                let text = HTMLEscaping.escape(cell.text)
                parts.append(cell.href.map { "<a href=\"\(HTMLEscaping.escape($0))\">\(text)</a>" } ?? text)
                parts.append("</\(tag)>")
            }
            parts.append("</tr>")
        }
        parts.append("</tbody></table></div>")
        return parts.joined()
    }
}
