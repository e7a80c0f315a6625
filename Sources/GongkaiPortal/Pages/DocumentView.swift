import GongkaiCore
import GongkaiRender

/// A published package on its page: the 目录, the narrative by section and every table as the
/// package prints it (merged header cells, 编制单位 and 单位 lines, the notes under it), each with
/// the id search results and the 目录 link to.
enum DocumentView {
    static func html(_ document: RenderedDocument) -> String {
        var parts: [String] = []
        parts.append("<nav class=\"toc\" aria-labelledby=\"toc-heading\"><h2 id=\"toc-heading\">目录</h2><ol>")
        for entry in document.contentsEntries {
            let anchor: String
            switch entry.target {
            case .narrative: anchor = PageAnchors.section(0)
            case .section(let index): anchor = PageAnchors.section(index)
            case .tables: anchor = PageAnchors.tables
            case .table(let index): anchor = PageAnchors.table(index)
            }
            parts.append("<li><a href=\"#\(anchor)\">\(HTMLEscaping.escape(entry.text))</a></li>")
        }
        parts.append("</ol></nav>")
        let before = document.sectionsBeforeTables.count
        parts.append("<h2>\(HTMLEscaping.escape(document.narrativeTitle))</h2>")
        for (index, section) in document.sectionsBeforeTables.enumerated() { parts.append(self.section(section, index: index)) }
        parts.append("<h2 id=\"\(PageAnchors.tables)\">\(HTMLEscaping.escape(document.tablesHeading))</h2>")
        for (index, table) in document.tables.enumerated() { parts.append(self.table(table, index: index)) }
        for (offset, section) in document.trailingSections.enumerated() { parts.append(self.section(section, index: before + offset)) }
        return parts.joined()
    }

    private static func section(_ section: RenderedSection, index: Int) -> String {
        var parts = ["<section id=\"\(PageAnchors.section(index))\"><h3>\(HTMLEscaping.escape(section.heading))</h3>"]
        for paragraph in section.paragraphs {
            parts.append("<p>\(paragraph.lead.map { "<strong>\(HTMLEscaping.escape($0))</strong>" } ?? "")\(HTMLEscaping.escape(paragraph.text))</p>")
        }
        parts.append("</section>")
        return parts.joined()
    }

    private static func table(_ table: RenderedTable, index: Int) -> String {
        let title = [table.number, table.title].compactMap { $0 }.joined(separator: " ")
        var parts = ["<section id=\"\(PageAnchors.table(index))\" data-kind=\"\(table.kind.rawValue)\" data-name=\"\(HTMLEscaping.escape(table.shortName))\"><h3>\(HTMLEscaping.escape(title))</h3>"]
        parts.append("<p class=\"meta\">\(HTMLEscaping.escape([table.preparer.map { "编制单位：\($0)" }, table.unitLine].compactMap { $0 }.joined(separator: "　")))</p>")
        parts.append("<div class=\"scroll\"><table><caption>\(HTMLEscaping.escape(title))（\(HTMLEscaping.escape(table.unitLine))）</caption><thead>")
        for row in table.header {
            parts.append("<tr>")
            for cell in row {
                let scope = cell.columnSpan > 1 ? "colgroup" : "col"
                parts.append("<th scope=\"\(scope)\"\(spans(cell.columnSpan, cell.rowSpan))>\(HTMLEscaping.escape(cell.text))</th>")
            }
            parts.append("</tr>")
        }
        parts.append("</thead><tbody>")
        for row in table.rows {
            parts.append(row.isTotal ? "<tr class=\"total\">" : "<tr>")
            for cell in row.cells {
                let kind: String
                switch cell.content {
                case .amount: kind = " class=\"amount\""
                case .number: kind = " class=\"number\""
                case .code: kind = " class=\"code\""
                case .text, .blank: kind = cell.isBold ? " class=\"bold\"" : ""
                }
                parts.append("<td\(kind)\(spans(cell.columnSpan, cell.rowSpan))>\(HTMLEscaping.escape(table.text(of: cell.content)))</td>")
            }
            parts.append("</tr>")
        }
        parts.append("</tbody></table></div>")
        for note in [table.footnote, table.note].compactMap({ $0 }) { parts.append("<p class=\"meta\">注：\(HTMLEscaping.escape(note))</p>") }
        parts.append("</section>")
        return parts.joined()
    }

    private static func spans(_ columns: Int, _ rows: Int) -> String {
        (columns > 1 ? " colspan=\"\(columns)\"" : "") + (rows > 1 ? " rowspan=\"\(rows)\"" : "")
    }
}
