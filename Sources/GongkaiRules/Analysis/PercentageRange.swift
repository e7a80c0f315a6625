import Foundation
import GongkaiCore

/// The range of percentages two rounded amounts allow, and whether a stated percentage fits it.
enum PercentageRange {
    /// The percentage change from `prior` to `current` as an interval [low, high] (in %), given each
    /// figure's rounding; nil when the prior amount may be zero.
    static func change(from prior: Figure, to current: Figure) -> (low: Decimal, high: Decimal)? {
        let p = Decimal(prior.amount.fen), c = Decimal(current.amount.fen)
        let gp = Decimal(prior.granularity) / 2, gc = Decimal(current.granularity) / 2
        let pLow = p - gp, pHigh = p + gp
        guard pLow > 0 else { return nil }
        let low = (c - gc - pHigh) / pHigh * 100
        let high = (c + gc - pLow) / pLow * 100
        return (min(low, high), max(low, high))
    }

    /// The percentage change to `current` from the amount it was before a stated change of `delta`
    /// (`242万元，较上年减少12万元，下降4.7%`: from 254 to 242), as an interval in %; nil when the earlier
    /// amount may be zero or less.
    static func change(by delta: Figure, sign: Int, to current: Figure) -> (low: Decimal, high: Decimal)? {
        let c = Decimal(current.amount.fen), d = Decimal(delta.amount.fen)
        let gc = Decimal(current.granularity) / 2, gd = Decimal(delta.granularity) / 2
        let s = Decimal(sign)
        var values: [Decimal] = []
        for cc in [c - gc, c + gc] {
            for dd in [d - gd, d + gd] {
                let prior = cc - s * dd
                guard prior > 0 else { return nil }
                values.append(s * dd / prior * 100)
            }
        }
        return (values.min()!, values.max()!)
    }

    /// The share `part` / `whole` as an interval in %.
    static func share(_ part: Figure, of whole: Figure) -> (low: Decimal, high: Decimal)? {
        let w = Decimal(whole.amount.fen), p = Decimal(part.amount.fen)
        let gw = Decimal(whole.granularity) / 2, gp = Decimal(part.granularity) / 2
        guard w - gw > 0 else { return nil }
        return ((p - gp) / (w + gw) * 100, (p + gp) / (w - gw) * 100)
    }

    /// Whether `stated` (rounded to its decimals) is consistent with the interval.
    static func fits(_ stated: Decimal, decimals: Int, _ range: (low: Decimal, high: Decimal)) -> Bool {
        var half = Decimal(5)
        for _ in 0...decimals { half /= 10 }
        return stated + half >= range.low && stated - half <= range.high
    }

    /// A percentage as a Decimal.
    static func value(_ percentage: Percentage) -> Decimal {
        var value = Decimal(percentage.scaled)
        for _ in 0..<percentage.decimals { value /= 10 }
        return value
    }

    /// `x` rounded to 2 decimals, written.
    static func text(_ x: Decimal) -> String {
        var input = x, output = Decimal()
        NSDecimalRound(&output, &input, 2, .plain)
        return NSDecimalNumber(decimal: output).stringValue
    }
}
