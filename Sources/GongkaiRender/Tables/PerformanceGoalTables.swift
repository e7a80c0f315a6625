import Foundation
import GongkaiCore

/// 项目支出绩效目标表: one block per project (name, department, budget, overview, basis, goal) with
/// its indicators; projects the department budgets for the unit get the 重点专项/一般性项目 title.
struct PerformanceGoalTables {
    let context: TableContext

    func tables() -> [RenderedTable] {
        let budget = context.budget
        var tables = budget.projects.filter { $0.budgetedElsewhere != nil }.map(table(for:))
        let own = budget.projects.filter { $0.budgetedElsewhere == nil }
        tables += own.map(table(for:))
        if own.isEmpty {
            let elsewhere = budget.projects.isEmpty ? "" : "，上列项目由\(budget.unit.parentDepartment ?? "主管部门")统一预算"
            var empty = table(for: nil)
            empty.note = "本\(context.profile.levelWord)\(budget.year)年无项目支出\(elsewhere)，故此表无数据。"
            tables.append(empty)
        }
        return tables
    }

    private func table(for project: Project?) -> RenderedTable {
        let year = context.budget.year
        let withLevels = project?.indicators.contains { !$0.level1.isEmpty || !$0.level2.isEmpty } ?? false
        let columns = withLevels ? 8 : 6
        let wide = columns - 1
        var rows: [RenderedRow] = []
        func pair(_ label: String, _ value: CellContent, _ label2: String, _ value2: CellContent) {
            let first = (wide - 1) / 2
            rows.append(RenderedRow([labelCell(label), RenderedCell(value, columns: first), labelCell(label2), RenderedCell(value2, columns: wide - 1 - first)]))
        }
        func line(_ label: String, _ value: CellContent) {
            rows.append(RenderedRow([labelCell(label), RenderedCell(value, columns: wide)]))
        }
        let title: String
        if let project, let amount = project.budgetedElsewhere {
            title = "\(year)年\(project.category ?? "项目支出")绩效目标表（一级项目）"
            pair("专项资金名称", .text(project.name), "业务主管部门", .text(project.department ?? ""))
            line("当年预算", .amount(amount))
            line("项目概况", .text(project.overview ?? ""))
        } else {
            title = "\(year)年项目支出绩效目标表"
            let weight = project?.executionRateWeight.map { CellContent.number("\($0)") } ?? .blank
            pair("项目名称", project.map { .text($0.name) } ?? .blank, "业务主管部门", project.map { .text($0.department ?? "") } ?? .blank)
            pair("预算执行率权重", weight, "项目分类", project.map { .text($0.category ?? "") } ?? .blank)
            line("当年预算", project.map { .amount(context.budget.budget(of: $0)) } ?? .blank)
            line("项目概述", project.map { .text($0.overview ?? "") } ?? .blank)
        }
        line("立项依据", project.map { .text($0.basis ?? "") } ?? .blank)
        line("当年绩效目标", project.map { .text($0.goal ?? "") } ?? .blank)
        if let project, !project.indicators.isEmpty {
            let names = (withLevels ? ["一级指标", "二级指标", "三级指标"] : ["指标"]) + ["指标权重", "计量单位", "指标性质", "指标值"]
            var label = labelCell("绩效指标")
            label.rowSpan = project.indicators.count + 1
            rows.append(RenderedRow([label] + names.map { RenderedCell.text($0) }))
            for indicator in project.indicators {
                let levels: [RenderedCell] = withLevels ? [.text(indicator.level1), .text(indicator.level2)] : []
                rows.append(RenderedRow(levels + [.text(indicator.name), RenderedCell(.number("\(indicator.weight)")), .text(indicator.unit),
                                                  .text(indicator.comparison), .text(indicator.target)]))
            }
        }
        let preparer = project?.preparedBy ?? context.budget.unit.name
        var table = RenderedTable(kind: .projectPerformanceGoals, number: nil, title: title, preparer: preparer, moneyUnit: context.profile.tableUnit,
                                  decimals: context.profile.tableDecimals, header: [], columnCount: columns, rows: rows,
                                  shortName: String((project?.name ?? "项目支出绩效目标表").prefix(28)))
        table.columnWidths = withLevels ? [13, 10, 10, 25, 8, 10, 8, 16] : [14, 38, 9, 11, 9, 19]
        table.showsZeros = context.layout.print.zeros == .printed
        table.groupsThousands = context.layout.print.groupsTableThousands
        return table
    }

    private func labelCell(_ text: String) -> RenderedCell {
        var cell = RenderedCell.text(text)
        cell.isLabel = true
        return cell
    }
}
