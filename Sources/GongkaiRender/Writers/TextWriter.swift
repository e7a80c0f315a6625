/// Writes a rendered package as text in the layout the seed disclosure uses: markdown headings and
/// paragraphs, tables as tab-separated lines with merged cells left blank. `gongkai check` reads it
/// back, which is how the rule catalog runs on rendered output.
public enum TextWriter {
    /// The text.
    public static func text(_ document: RenderedDocument) -> String {
        // The 目录 first, one entry a line with its leader dots (the text has no pages to number).
        var out: [String] = ["目录"] + document.contents.map { "\($0)……" } + ["", "# \(document.narrativeTitle)", ""]
        func write(_ sections: [RenderedSection]) {
            for section in sections {
                out += ["## \(section.heading)", ""]
                for paragraph in section.paragraphs {
                    out += [(paragraph.lead.map { "**\($0)**" } ?? "") + paragraph.text, ""]
                }
            }
        }
        write(document.sectionsBeforeTables)
        out += ["# \(document.tablesHeading)", ""]
        for table in document.tables {
            out += ["## \(table.number.map { "\($0) " } ?? "")\(table.title)", ""]
            if let preparer = table.preparer { out += ["编制单位：\(preparer)", ""] }
            out += [table.unitLine, ""]
            out += table.headerGrid.map { $0.joined(separator: "\t") }
            let bold = table.boldGrid
            for (rowIndex, cells) in table.bodyGrid.enumerated() {
                out.append(cells.enumerated().map { column, text in
                    bold[rowIndex][column] && !text.isEmpty ? "<b>\(text)</b>" : text
                }.joined(separator: "\t"))
            }
            if let footnote = table.footnote { out += ["", "注：\(footnote)"] }
            if let note = table.note { out += ["", "（备注：\(note)）"] }
            out.append("")
        }
        write(document.trailingSections)
        return out.joined(separator: "\n")
    }
}
