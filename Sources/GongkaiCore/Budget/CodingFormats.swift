import Foundation

/// Amounts are written in 元 as decimal strings with at most two decimals (`"158449.00"`), so JSON
/// never carries money as a binary floating-point number. A JSON number is accepted when it has at
/// most two decimals.
extension Amount: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text: String
        if let string = try? container.decode(String.self) {
            text = string
        } else if let number = try? container.decode(Decimal.self) {
            text = "\(number)"
        } else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "应为以元为单位的金额，例如 \"1234.56\"")
        }
        guard let figure = AmountParser.parse(text, unit: .yuan), figure.decimals <= 2, text.trimmingSpaces() != "" else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "“\(text)”不是以元为单位、最多两位小数的金额")
        }
        guard figure.amount.magnitude <= Amount.largestBudgetAmount else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "金额“\(text)”超出合理范围（单笔不超过 100 万亿元）")
        }
        self = figure.amount
    }

    /// The largest single amount a budget may hold: 100 万亿元, above any unit's or department's
    /// budget (the whole national general budget is about 30 万亿元), and small enough that the sums
    /// the renderer forms never overflow.
    public static let largestBudgetAmount = Amount(fen: 100_000_000_000_000 * 100)

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(formatted(in: .yuan, decimals: 2))
    }
}

/// A classification code written in JSON as its digits, with the message for text that is not one.
protocol DigitsCodable: Codable, CustomStringConvertible {
    init?(_ text: String)
    var digits: String { get }
    static var expectation: String { get }
}

extension DigitsCodable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let code = Self(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "“\(text)”不是\(Self.expectation)")
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digits)
    }
}

extension FunctionCode: DigitsCodable {
    static let expectation = "功能分类科目编码（3、5 或 7 位数字，以 2 开头）"
}

extension EconomicCode: DigitsCodable {
    static let expectation = "经济分类科目编码（3 或 5 位数字，以 3 或 5 开头）"
}
