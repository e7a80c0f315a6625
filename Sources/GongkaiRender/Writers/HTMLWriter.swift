import Plot

/// Writes a rendered package as one print-ready HTML file: cover, narrative, and each table on its
/// own page (landscape when wide) with its header rows repeated across pages.
public enum HTMLWriter {
    /// The HTML text.
    public static func html(_ document: RenderedDocument) -> String {
        let page = HTML(
            .attribute(named: "lang", value: "zh-CN"),
            .head(
                .meta(.charset(.utf8)),
                .title(document.title),
                .raw("<style>\(PrintStyle.css)</style>")
            ),
            .body(
                .div(.class("cover"),
                     .h1(.text(document.title)),
                     .group(document.coverLines.map { .p(.class("plain"), .text($0)) })),
                .h1(.text(document.narrativeTitle)),
                .group(document.sectionsBeforeTables.map(section)),
                .h1(.class("tables-heading"), .text(document.tablesHeading)),
                .group(document.tables.map(table)),
                .group(document.trailingSections.enumerated().map { index, item in
                    index == 0 ? .div(.class("tables-heading"), section(item)) : section(item)
                })
            )
        )
        return page.render()
    }

    private static func section(_ section: RenderedSection) -> Node<HTML.BodyContext> {
        .group(
            .h2(.text(section.heading)),
            .group(section.paragraphs.map { paragraph in
                .p(.unwrap(paragraph.lead) { .span(.class("bold"), .text($0)) }, .text(paragraph.text))
            })
        )
    }

    private static func table(_ table: RenderedTable) -> Node<HTML.BodyContext> {
        let title = [table.number, table.title].compactMap { $0 }.joined(separator: "  ")
        return .element(named: "section", nodes: [
            .class(table.isLandscape ? "table wide" : "table"),
            .attribute(named: "data-kind", value: table.kind.rawValue),
            .h2(.text(title)),
            .div(.class("table-meta"),
                 .span(.text(table.preparer.map { "编制单位：\($0)" } ?? "")),
                 .span(.text(table.unitLine))),
            .table(
                .class("fixed"),
                .element(named: "colgroup", nodes: table.effectiveColumnWidths.map { width in
                    .selfClosedElement(named: "col", attributes: [.attribute(named: "style", value: "width: \(width)%")])
                }),
                .thead(.group(table.header.map { row in
                    .tr(.group(row.map { cell in
                        .th(.class(cell.rowSpan > 1 ? "top" : ""), spans(columns: cell.columnSpan, rows: cell.rowSpan), .text(cell.text))
                    }))
                })),
                .tbody(.group(table.rows.map { row in
                    .tr(.group(row.cells.map { cell in
                        .td(.class(classes(of: cell, in: row)), spans(columns: cell.columnSpan, rows: cell.rowSpan), .text(table.text(of: cell.content)))
                    }))
                }))
            ),
            .unwrap(table.note) { .p(.class("note"), .text("注：\($0)")) },
        ])
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
