import Foundation
import GongkaiCore
import GongkaiStore
import GongkaiRender
import Plot

/// What the comparison shows: the units chosen (two to ten), the units offered to choose from, the
/// year and phase, and the chosen units' figures of that year.
public struct Comparison: Sendable {
    /// The most units compared at once.
    public static let maximumUnits = 10

    /// The units compared.
    public var units: [StoredUnit]
    /// The units offered in the form (a peer group: the same 主管部门).
    public var candidates: [StoredUnit]
    /// The year.
    public var year: Int
    /// 预算 or 决算.
    public var phase: DocumentKind
    /// The years there are figures for.
    public var years: [Int]
    /// The compared units' figures of the year.
    public var figures: [PublishedFigure]
    /// What the peer group is, for the heading (the 主管部门's name), if it is one.
    public var groupName: String?

    /// Creates a comparison.
    public init(units: [StoredUnit], candidates: [StoredUnit], year: Int, phase: DocumentKind, years: [Int], figures: [PublishedFigure], groupName: String?) {
        self.units = units
        self.candidates = candidates
        self.year = year
        self.phase = phase
        self.years = years
        self.figures = figures
        self.groupName = groupName
    }
}

extension PublicPages {
    /// Units side by side on the same measures, with a chart of their spending and the table of it.
    public static func compare(_ comparison: Comparison, viewer: Layout.Viewer) -> String {
        let grid = FigureGrid(comparison.figures)
        let units = comparison.units
        let year = comparison.year, phase = comparison.phase
        func row(_ measure: String, _ label: String) -> [DataTable.Cell]? {
            let values = units.map { grid.amount($0.id, year, phase, measure) }
            guard values.contains(where: { $0 != nil }) else { return nil }
            return [.text(label)] + values.map { .number($0.map(PortalFormat.wan) ?? "—") }
        }
        let rows = Measures.headline.compactMap { row($0.key, $0.label) }
            + grid.functionMeasures.compactMap { row($0, "\($0.dropFirst("function:".count)) \(grid.labels[$0] ?? "")") }
        let chart = BarChart(title: "\(year)年\(phase.chineseName)：基本支出和项目支出", categories: units.map(\.name), series: [
            BarChart.Series(name: "基本支出", values: units.map { grid.amount($0.id, year, phase, Measures.basic) }),
            BarChart.Series(name: "项目支出", values: units.map { grid.amount($0.id, year, phase, Measures.project) }),
        ])
        let chosen = Set(units.map(\.id))
        let missing = units.filter { unit in !comparison.figures.contains { $0.unitID == unit.id } }
        let form = Node<HTML.BodyContext>.raw(Self.compareForm(comparison, chosen: chosen))
        let heading = "单位比较" + (comparison.groupName.map { "：\($0)所属单位" } ?? "")
        return Layout.page(title: heading, crumbs: [Layout.Crumb("首页", "/"), Layout.Crumb("单位比较")], viewer: viewer,
            .h1(.escaped(heading)),
            .if(comparison.candidates.isEmpty, .p(.escaped("请从单位页面的“与同部门单位比较”进入，或在地址中给出要比较的单位。"))),
            .if(!comparison.candidates.isEmpty, form),
            .if(units.count >= 2, .group(
                .h2(.escaped("\(year)年\(phase.chineseName)")),
                .if(!missing.isEmpty, .p(.class("notice"), .escaped("以下单位尚无\(year)年\(phase.chineseName)公开数据：\(missing.map(\.name).joined(separator: "、"))"))),
                .raw(chart.svg(id: "chart-compare")),
                .raw(DataTable(caption: "\(year)年\(phase.chineseName)单位比较（万元）", columns: ["项目"] + units.map(\.name), rows: rows, id: "compare-table").html)
            )),
            .if(units.count == 1, .p(.escaped("请至少再选择一个单位。")))
        )
    }

    /// The form that picks the units, the year and the phase (a GET form: the result has its own address).
    static func compareForm(_ comparison: Comparison, chosen: Set<UUID>) -> String {
        var parts = ["<form action=\"/compare\" method=\"get\"><fieldset><legend>选择要比较的单位（2 至 \(Comparison.maximumUnits) 个）</legend>"]
        for unit in comparison.candidates {
            let id = unit.id.uuidString.lowercased()
            parts.append("<div><input type=\"checkbox\" id=\"unit-\(id)\" name=\"unit\" value=\"\(id)\"\(chosen.contains(unit.id) ? " checked" : "")>")
            parts.append("<label for=\"unit-\(id)\"> \(HTMLEscaping.escape(unit.name))</label></div>")
        }
        parts.append("</fieldset><p><label for=\"year\">年度 </label><select id=\"year\" name=\"year\">")
        for year in Array(Set(comparison.years + [comparison.year])).sorted(by: >) {
            parts.append("<option value=\"\(year)\"\(year == comparison.year ? " selected" : "")>\(year)年</option>")
        }
        parts.append("</select> <label for=\"phase\">种类 </label><select id=\"phase\" name=\"phase\">")
        for phase in DocumentKind.allCases {
            parts.append("<option value=\"\(phase.rawValue)\"\(phase == comparison.phase ? " selected" : "")>\(phase.chineseName)</option>")
        }
        parts.append("</select> <button type=\"submit\">比较</button></p></form>")
        return parts.joined()
    }
}
