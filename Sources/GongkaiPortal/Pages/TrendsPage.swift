import Foundation
import GongkaiCore
import GongkaiStore
import Plot

/// Figures by year, measure and basis, as the year-over-year and comparison views read them.
struct FigureGrid {
    private var amounts: [String: Amount] = [:]
    private(set) var labels: [String: String] = [:]

    init(_ figures: [PublishedFigure]) {
        for item in figures {
            amounts[Self.key(item.unitID, item.year, item.phase, item.figure.measure, item.figure.basis)] = item.figure.amount
            if labels[item.figure.measure] == nil { labels[item.figure.measure] = item.figure.label }
        }
    }

    static func key(_ unit: UUID, _ year: Int, _ phase: DocumentKind, _ measure: String, _ basis: FigureBasis) -> String {
        "\(unit)|\(year)|\(phase.rawValue)|\(measure)|\(basis.rawValue)"
    }

    func amount(_ unit: UUID, _ year: Int, _ phase: DocumentKind, _ measure: String, _ basis: FigureBasis = .stated) -> Amount? {
        amounts[Self.key(unit, year, phase, measure, basis)]
    }

    /// The 功能分类 类 measures present, by code.
    var functionMeasures: [String] { labels.keys.filter(Measures.isFunction).sorted() }
}

extension PublicPages {
    /// A unit's figures over the years of one phase (any number of years), and 预算 vs 决算 for
    /// every year with both: charts, each followed by the table of its numbers.
    public static func trends(unit: StoredUnit, region: StoredRegion, phase: DocumentKind, figures: [PublishedFigure], viewer: Layout.Viewer) -> String {
        let grid = FigureGrid(figures)
        let years = Array(Set(figures.filter { $0.phase == phase }.map(\.year))).sorted()
        let yearNames = years.map { "\($0)年" }
        func row(_ measure: String, _ label: String) -> [DataTable.Cell]? {
            let values = years.map { grid.amount(unit.id, $0, phase, measure) }
            guard values.contains(where: { $0 != nil }) else { return nil }
            var cells: [DataTable.Cell] = [.text(label)] + values.map { .number($0.map(PortalFormat.wan) ?? "—") }
            // The change is against the year before only when that year is published too.
            if years.count > 1 {
                let consecutive = years[years.count - 1] == years[years.count - 2] + 1
                if consecutive, let last = values.last ?? nil, let before = values[values.count - 2] {
                    cells.append(.number(PortalFormat.change(from: before, to: last) ?? "—"))
                } else {
                    cells.append(.number("—"))
                }
            }
            return cells
        }
        let changeColumn = years.count > 1 ? ["\(years.last.map(String.init) ?? "")年较上年"] : []
        let headline = Measures.headline.compactMap { row($0.key, $0.label) }
        let functions = grid.functionMeasures.compactMap { row($0, "\($0.dropFirst("function:".count)) \(grid.labels[$0] ?? "")") }
        let spending = BarChart(title: "\(unit.name)历年\(phase.chineseName)：基本支出和项目支出", categories: yearNames, series: [
            BarChart.Series(name: "基本支出", values: years.map { grid.amount(unit.id, $0, phase, Measures.basic) }),
            BarChart.Series(name: "项目支出", values: years.map { grid.amount(unit.id, $0, phase, Measures.project) }),
        ])
        let costs = BarChart(title: "\(unit.name)历年\(phase.chineseName)：“三公”经费和机关运行经费", categories: yearNames, series: [
            BarChart.Series(name: "“三公”经费", values: years.map { grid.amount(unit.id, $0, phase, Measures.threePublicCosts) }),
            BarChart.Series(name: "机关运行经费", values: years.map { grid.amount(unit.id, $0, phase, Measures.operatingCosts) }),
        ])
        let other: DocumentKind = phase == .budget ? .finalAccounts : .budget
        let hasOther = figures.contains { $0.phase == other }
        return Layout.page(title: "\(unit.name)历年\(phase.chineseName)", crumbs: [Layout.Crumb("首页", "/"), Layout.Crumb(region.name, PortalPaths.region(region.id)),
                                                                             Layout.Crumb(unit.name, PortalPaths.unit(unit.id)), Layout.Crumb("历年\(phase.chineseName)")],
                           viewer: viewer,
            .h1(.escaped("\(unit.name)历年\(phase.chineseName)")),
            .unwrap(hasOther ? other : nil) { .p(.a(.href(PortalPaths.trends(unit: unit.id, phase: $0)), .escaped("查看历年\($0.chineseName)"))) },
            .if(years.isEmpty, .p(.escaped("本单位尚无公开的\(phase.chineseName)。"))),
            .if(!years.isEmpty, .group(
                .h2(.escaped("支出")),
                .raw(spending.svg(id: "chart-spending")),
                .raw(DataTable(caption: "历年\(phase.chineseName)主要数字（万元）", columns: ["项目"] + yearNames + changeColumn, rows: headline, id: "trend-table").html),
                .h2(.escaped("“三公”经费和机关运行经费")),
                .raw(costs.svg(id: "chart-costs")),
                .p(.escaped("图中数字见上表“三公”经费和机关运行经费各行。")),
                .h2(.escaped("按支出功能分类（类）")),
                .raw(DataTable(caption: "历年\(phase.chineseName)按功能分类（万元）", columns: ["功能分类"] + yearNames + changeColumn, rows: functions).html)
            )),
            outturn(unit: unit, grid: grid, figures: figures)
        )
    }

