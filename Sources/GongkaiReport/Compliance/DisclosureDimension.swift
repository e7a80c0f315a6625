import Foundation
import GongkaiCore

/// The five dimensions on which 财政部 and the provinces inspect 预决算公开 (the national special
/// inspections since 2015): was it published on time, all of it, in enough detail, in a usable
/// form, and truly.
public enum DisclosureDimension: String, Sendable, Codable, CaseIterable {
    /// 及时性: published within the deadline after the 批复.
    case timeliness
    /// 完整性: every required table, section and explanation is there.
    case completeness
    /// 细化程度: codes down to the required level, changes explained, performance goals specific.
    case detail
    /// 公开方式: a searchable, readable document with its tables as tables.
    case manner
    /// 真实性/准确性: the figures add up and the text agrees with the tables.
    case accuracy

    /// The Chinese name.
    public var chineseName: String {
        switch self {
        case .timeliness: "及时性"
        case .completeness: "完整性"
        case .detail: "细化程度"
        case .manner: "公开方式"
        case .accuracy: "真实性/准确性"
        }
    }
}

/// How one document stands on one dimension.
public struct DimensionVerdict: Sendable, Codable, Equatable {
    /// The outcome.
    public enum Outcome: String, Sendable, Codable {
        /// No error finding falls under the dimension.
        case met
        /// At least one error finding does.
        case notMet = "not-met"
        /// The file alone cannot tell (the publication date is not in it, or it could not be read).
        case unknown
    }

    /// The dimension.
    public var dimension: DisclosureDimension
    /// The outcome.
    public var outcome: Outcome
    /// Error findings under it: defects, each the publisher's.
    public var errors: Int
    /// Warnings under it: to be verified by a person, not counted against the publisher.
    public var warnings: Int
    /// Why, when the findings alone do not say (a scanned file, a date not known).
    public var note: String?

    /// Creates a verdict.
    public init(dimension: DisclosureDimension, outcome: Outcome, errors: Int = 0, warnings: Int = 0, note: String? = nil) {
        self.dimension = dimension
        self.outcome = outcome
        self.errors = errors
        self.warnings = warnings
        self.note = note
    }

    /// 是, 否 or — as a checklist writes it.
    public var mark: String {
        switch outcome {
        case .met: "是"
        case .notMet: "否"
        case .unknown: "—"
        }
    }
}

/// Which dimension each rule's findings count against, read from `Resources/dimensions.json`.
public struct DimensionMap: Sendable, Codable {
    /// The dimension of each rule category.
    public var categories: [String: DisclosureDimension]
    /// Rules that count against another dimension than their category's.
    public var rules: [String: DisclosureDimension]
    /// Rules whose findings say the reader could not read something: they count against none.
    public var readerFindings: Set<String>
    /// Days after the 批复 within which a disclosure is due (财预〔2016〕143号: 20).
    public var deadlineDays: Int

    /// The dimension a rule's findings count against; nil for findings about the reader, and for a
    /// rule the map does not know (a test holds every rule of the catalog to a dimension).
    public func dimension(ofRule id: String, category: String?) -> DisclosureDimension? {
        if readerFindings.contains(id) { return nil }
        if let dimension = rules[id] { return dimension }
        return category.flatMap { categories[$0] }
    }

    /// The bundled map.
    public static func standard() throws -> DimensionMap {
        try loaded.get()
    }

    private static let loaded: Result<DimensionMap, GongkaiError> = {
        guard let url = Bundle.module.url(forResource: "dimensions", withExtension: "json") else {
            return .failure(GongkaiError(.profileInvalid, "内置的公开评价维度文件 dimensions.json 缺失（安装不完整）"))
        }
        do {
            return .success(try JSONDecoder().decode(DimensionMap.self, from: Data(contentsOf: url)))
        } catch {
            return .failure(GongkaiError(.profileInvalid, "公开评价维度文件格式错误", path: url.path, cause: GongkaiError.Detail(String(describing: error))))
        }
    }()
}
