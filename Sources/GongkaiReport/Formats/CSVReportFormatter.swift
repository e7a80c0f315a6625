import GongkaiCore
import GongkaiRules

/// Formats a check report as CSV (UTF-8 with BOM so spreadsheet programs show the Chinese), one row per finding.
public enum CSVReportFormatter {
    /// The header row.
    public static let header = ["path", "status", "rule", "severity", "table", "code", "column", "page", "line", "sheet", "cell", "found", "expected", "message"]

    /// The report as CSV text.
    public static func format(_ report: CheckReport) -> String {
        headerText + report.documents.map(rows).joined()
    }

    /// The byte-order mark and the header row, which start a streamed report.
    public static var headerText: String { "\u{FEFF}" + line(header) }

    /// One document's rows.
    public static func rows(_ document: DocumentReport) -> String {
        var rows: [[String]] = []
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
        return rows.map(line).joined()
    }

    private static func line(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: ",") + "\r\n"
    }

    private static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
