import Foundation
import GongkaiCore
import GongkaiRules

/// Compares `gongkai check` with the truth files written by reading the documents: per document
/// and per region, whether it was read, the tables recognised, the code rows read, the error
/// findings, precision (error findings matching a true defect) and recall (true defects found).
public enum CorpusScore {
    /// The comparison for one document.
    public struct Document: Sendable {
        /// The truth's document path.
        public var document: String
        /// The region.
        public var region: String
        /// Read as the truth expects (checked, or refused as a scan when it is one).
        public var readAsExpected: Bool
        /// The profile the truth names, and the one detected (nil when the truth names none).
        public var profile: (expected: String, detected: String?)?
        /// Whether the detected profile is the one the truth names (true when it names none).
        public var profileAsExpected: Bool { profile.map { $0.expected == $0.detected } ?? true }
        /// The unit the truth names, and the one read from the document (nil when the truth names none).
        public var unit: (expected: String, detected: String?)?
        /// Whether the unit read is the one the truth names (true when it names none).
        public var unitAsExpected: Bool {
            unit.map { expected in expected.detected.map(ChineseText.comparisonKey) == ChineseText.comparisonKey(expected.expected) } ?? true
        }
        /// Truth tables of a known kind, and how many the checker found (same kind, same first page).
        public var tables: Int
        /// Truth tables recognised.
        public var tablesRecognised: Int
        /// Code rows in the recognised tables by the truth, and how many were read (at most the truth's).
        public var codeRows: Int
        /// Code rows read.
        public var codeRowsRead: Int
        /// Error findings.
        public var errorFindings: Int
        /// Error findings that match a true defect (same rule, same page or line).
        public var trueErrorFindings: Int
        /// True defects.
        public var defects: Int
        /// True defects found by a finding of any severity.
        public var defectsFound: Int
        /// The error findings that match no true defect: rule and place, for reading.
        public var falseFindings: [String]
        /// The true defects no finding matched.
        public var missedDefects: [String]
    }

    /// One region's totals.
    public struct Region: Sendable {
        /// The region.
        public var name: String
        /// Its documents.
        public var documents: [Document]

        /// A region (or "all") of these documents.
        public init(name: String, documents: [Document]) {
            self.name = name
            self.documents = documents
        }

        /// Documents read as the truth expects.
        public var read: Int { documents.filter(\.readAsExpected).count }
        /// Documents detected as the profile their truth names.
        public var profilesAsExpected: Int { documents.filter(\.profileAsExpected).count }
        /// Documents whose unit was read as their truth names it.
        public var unitsAsExpected: Int { documents.filter(\.unitAsExpected).count }
        /// Tables recognised of all truth tables.
        public var tables: (recognised: Int, all: Int) { (documents.map(\.tablesRecognised).reduce(0, +), documents.map(\.tables).reduce(0, +)) }
        /// Code rows read of all truth code rows (in recognised tables).
        public var codeRows: (read: Int, all: Int) { (documents.map(\.codeRowsRead).reduce(0, +), documents.map(\.codeRows).reduce(0, +)) }
        /// The median number of error findings per document.
        public var medianErrors: Double {
            let counts = documents.map(\.errorFindings).sorted()
            guard !counts.isEmpty else { return 0 }
            return counts.count % 2 == 1 ? Double(counts[counts.count / 2]) : Double(counts[counts.count / 2 - 1] + counts[counts.count / 2]) / 2
        }
        /// Precision: true error findings / error findings (nil without findings).
        public var precision: Double? {
            let all = documents.map(\.errorFindings).reduce(0, +)
            return all == 0 ? nil : Double(documents.map(\.trueErrorFindings).reduce(0, +)) / Double(all)
        }
        /// Recall: true defects found / true defects (nil without defects).
        public var recall: Double? {
            let all = documents.map(\.defects).reduce(0, +)
            return all == 0 ? nil : Double(documents.map(\.defectsFound).reduce(0, +)) / Double(all)
        }
    }

    /// Scores every truth file of `truthFolder` against the documents under `corpus`.
    public static func run(truthFolder: String, corpus: String, runner: CheckRunner = CheckRunner()) throws -> [Region] {
        var documents: [Document] = []
        for (_, truth) in try CorpusTruth.all(in: truthFolder) {
            let path = (corpus as NSString).appendingPathComponent(truth.document)
            let report = try runner.run(paths: [path]).documents.first
                ?? DocumentReport(path: path, status: .unreadable, diagnostics: [])
            documents.append(score(report, against: truth))
        }
        return Dictionary(grouping: documents, by: \.region).map { Region(name: $0.key, documents: $0.value) }.sorted { $0.name < $1.name }
    }

