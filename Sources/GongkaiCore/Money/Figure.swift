/// A number as it was published: its exact value, the unit it was written in and how many decimals
/// were written, which together give the granularity it was rounded to.
///
/// `190.98` in a 万元 table is 1,909,800 元 rounded to 0.01 万元 (= 100 元).
public struct Figure: Hashable, Sendable, Codable {
    /// The exact value of the written number, in fen.
    public var amount: Amount
    /// The unit the number was written in.
    public var unit: MoneyUnit
    /// The number of decimals written (`190.98` → 2, `6.4` → 1, `12,000` → 0).
    public var decimals: Int

    /// Creates a figure.
    public init(amount: Amount, unit: MoneyUnit, decimals: Int) {
        self.amount = amount
        self.unit = unit
        self.decimals = decimals
    }

    /// The rounding step of this figure in fen: a published value v stands for any true value in
    /// [v − granularity/2, v + granularity/2]. Zero is treated as exact (a blank, `-` or `0` cell means nothing).
    public var granularity: Int64 {
        amount.isZero ? 0 : unit.step(decimals: decimals)
    }

    /// The figure written back in its own unit and decimals (`190.98`).
    public var text: String {
        amount.formatted(in: unit, decimals: decimals)
    }

    /// The figure as a sentence shows it, with its unit (`190.98万元`).
    public var textWithUnit: String { text + unit.chineseName }
}
