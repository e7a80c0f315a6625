import GongkaiCore
import GongkaiRules

/// Formats a check report as Chinese text for a terminal: one block per file, one finding per line
/// with its place, then found / expected.
public enum TextReportFormatter {
    /// The report as text.
    public static func format(_ report: CheckReport) -> String {
        report.documents.map(document).joined() + summary(report.summary)
    }

    /// One document's block.
    public static func document(_ document: DocumentReport) -> String {
        var lines = ["== \(document.path)"]
        if let error = document.error {
            lines.append("   无法读取：\(error.message)" + (error.location.map { "（\($0.placeDescription)）" } ?? "") + (error.cause.map { "（原因：\($0)）" } ?? ""))
        } else {
            if let disclosure = document.disclosure {
                let metadata = disclosure.metadata
                let about = [metadata.unitName, metadata.year.map { "\($0)年" },
                             [metadata.level?.chineseName, metadata.kind?.chineseName].compactMap { $0 }.joined()].compactMap { $0 }.filter { !$0.isEmpty }
                lines.append("   \(about.joined(separator: " "))；检查口径：\(document.profile?.title ?? "—")（\(document.profile?.id ?? "—")）；识别表格 \(disclosure.tables.count) 张"
                    + (disclosure.metadata.readByOCR ? "；文字经 OCR 识别（问题只作为警告）" : ""))
            }
            lines += document.diagnostics.flatMap(self.lines(for:))
            let counts = document.counts
            lines.append("   小结：错误 \(counts[.error] ?? 0)，警告 \(counts[.warning] ?? 0)，提示 \(counts[.info] ?? 0)")
        }
        // A blank line closes each document's block.
        return lines.joined(separator: "\n") + "\n\n"
    }

    /// The closing line of a run over several files (empty for one file).
    public static func summary(_ summary: CheckSummary) -> String {
        guard summary.documents > 1 else { return "" }
        return "共 \(summary.documents) 个文件：\(summary.withErrors) 个有错误，\(summary.unreadable) 个无法读取\n"
    }

    /// One finding: its place, severity, rule and message, then found / expected.
    public static func lines(for diagnostic: Diagnostic) -> [String] {
        let place = diagnostic.location?.placeDescription ?? ""
        var lines = ["   \(place.isEmpty ? "—" : place)  \(diagnostic.severity.chineseName)  [\(diagnostic.rule)]  \(diagnostic.message)"]
        var detail: [String] = []
        if let found = diagnostic.found { detail.append("发现：\(found)") }
        if let expected = diagnostic.expected { detail.append("应为：\(expected)") }
        if !detail.isEmpty { lines.append("      " + detail.joined(separator: "  ")) }
        return lines
    }
}
