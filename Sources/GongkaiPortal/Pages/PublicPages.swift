import Foundation
import GongkaiCore
import GongkaiRender
import GongkaiStore
import Plot

/// The stable addresses of the portal's pages: a unit, its publication of a year and phase (the
/// current version, or a numbered one), its year-over-year view.
public enum PortalPaths {
    /// A region's page.
    public static func region(_ id: UUID) -> String { "/regions/\(id.uuidString.lowercased())" }
    /// A unit's page.
    public static func unit(_ id: UUID) -> String { "/units/\(id.uuidString.lowercased())" }
    /// A unit's current publication of a year and phase.
    public static func publication(unit: UUID, year: Int, phase: DocumentKind) -> String { "\(self.unit(unit))/\(year)/\(phase.rawValue)" }
    /// One version of it.
    public static func version(unit: UUID, year: Int, phase: DocumentKind, number: Int) -> String {
        "\(publication(unit: unit, year: year, phase: phase))/v\(number)"
    }
    /// A unit's year-over-year view.
    public static func trends(unit: UUID, phase: DocumentKind = .budget) -> String { "\(self.unit(unit))/trends?phase=\(phase.rawValue)" }
    /// A published file.
    public static func file(_ sha256: String) -> String { "/api/v1/files/\(sha256)" }
}

/// A region on the home page: its size and, for the latest year, how many budgets are out.
public struct RegionOverview: Sendable {
    /// The region.
    public var region: StoredRegion
    /// Its units.
    public var units: Int
    /// The year shown.
    public var year: Int
    /// Units whose budget of that year is published.
    public var published: Int

    /// Creates an overview.
    public init(region: StoredRegion, units: Int, year: Int, published: Int) {
        self.region = region
        self.units = units
        self.year = year
        self.published = published
    }
}

/// The public pages: home, region, unit, search and errors.
public enum PublicPages {
    static func searchForm(_ query: String = "") -> Node<HTML.BodyContext> {
        .form(.class("search"), .action("/search"), .method(.get), .attribute(named: "role", value: "search"),
              .label(.for("q"), .escaped("搜索单位、科目、项目和说明")),
              .input(.type(.search), .id("q"), .name("q"), .value(HTMLEscaping.escape(query)), .attribute(named: "placeholder", value: "如：三公、教育、养老")),
              .button(.type(.submit), .escaped("搜索")))
    }

    /// The home page.
    public static func home(regions: [RegionOverview], latest: [PublicationSummary], regionNames: [UUID: String], viewer: Layout.Viewer) -> String {
        let regionRows = regions.map { overview -> [DataTable.Cell] in
            [.text(overview.region.name, href: PortalPaths.region(overview.region.id)), .number(String(overview.units)),
             .number("\(overview.published) / \(overview.units)"), .number(String(overview.units - overview.published))]
        }
        let latestRows = latest.map { item -> [DataTable.Cell] in
            [.text(item.unit.name, href: PortalPaths.publication(unit: item.unit.id, year: item.year, phase: item.phase)),
             .text(regionNames[item.unit.regionID] ?? ""), .text("\(item.year)年\(item.phase.chineseName)"), .text(PortalFormat.day(item.publishedAt))]
        }
        let year = regions.first?.year
        return Layout.page(title: "首页", viewer: viewer, description: "各单位预算、决算公开文件的查询、比较和下载",
            .h1(.escaped("预决算公开平台")),
            .p(.escaped("查阅各部门和单位公开的预算、决算：每张公开表、情况说明和历年变化，可比较、可搜索、可下载数据。")),
            searchForm(),
            .h2(.escaped("地区")),
            .raw(DataTable(caption: year.map { "各地区单位数和\($0)年预算公开情况" } ?? "各地区", columns: ["地区", "单位数", "已公开预算", "尚未公开"],
                           rows: regionRows).html),
            .h2(.escaped("最近公开")),
            .raw(latestRows.isEmpty ? "<p>尚无公开的预算或决算。</p>" : DataTable(caption: "最近公开的预算和决算", columns: ["单位", "地区", "年度和种类", "公开日期"],
                                                                          rows: latestRows).html)
        )
    }

