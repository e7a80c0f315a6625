/// A code of the economic classification of expenditure (支出经济分类): 类 301, 款 30101.
///
/// Department codes start with 3 (部门预算支出经济分类), government codes with 5 (政府预算支出经济分类).
public struct EconomicCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The digits, 3 or 5 of them.
    public let digits: String

    /// Creates a code from exactly 3 or 5 ASCII digits whose class starts with 3 or 5; nil otherwise.
    public init?(_ text: String) {
        guard [3, 5].contains(text.utf8.count), text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let first = text.utf8.first, first == UInt8(ascii: "3") || first == UInt8(ascii: "5") else { return nil }
        digits = text
    }

    /// The scheme the code belongs to.
    public var scheme: ClassificationScheme {
        digits.utf8.first == UInt8(ascii: "5") ? .economicGovernment : .economicDepartment
    }

    /// 类 or 款.
    public var level: ClassificationLevel { digits.utf8.count == 3 ? .class : .section }

    /// The 类 of a 款, nil for a 类.
    public var parent: EconomicCode? { level == .class ? nil : EconomicCode(String(digits.prefix(3))) }

    public var description: String { digits }

    public static func < (lhs: EconomicCode, rhs: EconomicCode) -> Bool { lhs.digits < rhs.digits }
}
