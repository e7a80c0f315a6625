import GongkaiCore
import GongkaiRules

/// Formats a check report as JSON. The shape is stable and documented in the README:
/// `{"documents":[{"path","status","error","profile","metadata":{…},"tables":[…],"diagnostics":[…],"summary":{…}}]}`.
public enum JSONReportFormatter {
    /// The report as JSON text.
    public static func format(_ report: CheckReport) -> String {
        JSONValue.object([("documents", .array(report.documents.map(document)))]).rendered() + "\n"
    }

    /// The text before the `index`th document (0-based) of a streamed report: what `format` writes there.
    public static func prefix(forDocumentAt index: Int) -> String {
        index == 0 ? "{\n  \"documents\": [\n" : ",\n"
    }

    /// One document of a streamed report, indented as in `format`.
    public static func streamed(_ report: DocumentReport) -> String {
        "    " + document(report).rendered(indent: 2)
    }

    /// The end of a streamed report of `count` documents.
    public static func suffix(documentCount count: Int) -> String {
        count == 0 ? "{\n  \"documents\": []\n}\n" : "\n  ]\n}\n"
    }

    static func document(_ document: DocumentReport) -> JSONValue {
        let metadata = document.disclosure?.metadata
        let counts = document.counts
        return .object([
            ("path", .string(document.path)),
            ("status", .string(document.status.rawValue)),
            ("error", document.error.map { .object([("code", .string($0.code.id)), ("message", .string($0.message))]) } ?? .null),
            ("profile", .optional(document.profile?.id)),
            ("metadata", .object([
                ("unit", .optional(metadata?.unitName)),
                ("year", .optional(metadata?.year)),
                ("kind", .optional(metadata?.kind?.rawValue)),
                ("level", .optional(metadata?.level?.rawValue)),
                ("readByOCR", .bool(metadata?.readByOCR ?? false)),
            ])),
            ("tables", .array((document.disclosure?.tables ?? []).map(table))),
            ("diagnostics", .array(document.diagnostics.map(diagnostic))),
            ("summary", .object([("error", .int(counts[.error] ?? 0)), ("warning", .int(counts[.warning] ?? 0)), ("info", .int(counts[.info] ?? 0))])),
        ])
    }

    static func table(_ table: DisclosureTable) -> JSONValue {
        .object([
            ("kind", .optional(table.kind?.rawValue)),
            ("title", .string(table.title)),
            ("unit", .string(table.effectiveUnit.chineseName)),
            ("page", .optional(table.location.page)),
            ("rows", .array(table.rows.map(row))),
        ])
    }

    static func row(_ row: TableRow) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("code", .optional(row.code?.digits ?? row.rawCode)),
            ("name", .string(row.name)),
            ("side", .string(row.side.rawValue)),
            ("role", .string(row.role.rawValue)),
            ("values", .object(row.values.sorted { $0.key.description < $1.key.description }.map { ($0.key.description, .string($0.value.text)) })),
            ("page", .optional(row.location.page)),
            ("line", .optional(row.location.line)),
        ]
        if !row.classifications.isEmpty {
            fields.insert(("classifications", .array(row.classifications.map(classification))), at: 2)
        }
        return .object(fields)
    }

    /// One classification of a row filed under several: its scheme, code (as published) and name.
    static func classification(_ classification: RowClassification) -> JSONValue {
        .object([
            ("scheme", .string(classification.scheme.rawValue)),
            ("code", .optional(classification.code?.digits ?? classification.rawCode)),
            ("name", .string(classification.name)),
        ])
    }

    static func diagnostic(_ diagnostic: Diagnostic) -> JSONValue {
        .object([
            ("rule", .string(diagnostic.rule)),
            ("severity", .string(diagnostic.severity.rawValue)),
            ("message", .string(diagnostic.message)),
            ("table", .optional(diagnostic.table?.rawValue ?? diagnostic.tableTitle)),
            ("code", .optional(diagnostic.code)),
            ("column", .optional(diagnostic.column)),
            ("page", .optional(diagnostic.location?.page)),
            ("line", .optional(diagnostic.location?.line)),
            ("sheet", .optional(diagnostic.location?.sheet)),
            ("cell", .optional(diagnostic.location?.cell)),
            ("field", .optional(diagnostic.location?.field)),
            ("found", .optional(diagnostic.found)),
            ("expected", .optional(diagnostic.expected)),
        ])
    }
}
