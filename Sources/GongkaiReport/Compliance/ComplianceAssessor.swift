import Foundation
import GongkaiCore
import GongkaiRules

/// Judges a checked document on the five dimensions. Only error findings count against the
/// publisher; warnings are counted beside them for a person to verify. A dimension is met only
/// when it was really judged: a file that could not be read is judged on nothing (that may be the
/// reader's limit rather than the publisher's fault); a scanned file (read by OCR, whose errors
/// are lowered to warnings) is judged only on 公开方式; a table the reader could not read leaves
/// 完整性 and 真实性/准确性 unknown unless an error already fails them.
public enum ComplianceAssessor {
    /// The five verdicts for a document. 及时性 is unknown: a file does not say when it was
    /// published (the server judges it from the 批复 date and the publication time).
    public static func assess(_ document: DocumentReport, map: DimensionMap) -> [DimensionVerdict] {
        guard document.status == .checked else {
            let reason = "文件未能读取，无法评价" + (document.error.map { "：\($0.message)" } ?? "")
            return DisclosureDimension.allCases.map { DimensionVerdict(dimension: $0, outcome: .unknown, note: reason) }
        }
        var errors: [DisclosureDimension: Int] = [:]
        var warnings: [DisclosureDimension: Int] = [:]
        let unreadTables = document.diagnostics.filter { map.readerFindings.contains($0.rule) }.count
        for finding in document.diagnostics {
            guard let dimension = map.dimension(ofRule: finding.rule, category: categoryOfRule[finding.rule]) else { continue }
            switch finding.severity {
            case .error: errors[dimension, default: 0] += 1
            case .warning: warnings[dimension, default: 0] += 1
            default: continue
            }
        }
        let scanned = document.disclosure?.metadata.readByOCR == true
        return DisclosureDimension.allCases.map { dimension in
            if dimension == .timeliness {
                return DimensionVerdict(dimension: dimension, outcome: .unknown, note: "文件本身不载明公开时间，需对照批复日期人工核对")
            }
            let errorCount = errors[dimension] ?? 0
            let warningCount = warnings[dimension] ?? 0
            if dimension == .manner, scanned {
                return DimensionVerdict(dimension: dimension, outcome: .notMet, errors: errorCount, warnings: warningCount,
                                        note: "以扫描图片公开，文字不可检索、表格不可复制")
            }
            if errorCount > 0 { return DimensionVerdict(dimension: dimension, outcome: .notMet, errors: errorCount, warnings: warningCount) }
            if scanned {
                return DimensionVerdict(dimension: dimension, outcome: .unknown, warnings: warningCount, note: "文字经 OCR 识别，发现均待人工核实")
            }
            if unreadTables > 0, [.completeness, .accuracy].contains(dimension) {
                return DimensionVerdict(dimension: dimension, outcome: .unknown, warnings: warningCount, note: "有 \(unreadTables) 张表格未能读取，无法完全判断")
            }
            return DimensionVerdict(dimension: dimension, outcome: .met, warnings: warningCount)
        }
    }

    /// 及时性 from the dates themselves: met when the disclosure was published within `days` days
    /// of the 批复 (both `yyyy-MM-dd`; `published` may be a full ISO 8601 time, read in China's time
    /// zone), not met when later, unknown when either date is missing or unreadable, or when the
    /// publication is dated before the 批复.
    public static func timeliness(approvalDate: String?, published: String?, days: Int) -> DimensionVerdict {
        guard let published else { return DimensionVerdict(dimension: .timeliness, outcome: .unknown, note: "尚未公开") }
        guard let approvalDate else { return DimensionVerdict(dimension: .timeliness, outcome: .unknown, note: "未录入批复日期") }
        guard let approved = day(approvalDate), let publishedDay = day(published),
              let elapsed = Calendar.china.dateComponents([.day], from: approved, to: publishedDay).day else {
            return DimensionVerdict(dimension: .timeliness, outcome: .unknown, note: "批复日期“\(approvalDate)”或公开时间“\(published)”无法识别")
        }
        guard elapsed >= 0 else {
            return DimensionVerdict(dimension: .timeliness, outcome: .unknown, note: "公开时间 \(published.prefix(10)) 早于批复日期 \(approvalDate)，需核对")
        }
        let note = "批复 \(approvalDate)，公开 \(String(published.prefix(10)))，相隔 \(elapsed) 天（时限 \(days) 天）"
        return DimensionVerdict(dimension: .timeliness, outcome: elapsed <= days ? .met : .notMet, errors: elapsed <= days ? 0 : 1, note: note)
    }

    /// The category of each rule of the catalog.
    static let categoryOfRule: [String: String] = Dictionary(
        RuleCatalog.all.map { ($0.description.id, $0.description.category.rawValue) }, uniquingKeysWith: { first, _ in first })

    /// The calendar day of `yyyy-MM-dd` or of an ISO 8601 time, in China's time zone.
    private static func day(_ text: String) -> Date? {
        if text.count == 10 {
            let parts = text.split(separator: "-").compactMap { Int($0) }
            guard parts.count == 3 else { return nil }
            return Calendar.china.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))
        }
        let styles = [Date.ISO8601FormatStyle(includingFractionalSeconds: true), Date.ISO8601FormatStyle()]
        guard let time = styles.lazy.compactMap({ try? $0.parse(text) }).first else { return nil }
        return Calendar.china.startOfDay(for: time)
    }
}

extension Calendar {
    /// The Gregorian calendar in China's time zone (UTC+8), in which 批复 and publication days are counted.
    static let china: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai") ?? TimeZone(secondsFromGMT: 8 * 3600)!
        return calendar
    }()
}

/// Counts of documents per dimension and outcome, for a batch, a 主管部门 or a region.
public struct ComplianceRollUp: Sendable, Codable, Equatable {
    /// One dimension's counts.
    public struct Counts: Sendable, Codable, Equatable {
        /// The dimension.
        public var dimension: DisclosureDimension
        /// Documents that meet it.
        public var met: Int
        /// Documents that do not.
        public var notMet: Int
        /// Documents that could not be judged on it.
        public var unknown: Int
    }

    /// The number of documents.
    public var documents: Int
    /// The counts, in the order of `DisclosureDimension.allCases`.
    public var dimensions: [Counts]

    /// The documents rolled up per 主管部门 (as each document names it; a department's own
    /// document is its own group), in order of name, those naming none last.
    public static func byDepartment(_ documents: [ChecklistDocument]) -> [(department: String, rollUp: ComplianceRollUp)] {
        let groups = Dictionary(grouping: documents) { $0.departmentName }
        return groups.keys.sorted { ($0 ?? "\u{10FFFF}") < ($1 ?? "\u{10FFFF}") }.map { key in
            (key ?? "（未识别主管部门）", ComplianceRollUp(groups[key, default: []].map(\.dimensions)))
        }
    }

    /// Rolls up each document's verdicts.
    public init(_ verdicts: [[DimensionVerdict]]) {
        documents = verdicts.count
        dimensions = DisclosureDimension.allCases.map { dimension in
            let outcomes = verdicts.compactMap { $0.first { $0.dimension == dimension }?.outcome }
            return Counts(dimension: dimension, met: outcomes.filter { $0 == .met }.count, notMet: outcomes.filter { $0 == .notMet }.count,
                          unknown: verdicts.count - outcomes.filter { $0 != .unknown }.count)
        }
    }
}
