/// An exact amount of money, stored as an integer number of fen (分, 0.01 元).
///
/// Money in Gongkai is never a floating-point number: published figures are parsed straight into fen,
/// sums are integer sums, and rounding to a published unit is half-up.
public struct Amount: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The value in fen (1 元 = 100 fen).
    public var fen: Int64

    /// Creates an amount from a number of fen.
    public init(fen: Int64) {
        self.fen = fen
    }

    /// Zero.
    public static let zero = Amount(fen: 0)

    /// The amount in 元 written with two decimals, e.g. `1909800.00`.
    public var description: String {
        formatted(in: .yuan, decimals: 2, grouping: false)
    }

    /// Whether the amount is zero.
    public var isZero: Bool { fen == 0 }

    /// The absolute value.
    public var magnitude: Amount { Amount(fen: fen < 0 ? (fen == .min ? .max : -fen) : fen) }

    public static func < (lhs: Amount, rhs: Amount) -> Bool { lhs.fen < rhs.fen }

    /// Adds two amounts, saturating instead of trapping on overflow (no real budget comes near).
    public static func + (lhs: Amount, rhs: Amount) -> Amount {
        let (value, overflow) = lhs.fen.addingReportingOverflow(rhs.fen)
        return Amount(fen: overflow ? (rhs.fen > 0 ? .max : .min) : value)
    }

    /// Subtracts two amounts, saturating on overflow.
    public static func - (lhs: Amount, rhs: Amount) -> Amount {
        let (value, overflow) = lhs.fen.subtractingReportingOverflow(rhs.fen)
        return Amount(fen: overflow ? (rhs.fen < 0 ? .max : .min) : value)
    }

    /// Negation, saturating at the extremes.
    public static prefix func - (value: Amount) -> Amount {
        Amount(fen: value.fen == .min ? .max : -value.fen)
    }

    /// The sum of a sequence of amounts (saturating; see `exactSum` where an overflow must be seen).
    public static func sum<S: Sequence>(_ amounts: S) -> Amount where S.Element == Amount {
        amounts.reduce(.zero, +)
    }

    /// The sum of a sequence of amounts, or nil when it does not fit (beyond ±92,233,720,368,547,758.07 元).
    public static func exactSum<S: Sequence>(_ amounts: S) -> Amount? where S.Element == Amount {
        var total: Int64 = 0
        for amount in amounts {
            let (value, overflow) = total.addingReportingOverflow(amount.fen)
            if overflow { return nil }
            total = value
        }
        return Amount(fen: total)
    }

    /// This amount rounded half-up (away from zero at exactly one half) to a multiple of
    /// `10^-decimals` of `unit`, still expressed in fen.
    public func rounded(to unit: MoneyUnit, decimals: Int) -> Amount {
        let step = unit.step(decimals: decimals)
        guard step > 1 else { return self }
        let remainder = fen % step
        var base = fen - remainder
        if remainder.magnitude * 2 >= step.magnitude {
            let (next, overflow) = base.addingReportingOverflow(fen < 0 ? -step : step)
            base = overflow ? base : next
        }
        return Amount(fen: base)
    }

    /// Formats the amount in `unit` with exactly `decimals` decimals, rounding half-up.
    ///
    /// `Amount(fen: 190_980_000).formatted(in: .wan, decimals: 2)` is `"190.98"`;
    /// with `grouping: true` thousands are separated by commas (`"1,909,800"`).
    public func formatted(in unit: MoneyUnit, decimals: Int, grouping: Bool = false) -> String {
        let rounded = self.rounded(to: unit, decimals: decimals)
        let negative = rounded.fen < 0
        let magnitude = rounded.fen.magnitude
        let perUnit = unit.fenPerUnit.magnitude
        let integerPart = magnitude / perUnit
        let fraction = magnitude % perUnit
        var digits = String(integerPart)
        if grouping { digits = Amount.grouped(digits) }
        var text = negative ? "-" + digits : digits
        if decimals > 0 {
            // Exact: the amount was rounded to a multiple of one step of `decimals` above.
            let (product, overflow) = fraction.multipliedReportingOverflow(by: UInt64(pow10(decimals)))
            let raw = String(overflow ? 0 : product / perUnit)
            text += "." + String(repeating: "0", count: max(0, decimals - raw.count)) + raw
        }
        return text
    }

    private static func grouped(_ digits: String) -> String {
        var result: [Character] = []
        for (offset, character) in digits.reversed().enumerated() {
            if offset > 0, offset % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return String(result.reversed())
    }
}

/// 10 to the power `exponent` (0...18), as Int64.
@inlinable
func pow10(_ exponent: Int) -> Int64 {
    var value: Int64 = 1
    for _ in 0..<max(0, min(exponent, 18)) { value *= 10 }
    return value
}
