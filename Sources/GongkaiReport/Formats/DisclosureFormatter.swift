import GongkaiCore

/// Shows what Gongkai read from a document — metadata, contents, tables with their rows, narrative
/// sections — so a reviewer can see the import before trusting the checks (`gongkai import`).
public enum DisclosureFormatter {
    /// A readable text listing.
    public static func text(_ disclosure: Disclosure) -> String {
        var lines: [String] = []
        let metadata = disclosure.metadata
        lines.append("文件：\(disclosure.path)（\(disclosure.format.rawValue)）")
        lines.append("单位：\(metadata.unitName ?? "—")  年度：\(metadata.year.map(String.init) ?? "—")  类型：\(metadata.level?.chineseName ?? "—")\(metadata.kind?.chineseName ?? "")")
        if let parent = metadata.parentDepartment { lines.append("主管部门：\(parent)") }
        if !disclosure.contents.isEmpty {
            lines.append("目录：")
            for entry in disclosure.contents {
                let kind = entry.tableKind.map { " → 表 \($0.rawValue)" } ?? entry.sectionKind.map { " → 说明 \($0.rawValue)" } ?? ""
                lines.append("  · \(entry.title)\(kind)")
            }
        }
        for table in disclosure.tables {
            lines.append("")
            lines.append("【表】\(table.title)  [\(table.kind?.rawValue ?? "未识别")]  单位：\(table.moneyUnit?.chineseName ?? "未注明（按\(table.effectiveUnit.chineseName)）")  \(table.location.placeDescription)")
            if let preparer = table.preparer { lines.append("  编制：\(preparer)") }
            if !table.columns.isEmpty {
                lines.append("  列：" + table.columns.map { "\($0.title.isEmpty ? "?" : $0.title)=\($0.key?.description ?? "label")\($0.side == .single ? "" : "@\($0.side.rawValue)")" }.joined(separator: " | "))
            }
            for row in table.rows {
                let values = row.values.sorted { $0.key.description < $1.key.description }.map { "\($0.key)=\($0.value.text)" }.joined(separator: " ")
                let side = row.side == .single ? "" : "[\(row.side.rawValue)] "
                let code = row.code?.digits ?? row.rawCode.map { "?\($0)" }
                    ?? row.classifications.map { $0.code?.digits ?? $0.rawCode.map { "?\($0)" } ?? "—" }.joined(separator: "×")
                lines.append("  \(side)\(code) \(row.name) \(row.role == .detail ? "" : "(\(row.role.rawValue)) ")\(values)  \(row.location.placeDescription)")
            }
            for goal in table.performanceGoals {
                lines.append("  项目：\(goal.projectName ?? "—")  预算：\(goal.budget?.text ?? "—")  执行率权重：\(goal.executionRateWeight.map { "\($0)" } ?? "—")")
                for indicator in goal.indicators {
                    lines.append("    · \(indicator.name) 权重=\(indicator.weightText ?? "") 单位=\(indicator.unit ?? "") 性质=\(indicator.comparison ?? "") 值=\(indicator.target ?? "")")
                }
                for row in goal.malformedRows { lines.append("    ✗ 残缺行：\(row.cells.joined(separator: " | "))  \(row.location.placeDescription)") }
            }
            for note in table.notes { lines.append("  注：\(note.text)") }
        }
        lines.append("")
        lines.append("【说明】")
        for paragraph in disclosure.narrative {
            let section = paragraph.effectiveSection?.rawValue ?? "-"
            let prefix = paragraph.isHeading ? "# " : "  "
            lines.append("\(prefix)[\(section)] \(paragraph.text.prefix(120))  \(paragraph.location?.placeDescription ?? "")")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