    /// 预算 vs 决算: for each year with a published 决算, the year's initial budget (the published
    /// 预算, or else the 预算数 the 决算 states), the outturn, the difference and the percentage.
    static func outturn(unit: StoredUnit, grid: FigureGrid, figures: [PublishedFigure]) -> Node<HTML.BodyContext> {
        let years = Array(Set(figures.filter { $0.phase == .finalAccounts }.map(\.year))).sorted()
        guard !years.isEmpty else { return .empty }
        func budgeted(_ year: Int, _ measure: String) -> (Amount, String)? {
            if let amount = grid.amount(unit.id, year, .budget, measure) { return (amount, "预算公开") }
            return grid.amount(unit.id, year, .finalAccounts, measure, .budgeted).map { ($0, "决算表中的预算数") }
        }
        var nodes: [Node<HTML.BodyContext>] = [.h2(.escaped("预算与决算"))]
        let chart = BarChart(title: "\(unit.name)：年初预算与决算（支出合计）", categories: years.map { "\($0)年" }, series: [
            BarChart.Series(name: "年初预算", values: years.map { budgeted($0, Measures.expenditure)?.0 }),
            BarChart.Series(name: "决算", values: years.map { grid.amount(unit.id, $0, .finalAccounts, Measures.expenditure) }),
        ])
        nodes.append(.raw(chart.svg(id: "chart-outturn")))
        for year in years.reversed() {
            let measures = Measures.headline.map(\.key) + grid.functionMeasures
            let rows = measures.compactMap { measure -> [DataTable.Cell]? in
                guard let actual = grid.amount(unit.id, year, .finalAccounts, measure) else { return nil }
                let label = Measures.headline.first { $0.key == measure }?.label ?? "\(measure.dropFirst("function:".count)) \(grid.labels[measure] ?? "")"
                guard let (budget, source) = budgeted(year, measure) else {
                    return [.text(label), .number("—"), .number(PortalFormat.wan(actual)), .number("—"), .number("—"), .text("无预算数")]
                }
                let difference = actual - budget
                return [.text(label), .number(PortalFormat.wan(budget)), .number(PortalFormat.wan(actual)), .number(PortalFormat.wan(difference)),
                        .number(budget.isZero ? "—" : PortalFormat.percentOf(actual, budget)), .text(source)]
            }
            nodes.append(.raw(DataTable(caption: "\(year)年预算与决算（万元）", columns: ["项目", "年初预算", "决算", "决算减预算", "决算为预算的%", "预算数来源"],
                                        rows: rows, id: "outturn-\(year)").html))
        }
        return .group(nodes)
    }
}
