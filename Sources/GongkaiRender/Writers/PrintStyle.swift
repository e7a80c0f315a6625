/// The print CSS of rendered packages: A4 pages with page numbers, landscape pages for wide tables,
/// header rows repeated on every page, amounts right-aligned, and a CJK font named explicitly.
enum PrintStyle {
    static let css = """
    @page { size: A4 portrait; margin: 18mm 16mm 20mm 16mm;
      @bottom-center { content: "第 " counter(page) " 页"; font-family: "Noto Sans CJK SC", sans-serif; font-size: 9pt; } }
    @page wide { size: A4 landscape; margin: 14mm 14mm 18mm 14mm; }
    html { font-family: "Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", sans-serif; font-size: 10.5pt; color: #000; }
    body { margin: 0; }
    .cover { page-break-after: always; text-align: center; padding-top: 60mm; }
    .cover h1 { font-size: 24pt; margin-bottom: 20mm; }
    .cover p { font-size: 14pt; text-align: center; text-indent: 0; }
    .contents { page-break-after: always; }
    .contents ol { list-style: none; padding: 0; }
    .contents li { font-size: 12pt; line-height: 2; text-indent: 0; }
    h1 { font-size: 18pt; text-align: center; }
    h2 { font-size: 14pt; margin: 10pt 0 4pt; }
    p { text-indent: 2em; line-height: 1.7; margin: 0 0 4pt; text-align: justify; }
    p.plain { text-indent: 0; }
    .tables-heading { page-break-before: always; }
    h1.tables-heading { padding-top: 90mm; font-size: 22pt; }
    section.table { page-break-before: always; }
    section.table.wide { page: wide; }
    section.table h2 { text-align: center; font-size: 14pt; }
    .table-meta { display: flex; justify-content: space-between; font-size: 9.5pt; margin: 2pt 0; }
    table { border-collapse: collapse; width: 100%; font-size: 9pt; }
    table.fixed { table-layout: fixed; }
    section.wide table { font-size: 8pt; }
    thead { display: table-header-group; }
    tr { page-break-inside: avoid; }
    th, td { border: 0.6pt solid #000; padding: 3pt 3pt; vertical-align: middle; }
    th { padding: 4pt 3pt; }
    td.label { white-space: nowrap; }
    th { font-weight: bold; text-align: center; background: #f2f2f2; }
    td.amount { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    td.number { text-align: center; white-space: nowrap; }
    td.code { white-space: nowrap; }
    td.top, th.top { vertical-align: top; }
    .bold { font-weight: bold; }
    .note { text-indent: 0; font-size: 9.5pt; margin-top: 4pt; }
    """
}