    /// A region's page: its 主管部门 with their units, and what it has published by year.
    public static func region(_ region: StoredRegion, departments: [(StoredDepartment, [StoredUnit])], years: [Int], viewer: Layout.Viewer) -> String {
        let yearLinks: [Node<HTML.ListContext>] = years.map { year in
            .li(.escaped("\(year)年："), .a(.href("/downloads/\(region.id.uuidString.lowercased())/\(year)/expenditure.csv"), .escaped("全部支出明细 CSV")),
                .escaped("、"), .a(.href("/downloads/\(region.id.uuidString.lowercased())/\(year)/expenditure.xlsx"), .escaped("Excel")),
                .escaped("、"), .a(.href("/downloads/\(region.id.uuidString.lowercased())/\(year)/datapackage.json"), .escaped("数据包（FDP）")))
        }
        return Layout.page(title: region.name, crumbs: [Layout.Crumb("首页", "/"), Layout.Crumb(region.name)], viewer: viewer,
            .h1(.escaped(region.name)),
            searchForm(),
            .h2(.escaped("主管部门和单位")),
            .group(departments.map { department, units -> Node<HTML.BodyContext> in
                let items: [Node<HTML.ListContext>] = units.map { unit in .li(.a(.href(PortalPaths.unit(unit.id)), .escaped(unit.name))) }
                return .details(.attribute(named: "open", value: "open"),
                                .summary(.escaped("\(department.name)（\(units.count) 个单位）")),
                                .ul(.group(items)))
            }),
            .h2(.escaped("整年数据下载")),
            .unwrap(years.isEmpty ? nil : yearLinks, { .ul(.group($0)) }, else: .p(.escaped("尚无公开的数据。")))
        )
    }

    /// A unit's page: who it is, how to ask for information, and every publication by year.
    public static func unit(_ unit: StoredUnit, department: StoredDepartment, region: StoredRegion, publications: [PublicationSummary],
                            viewer: Layout.Viewer) -> String {
        let current = publications.filter { $0.state == "published" }
        let rows = current.sorted { ($0.year, $0.phase.rawValue) > ($1.year, $1.phase.rawValue) }.map { item -> [DataTable.Cell] in
            [.text("\(item.year)年\(item.phase.chineseName)", href: PortalPaths.publication(unit: unit.id, year: item.year, phase: item.phase)),
             .number(PortalFormat.wan(item.totalExpenditure)), .text("第 \(item.number) 版"), .text(item.approvalDate ?? "—"), .text(PortalFormat.day(item.publishedAt))]
        }
        let phases = Set(current.map(\.phase))
        return Layout.page(title: unit.name, crumbs: [Layout.Crumb("首页", "/"), Layout.Crumb(region.name, PortalPaths.region(region.id)), Layout.Crumb(unit.name)],
                           viewer: viewer,
            .h1(.escaped(unit.name)),
            .p(.class("meta"), .escaped("主管部门：\(department.name)　单位编码：\(unit.code)　地区：\(region.name)")),
            .h2(.escaped("公开的预算和决算")),
            .raw(rows.isEmpty ? "<p>本单位尚无公开的预算或决算。</p>"
                              : DataTable(caption: "\(unit.name)历年公开", columns: ["年度和种类", "支出合计（万元）", "现行版本", "批复日期", "公开日期"], rows: rows).html),
            .h2(.escaped("历年变化和比较")),
            .ul(.group(DocumentKind.allCases.filter(phases.contains).map { phase in
                    .li(.a(.href(PortalPaths.trends(unit: unit.id, phase: phase)), .escaped("历年\(phase.chineseName)变化（图表和数据表）")))
                }),
                .li(.a(.href("/compare?department=\(department.id.uuidString.lowercased())"), .escaped("与\(department.name)所属单位比较")))),
            .h2(.escaped("依申请公开")),
            .p(.escaped(unit.contact ?? "如需本单位未主动公开的预决算信息，可向本单位或主管部门提出政府信息公开申请。"))
        )
    }

