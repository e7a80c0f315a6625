/// A code of the functional classification of expenditure (支出功能分类): 类 201, 款 20132, 项 2013201.
public struct FunctionCode: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The digits, 3, 5 or 7 of them.
    public let digits: String

    /// Creates a code from exactly 3, 5 or 7 ASCII digits whose class starts with 2; nil otherwise.
    public init?(_ text: String) {
        guard [3, 5, 7].contains(text.utf8.count), text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              text.utf8.first == UInt8(ascii: "2") else { return nil }
        digits = text
    }

    /// 类, 款 or 项.
    public var level: ClassificationLevel {
        ClassificationLevel(rawValue: (digits.utf8.count - 1) / 2) ?? .class
    }

    /// The code one level up (款 → 类, 项 → 款), nil for a 类.
    public var parent: FunctionCode? {
        level == .class ? nil : FunctionCode(String(digits.prefix(digits.utf8.count - 2)))
    }

    /// The 类 this code belongs to.
    public var classCode: FunctionCode { FunctionCode(String(digits.prefix(3)))! }

    /// The code split as published in Shanghai tables: `204 06 01`.
    public var spaced: String {
        let scalars = Array(digits)
        var parts = [String(scalars[0..<3])]
        if scalars.count >= 5 { parts.append(String(scalars[3..<5])) }
        if scalars.count == 7 { parts.append(String(scalars[5..<7])) }
        return parts.joined(separator: " ")
    }

    public var description: String { digits }

    public static func < (lhs: FunctionCode, rhs: FunctionCode) -> Bool { lhs.digits < rhs.digits }
}
