import GongkaiCore
import GongkaiRules

/// One row of a filled inspection checklist.
public struct ChecklistEntry: Sendable, Codable, Equatable {
    /// 及时性 / 内容规范性.
    public var group: String
    /// The row label (封面, 目录, 《部门收入预算总表》 …).
    public var label: String
    /// 是, 否, or — when the tool cannot judge it.
    public var verdict: String
    /// The problems found, numbered.
    public var problems: [String]
}

/// Fills the profile's inspection checklist (the form reviewers fill by hand, like D03's 检查表) from
/// a document's findings: a row is 否 when an error or warning falls under it.
public enum ChecklistBuilder {
    /// The rows for one document.
    public static func entries(for document: DocumentReport) -> [ChecklistEntry] {
        guard let profile = document.profile else { return [] }
        let findings = document.diagnostics.filter { $0.severity >= .warning }
        var assigned = Set<Int>()
        var entries: [ChecklistEntry] = []
        for row in profile.checklist {
            if row.covers == ["document"] {
                entries.append(ChecklistEntry(group: row.group, label: row.label, verdict: "—", problems: ["公开时间需人工核对"]))
                continue
            }
            var problems: [String] = []
            // The 目录 is judged from the document itself: one it does not have is 否.
            if row.covers.contains("contents"), let disclosure = document.disclosure, disclosure.contents.isEmpty {
                problems.append("文件中未见目录")
            }
            for (index, diagnostic) in findings.enumerated() where !assigned.contains(index) && covers(row.covers, diagnostic) {
                assigned.insert(index)
                problems.append(problemText(diagnostic))
            }
            entries.append(ChecklistEntry(group: row.group, label: row.label, verdict: problems.isEmpty ? "是" : "否", problems: problems))
        }
        let rest = findings.enumerated().filter { !assigned.contains($0.offset) }.map { problemText($0.element) }
        if !rest.isEmpty {
            entries.append(ChecklistEntry(group: "内容规范性", label: "其他问题", verdict: "否", problems: rest))
        }
        return entries
    }

    /// A finding belongs to the narrative section it was found in (a sentence contradicting a table is
    /// a defect of the sentence), else to its table.
    private static func covers(_ targets: [String], _ diagnostic: Diagnostic) -> Bool {
        if let section = diagnostic.section {
            switch section {
            case .contents: return targets.contains("contents")
            case .cover: return targets.contains("cover")
            default: return targets.contains("section:\(section.rawValue)")
            }
        }
        if let table = diagnostic.table { return targets.contains("table:\(table.rawValue)") }
        return false
    }

    private static func problemText(_ diagnostic: Diagnostic) -> String {
        let place = diagnostic.location?.placeDescription ?? ""
        return (place.isEmpty ? "" : "（\(place)）") + diagnostic.message
    }
}
