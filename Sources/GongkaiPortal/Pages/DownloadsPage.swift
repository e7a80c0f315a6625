import Foundation
import GongkaiCore
import GongkaiStore
import Plot

extension PublicPages {
    /// The download centre: per region and year, the whole year as CSV, as a workbook and as a data package; the
    /// index of every publication; the data dictionary.
    public static func downloads(regions: [(StoredRegion, [Int])], viewer: Layout.Viewer) -> String {
        let rows = regions.flatMap { region, years in
            years.map { year -> [DataTable.Cell] in
                let base = "/downloads/\(region.id.uuidString.lowercased())/\(year)"
                return [.text("\(region.name) \(year)年"), .text("CSV", href: base + "/expenditure.csv"),
                        .text("Excel", href: base + "/expenditure.xlsx"), .text("数据包（FDP）", href: base + "/datapackage.json")]
            }
        }
        let dictionary = RegionYearExport.columns.map { column -> [DataTable.Cell] in [.text(column.name), .text(column.type), .text(column.meaning)] }
        return Layout.page(title: "下载中心", crumbs: [Layout.Crumb("首页", "/"), Layout.Crumb("下载中心")], viewer: viewer,
            .h1(.escaped("下载中心")),
            .p(.escaped("每个公开版本的全部文件（PDF、Excel、CSV、JSON、数据包）在其页面下载，并附 sha256。这里提供整个地区一年的数据：每个现行公开版本的每一行支出，一个文件，不限行数。")),
            .h2(.escaped("地区整年数据")),
            .raw(rows.isEmpty ? "<p>尚无公开的数据。</p>" : DataTable(caption: "按地区和年度下载", columns: ["地区和年度", "CSV", "Excel", "数据包"], rows: rows).html),
            .h2(.escaped("全部公开版本的索引")),
            .ul(.li(.a(.href("/publications.json"), .escaped("publications.json")), .escaped("：每个公开版本（含已更正版本）的单位、年度、种类、版本、日期、页面地址和文件清单")),
                .li(.a(.href("/sitemap.xml"), .escaped("sitemap.xml")), .escaped("：供检索程序抓取的全部页面地址"))),
            .h2(.id("dictionary"), .escaped("数据字典")),
            .raw(DataTable(caption: "地区整年数据（CSV 和 Excel）的各列", columns: ["列名", "类型", "含义"], rows: dictionary).html),
            .p(.escaped("CSV 为 UTF-8 编码、逗号分隔、CRLF 换行；金额以元为单位、两位小数；以 = + - @ 开头的文字前加一个撇号，以免被电子表格当作公式。Excel 文件的“支出明细”表与 CSV 各列相同（金额为数值），超过一张工作表的行数（1,048,576 行）时接续到“支出明细（2）”等表，“数据字典”表列出各列的含义。"))
        )
    }
}
