import GongkaiCore

/// The print CSS of rendered packages, from the profile's ``RenderLayout/Print``: A4 pages in the
/// region's orientation with page numbers, landscape pages for tables too wide for upright ones,
/// the region's faces for text, headings and tables, header rows repeated on every page, amounts
/// right-aligned. Words (`span.w`) never break inside; a cell grows to hold its text. Emphasis is
/// set in the heading face (黑体), never a synthesised bold: Chromium paints a faked bold as a
/// Type 3 font, which is not searchable text.
enum PrintStyle {
    static func css(_ print: RenderLayout.Print) -> String {
        let text = families(print.textFonts), headings = families(print.headingFonts), tables = families(print.tableFonts)
        let page = print.orientation == .landscape ? "A4 landscape; margin: 16mm 18mm 18mm 18mm" : "A4 portrait; margin: 18mm 16mm 20mm 16mm"
        return """
        @page { size: \(page);
          @bottom-center { content: "第 " counter(page) " 页"; font-family: \(tables); font-size: 9pt; } }
        @page wide { size: A4 landscape; margin: 14mm 14mm 18mm 14mm; }
        html { font-family: \(text); font-size: \(points(print.textSize)); color: #000; font-synthesis: none; }
        body { margin: 0; }
        .cover { page-break-after: always; text-align: center; padding-top: 50mm; }
        .cover h1 { font-size: 24pt; margin-bottom: 20mm; }
        .cover p { font-size: 14pt; text-align: center; text-indent: 0; }
        .contents { page-break-after: always; }
        .contents ol { list-style: none; padding: 0; margin: 0 8mm; }
        .contents li { font-size: 12pt; line-height: 1.6; text-indent: 0; display: flex; align-items: flex-end; }
        .contents li .entry { flex: 0 1 auto; }
        .contents li .leader { flex: 1 1 0; overflow: hidden; white-space: nowrap; min-width: 2em; }
        .contents li .leader::after { content: "……………………………………………………………………………………………………………………………………………………………………………………"; }
        .contents li .page { flex: 0 0 auto; padding-left: 4pt; }
        h1, h2 { font-family: \(headings); font-weight: normal; }
        h1 { font-size: 18pt; text-align: center; }
        h2 { font-size: \(points(print.textSize + 1)); margin: 10pt 0 4pt; }
        p { text-indent: 2em; line-height: 1.7; margin: 0 0 4pt; text-align: justify; }
        p.plain { text-indent: 0; }
        .tables-heading { page-break-before: always; }
        h1.tables-heading { padding-top: 60mm; font-size: 22pt; }
        section.table { page-break-before: always; }
        section.table.wide { page: wide; }
        section.table h2 { text-align: center; font-size: 15pt; }
        .table-meta { display: flex; justify-content: space-between; font-family: \(tables); font-size: \(points(print.tableSize)); margin: 2pt 0; }
        table { border-collapse: collapse; width: 100%; font-family: \(tables); font-size: \(points(print.tableSize)); }
        table.fixed { table-layout: fixed; }
        section.wide table { font-size: \(points(print.tableSize - 1)); }
        thead { display: table-header-group; }
        tr { page-break-inside: avoid; }
        th, td { border: 0.6pt solid #000; padding: 3pt 3pt; vertical-align: middle; overflow-wrap: anywhere; }
        th { padding: 4pt 3pt; text-align: center; background: #f2f2f2; font-family: \(headings); font-weight: normal; }
        span.w { white-space: nowrap; }
        td.amount { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
        td.number { text-align: center; white-space: nowrap; }
        td.code { white-space: nowrap; }
        td.top, th.top { vertical-align: top; }
        .bold, b, strong { font-family: \(headings); font-weight: normal; }
        .note { text-indent: 0; font-family: \(tables); font-size: \(points(print.tableSize)); margin-top: 4pt; }
        """
    }

    /// A CSS font-family list: each face quoted, a generic family last.
    private static func families(_ faces: [String]) -> String {
        (faces.map { "\"\($0.replacingOccurrences(of: "\"", with: ""))\"" } + ["serif"]).joined(separator: ", ")
    }

    private static func points(_ size: Double) -> String {
        size == size.rounded() ? "\(Int(size))pt" : "\(size)pt"
    }
}
