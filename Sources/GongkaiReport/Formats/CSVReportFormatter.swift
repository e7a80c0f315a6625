import GongkaiCore
import GongkaiRules

/// Formats a check report as CSV (UTF-8 with BOM so spreadsheet programs show the Chinese), one row per finding.
public enum CSVReportFormatter {
    /// The header row.
    public static let header = ["path", "status", "rule", "severity", "table", "code", "column", "page", "line", "sheet", "cell", "found", "expected", "message"]

    /// The report as CSV text.
    public static func format(_ report: CheckReport) -> String {
        var rows = [header]
        for document in report.documents {
            if let error = document.error {
                rows.append([document.path, document.status.rawValue, error.code.id, "error", "", "", "", "", "", "", "", "", "", error.message])
            }
            for diagnostic in document.diagnostics {
                let location = diagnostic.location
                rows.append([document.path, document.status.rawValue, diagnostic.rule, diagnostic.severity.rawValue,
                             diagnostic.table?.rawValue ?? diagnostic.tableTitle ?? "", diagnostic.code ?? "", diagnostic.column ?? "",
                             location?.page.map(String.init) ?? "", location?.line.map(String.init) ?? "", location?.sheet ?? "",
                             location?.cell ?? "", diagnostic.found ?? "", diagnostic.expected ?? "", diagnostic.message])
            }
        }
        return "\u{FEFF}" + rows.map { $0.map(escape).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    private static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