    /// Search results, grouped: units first, then texts by kind.
    public static func search(_ query: String, kind: IndexedTextKind?, hits: [SearchHit], limit: Int, viewer: Layout.Viewer) -> String {
        let kinds: [(IndexedTextKind?, String)] = [(nil, "全部"), (.subject, "科目"), (.project, "项目"), (.sentence, "说明文字")]
        let filter: Node<HTML.BodyContext> = .p(.escaped("范围："), .group(kinds.map { item in
            item.0 == kind ? .strong(.escaped(item.1 + " "))
                           : .a(.href("/search?q=\(Self.queryEscaped(query))\(item.0.map { "&kind=\($0.rawValue)" } ?? "")"), .escaped(item.1 + " "))
        }))
        let units = hits.filter { $0.kind == nil }
        let texts = hits.filter { $0.kind != nil }
        let kindNames: [IndexedTextKind: String] = [.subject: "科目", .project: "项目", .sentence: "说明"]
        return Layout.page(title: query.isEmpty ? "搜索" : "搜索：\(query)", crumbs: [Layout.Crumb("首页", "/"), Layout.Crumb("搜索")], viewer: viewer,
            .h1(.escaped(query.isEmpty ? "搜索" : "“\(query)”的搜索结果")),
            searchForm(query),
            .if(!query.isEmpty, filter),
            .if(!query.isEmpty && hits.isEmpty, .p(.escaped("没有找到包含“\(query)”的单位、科目、项目或说明。可换一个词，或少写几个字。"))),
            .if(!units.isEmpty, .group(
                .h2(.escaped("单位（\(units.count)）")),
                .ul(.class("hits"), .group(units.map { hit in .li(.a(.href(PortalPaths.unit(hit.unit.id)), highlighted(hit.text, query))) }))
            )),
            .if(!texts.isEmpty, .group(
                .h2(.escaped("公开内容（\(texts.count)\(texts.count >= limit ? "，仅列前 \(limit) 条" : "")）")),
                .ul(.class("hits"), .group(texts.map { hit in
                    let href = hit.year.flatMap { year in hit.phase.map { PortalPaths.publication(unit: hit.unit.id, year: year, phase: $0) } } ?? PortalPaths.unit(hit.unit.id)
                    return .li(.span(.class("muted"), .escaped("［\(kindNames[hit.kind ?? .sentence] ?? "")］")),
                               highlighted(hit.text, query), .escaped(" —— "),
                               .a(.href(href + "#" + (hit.anchor ?? "")), .escaped("\(hit.unit.name) \(hit.year.map(String.init) ?? "")年\(hit.phase?.chineseName ?? "")")))
                }))
            ))
        )
    }

    /// An error page in the portal's frame.
    public static func error(status: Int, message: String, viewer: Layout.Viewer) -> String {
        Layout.page(title: "出错了", viewer: viewer,
                    .h1(.escaped(status == 404 ? "找不到该页面" : "出错了")),
                    .p(.escaped(message)),
                    .p(.a(.href("/"), .escaped("返回首页"))), searchForm())
    }

    /// `text` with each occurrence of `query` marked.
    static func highlighted<Context>(_ text: String, _ query: String) -> Node<Context> {
        guard !query.isEmpty else { return .escaped(text) }
        let pieces = text.components(separatedBy: query)
        var nodes: [Node<Context>] = []
        for (index, piece) in pieces.enumerated() {
            if index > 0 { nodes.append(.element(named: "mark", nodes: [.escaped(query)])) }
            nodes.append(.escaped(piece))
        }
        return .group(nodes)
    }

    /// A value for a URL's query string.
    static func queryEscaped(_ text: String) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+#")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }
}
