/// The result of comparing a published total with the sum of its published parts.
public enum SumCheckOutcome: Hashable, Sendable {
    /// The total equals the sum exactly.
    case exact
    /// The total differs from the sum, but by no more than rounding can explain:
    /// |total − Σ| ≤ (n+1)·g/2 for n parts rounded to a step of g.
    case withinRounding(difference: Amount, tolerance: Amount)
    /// The difference is larger than rounding can explain.
    case mismatch(difference: Amount, tolerance: Amount)

    /// Whether this outcome is a real inconsistency.
    public var isMismatch: Bool {
        if case .mismatch = self { return true }
        return false
    }
}

/// Interval arithmetic for published, rounded figures (as XBRL Calculations 1.1): a total of n rounded
/// items is consistent when |total − Σ| ≤ (n+1)·g/2, g being the coarsest rounding step involved.
public enum SumCheck {
    /// Compares `total` with the sum of `parts`. A sum too large to compute is a mismatch: no
    /// published total can equal it.
    ///
    /// `rows` is how many rows the parts come from when some of them print nothing in the column: a
    /// blank there may be a value too small to show at the table's precision (under half a unit),
    /// so it widens the rounding allowance as a printed zero would.
    public static func compare(total: Figure, parts: [Figure], rows: Int? = nil) -> SumCheckOutcome {
        let step = ([total] + parts).map(\.granularity).max() ?? 0
        guard let sum = Amount.exactSum(parts.map(\.amount)) else {
            return .mismatch(difference: Amount(fen: .max), tolerance: Amount(fen: step))
        }
        return compare(total: total.amount, sum: sum, count: max(parts.count, rows ?? 0), step: step)
    }

    /// Compares two published figures that state the same quantity: each is a rounding of one true
    /// value, so they agree when |a − b| ≤ (g₁ + g₂)/2.
    public static func compareSame(_ first: Figure, _ second: Figure) -> SumCheckOutcome {
        let difference = first.amount - second.amount
        if difference.isZero { return .exact }
        let doubledTolerance = first.granularity + second.granularity
        let tolerance = Amount(fen: doubledTolerance / 2)
        let twice = difference.magnitude.fen.multipliedReportingOverflow(by: 2)
        if !twice.overflow, twice.partialValue <= doubledTolerance {
            return .withinRounding(difference: difference, tolerance: tolerance)
        }
        return .mismatch(difference: difference, tolerance: tolerance)
    }

    /// Compares an exact `sum` of `count` items with a `total`, all rounded to `step` fen.
    public static func compare(total: Amount, sum: Amount, count: Int, step: Int64) -> SumCheckOutcome {
        let difference = total - sum
        if difference.isZero { return .exact }
        let doubledTolerance = Int64(count + 1).multipliedReportingOverflow(by: step)
        let doubled = doubledTolerance.overflow ? Int64.max : doubledTolerance.partialValue
        let tolerance = Amount(fen: doubled / 2)
        let twiceDifference = difference.magnitude.fen.multipliedReportingOverflow(by: 2)
        if !twiceDifference.overflow, twiceDifference.partialValue <= doubled {
            return .withinRounding(difference: difference, tolerance: tolerance)
        }
        return .mismatch(difference: difference, tolerance: tolerance)
    }
}
