import Plot

/// Writes a rendered package as one print-ready HTML file: cover, 目录, narrative, and each table on
/// its own page (landscape when wide) with its header rows repeated across pages. Titles, headers and
/// subject names break between words only (``LineBreaks``).
public enum HTMLWriter {
    /// The HTML text; with `pages` (one per entry of the document's contents), the 目录 gives each
    /// entry's page, as the printed PDF does.
    public static func html(_ document: RenderedDocument, pages: [Int]? = nil) -> String {
        let names = [document.unitName]
        func words(_ text: String) -> Node<HTML.BodyContext> { wordNodes(text, names: names) }
        let pages = pages.flatMap { $0.count == document.contents.count ? $0 : nil }
        let page = HTML(
            .attribute(named: "lang", value: "zh-CN"),
            .head(
                .meta(.charset(.utf8)),
                // Plot's .title would also write the title, unescaped, into social-media meta tags.
                .element(named: "title", nodes: [.escaped(document.title)]),
                .raw("<style>\(PrintStyle.css(document.print))</style>")
            ),
            .body(
                .div(.class("cover"),
                     .h1(words(document.title)),
                     .group(document.coverLines.map { .p(.class("plain"), .escaped($0)) })),
                .element(named: "nav", nodes: [.class("contents"), .h1(.escaped("目录")),
                                               .ol(.group(document.contents.enumerated().map { index, entry in
                                                   .li(.span(.class("entry"), words(entry)), .span(.class("leader")),
                                                       .unwrap(pages) { .span(.class("page"), .escaped(String($0[index]))) })
                                               }))]),
                .h1(words(document.narrativeTitle)),
                .group(document.sectionsBeforeTables.map(section)),
                .h1(.class("tables-heading"), words(document.tablesHeading)),
                .group(document.tables.map { table($0, names: names) }),
                .group(document.trailingSections.enumerated().map { index, item in
                    index == 0 ? .div(.class("tables-heading"), section(item)) : section(item)
                })
            )
        )
        return page.render()
    }

    private static func section(_ section: RenderedSection) -> Node<HTML.BodyContext> {
        .group(
            .h2(.escaped(section.heading)),
            .group(section.paragraphs.map { paragraph in
                .p(.unwrap(paragraph.lead) { .span(.class("bold"), .escaped($0)) }, .escaped(paragraph.text))
            })
        )
    }

    private static func table(_ table: RenderedTable, names: [String]) -> Node<HTML.BodyContext> {
        func words(_ text: String) -> Node<HTML.BodyContext> { wordNodes(text, names: names) }
        let title = [table.number, table.title].compactMap { $0 }.joined(separator: "  ")
        let layout = table.printLayout
        return .element(named: "section", nodes: [
            .class(layout.isLandscape ? "table wide" : "table"),
            .attribute(named: "data-kind", value: table.kind.rawValue),
            .h2(words(title)),
            .div(.class("table-meta"),
                 .span(.escaped(table.preparer.map { "编制单位：\($0)" } ?? "")),
                 .span(.escaped(table.unitLine))),
            .table(
                .class("fixed"),
                .element(named: "colgroup", nodes: layout.columnWidths.map { width in
                    .selfClosedElement(named: "col", attributes: [.attribute(named: "style", value: "width: \(width)%")])
                }),
                .thead(.group(table.header.map { row in
                    .tr(.group(row.map { cell in
                        .th(.class(cell.rowSpan > 1 ? "top" : ""), spans(columns: cell.columnSpan, rows: cell.rowSpan), words(cell.text))
                    }))
                })),
                .tbody(.group(table.rows.map { row in
                    .tr(.group(row.cells.map { cell in
                        .td(.class(classes(of: cell, in: row)), spans(columns: cell.columnSpan, rows: cell.rowSpan),
                            cell.isLabel ? words(table.text(of: cell.content)) : .escaped(table.text(of: cell.content)))
                    }))
                }))
            ),
            .unwrap(table.footnote) { .p(.class("note"), .escaped("注：\($0)")) },
            .unwrap(table.note) { .p(.class("note"), .escaped("注：\($0)")) },
        ])
    }

    /// `text` with each word of two or more characters in a `span.w` that does not break.
    private static func wordNodes(_ text: String, names: [String]) -> Node<HTML.BodyContext> {
        .group(LineBreaks.standard.words(in: text, names: names).map { word in
            word.count > 1 ? .span(.class("w"), .escaped(word)) : .escaped(word)
        })
    }

    private static func classes(of cell: RenderedCell, in row: RenderedRow) -> String {
        var classes: [String] = []
        switch cell.content {
        case .amount: classes.append("amount")
        case .number: classes.append("number")
        case .code: classes.append("code")
        case .text, .blank: break
        }
        if cell.rowSpan > 1 { classes.append("top") }
        if cell.isLabel { classes.append("label") }
        if row.isTotal || cell.isBold { classes.append("bold") }
        return classes.joined(separator: " ")
    }

    private static func spans(columns: Int, rows: Int) -> Node<HTML.BodyContext> {
        .group(
            columns > 1 ? .attribute(named: "colspan", value: String(columns)) : .empty,
            rows > 1 ? .attribute(named: "rowspan", value: String(rows)) : .empty
        )
    }
}

extension Node {
    /// Text, escaped for HTML in one pass over its UTF-8 bytes (Plot's `.text` escapes character by
    /// character, which made it most of the cost of writing a package; see BENCHMARKS.md).
    public static func escaped(_ text: String) -> Node { .raw(HTMLEscaping.escape(text)) }
}

/// Escaping of text for HTML content and attribute values.
public enum HTMLEscaping {
    /// `text` with `&`, `<`, `>` and `"` replaced by entities; returned unchanged when it has none.
    public static func escape(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return text }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: bytes += Array("&amp;".utf8)
            case 0x3C: bytes += Array("&lt;".utf8)
            case 0x3E: bytes += Array("&gt;".utf8)
            case 0x22: bytes += Array("&quot;".utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