    /// The comparison of one checked document with its truth.
    public static func score(_ report: DocumentReport, against truth: CorpusTruth) -> Document {
        let expectReadable = truth.readable ?? true
        let readAsExpected = expectReadable ? report.status == .checked : report.error?.code == .pdfWithoutText
        let tables = report.disclosure?.tables ?? []
        var known = 0, recognised = 0, codeRows = 0, codeRowsRead = 0
        for table in truth.tables where table.kind != "other" {
            known += 1
            let match = tables.first { found in
                guard found.kind?.rawValue == table.kind else { return false }
                if let page = table.pages?.first { return found.location.page == page }
                if let line = table.line { return abs((found.location.line ?? -100) - line) <= 2 }
                return true
            }
            guard let match else { continue }
            recognised += 1
            let truthRows = table.codeRows ?? 0
            codeRows += truthRows
            codeRowsRead += min(truthRows, match.rows.filter { !$0.codes.isEmpty }.count)
        }
        let errors = report.diagnostics.filter { $0.severity == .error }
        let matches = { (finding: Diagnostic, defect: CorpusTruth.Defect) -> Bool in
            guard ([defect.rule] + (defect.alternatives ?? [])).contains(finding.rule) else { return false }
            if let page = defect.page, finding.location?.page != page { return false }
            if defect.page == nil, let line = defect.line, abs((finding.location?.line ?? -100) - line) > 2 { return false }
            // A defect about figures is matched only by a finding about one of the same figures.
            let figures = Self.figures(in: defect.found ?? "")
            guard !figures.isEmpty else { return true }
            let said = Self.figures(in: [finding.found, finding.expected, finding.message].compactMap { $0 }.joined(separator: " "))
            return !figures.isDisjoint(with: said)
        }
        let trueErrors = errors.filter { finding in truth.defects.contains { matches(finding, $0) } }
        let found = truth.defects.filter { defect in report.diagnostics.contains { matches($0, defect) } }
        let place = { (page: Int?, line: Int?) in page.map { "第\($0)页" } ?? line.map { "第\($0)行" } ?? "—" }
        return Document(
            document: truth.document, region: truth.region, readAsExpected: readAsExpected,
            profile: truth.profile.map { ($0, report.profile?.id) }, unit: truth.unit.map { ($0, report.disclosure?.metadata.unitName) }, tables: known, tablesRecognised: recognised,
            codeRows: codeRows, codeRowsRead: codeRowsRead, errorFindings: errors.count, trueErrorFindings: trueErrors.count,
            defects: truth.defects.count, defectsFound: found.count,
            falseFindings: errors.filter { finding in !truth.defects.contains { matches(finding, $0) } }
                .map { "\($0.rule) \(place($0.location?.page, $0.location?.line))" },
            missedDefects: truth.defects.filter { defect in !report.diagnostics.contains { matches($0, defect) } }
                .map { "\($0.rule) \(place($0.page, $0.line))" })
    }

    /// The amounts written in `text` — numbers with decimals or of five digits and more, so that
    /// years and ordinals do not count — without thousands separators (`2,961.68` → `2961.68`).
    static func figures(in text: String) -> Set<String> {
        var result = Set<String>()
        var current = ""
        for character in text + " " {
            if character.isASCII, character.isNumber || (character == "." && !current.isEmpty) || (character == "," && !current.isEmpty) {
                if character != "," { current.append(character) }
            } else {
                let trimmed = current.hasSuffix(".") ? String(current.dropLast()) : current
                if trimmed.contains(".") || trimmed.count >= 5 { result.insert(trimmed) }
                current = ""
            }
        }
        return result
    }

    /// The scores as a markdown table, then one line per document.
    public static func format(_ regions: [Region]) -> String {
        func percent(_ value: Double?) -> String { value.map { String(format: "%.0f%%", $0 * 100) } ?? "—" }
        var lines = ["| region | documents | read | profile detected | unit named | tables recognised | code rows read | error findings per document (median) | precision | recall |",
                     "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
        for region in regions + [Region(name: "all", documents: regions.flatMap(\.documents))] {
            let tables = region.tables, rows = region.codeRows
            lines.append("| \(region.name) | \(region.documents.count) | \(region.read) | \(region.profilesAsExpected) | \(region.unitsAsExpected) | \(tables.recognised)/\(tables.all) | \(rows.read)/\(rows.all) | "
                + String(format: "%.1f", region.medianErrors) + " | \(percent(region.precision)) | \(percent(region.recall)) |")
        }
        lines.append("")
        for document in regions.flatMap(\.documents) {
            lines.append("- \(document.document): 表 \(document.tablesRecognised)/\(document.tables)，错误 \(document.errorFindings)（属实 \(document.trueErrorFindings)），"
                + "真实问题 \(document.defectsFound)/\(document.defects) 已发现"
                + (document.profileAsExpected ? "" : "；检查口径应为 \(document.profile?.expected ?? "—")，识别为 \(document.profile?.detected ?? "—")")
                + (document.unitAsExpected ? "" : "；单位应为 \(document.unit?.expected ?? "—")，读为 \(document.unit?.detected ?? "—")")
                + (document.missedDefects.isEmpty ? "" : "；漏报：\(document.missedDefects.joined(separator: "、"))")
                + (document.falseFindings.isEmpty ? "" : "；误报：\(document.falseFindings.prefix(12).joined(separator: "、"))\(document.falseFindings.count > 12 ? " 等 \(document.falseFindings.count) 条" : "")"))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
