/// The level of a classification code: 类 (class), 款 (section) or 项 (item).
public enum ClassificationLevel: Int, Comparable, Sendable, Codable, CaseIterable {
    /// 类: 3 digits.
    case `class` = 1
    /// 款: 5 digits.
    case section = 2
    /// 项: 7 digits (functional classification only).
    case item = 3

    /// The Chinese name of the level (类, 款, 项).
    public var chineseName: String {
        switch self {
        case .class: "类"
        case .section: "款"
        case .item: "项"
        }
    }

    /// The number of digits a code of this level has.
    public var digitCount: Int { 1 + 2 * rawValue }

    public static func < (lhs: ClassificationLevel, rhs: ClassificationLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}
