import Foundation
import GongkaiCore

/// How numbers are written in the narrative: amounts in 万元 with two decimals (half-up, as the
/// tables), changes as 增加/减少/持平 with the difference, and year-on-year percentages.
struct Wording {
    /// Whether amounts have thousands separators (37,151.47万元), as the layout's region writes them.
    var groupsThousands = false

    /// `190.98万元`; zero is written `0万元` as disclosures do.
    func wan(_ amount: Amount) -> String {
        amount.rounded(to: .wan, decimals: 2).isZero ? "0万元" : "\(amount.formatted(in: .wan, decimals: 2, grouping: groupsThousands))万元"
    }

    /// `增加68.54万元`, `减少6.72万元` or `持平` — the difference of the two amounts as published
    /// (each rounded to 0.01万元 first), so a reader can recompute it from the printed figures.
    func change(from prior: Amount, to current: Amount) -> String {
        let difference = current.rounded(to: .wan, decimals: 2) - prior.rounded(to: .wan, decimals: 2)
        if difference.isZero { return "持平" }
        return (difference.fen > 0 ? "增加" : "减少") + wan(difference.magnitude)
    }

    /// `比2022年增加68.54万元` or `与2022年持平`.
    func compared(with prior: Amount, to current: Amount, year: Int, suffix: String = "") -> String {
        let change = change(from: prior, to: current)
        return change == "持平" ? "与\(year)年\(suffix)持平" : "比\(year)年\(suffix)\(change)"
    }

    /// The change in percent of `prior`, from the published (rounded) figures, half-up to two
    /// decimals: `增加5.41%`; nil when there was nothing the year before.
    func percentChange(from prior: Amount, to current: Amount) -> String? {
        let base = prior.rounded(to: .wan, decimals: 2).fen
        guard base > 0 else { return nil }
        let difference = current.rounded(to: .wan, decimals: 2).fen - base
        if difference == 0 { return "持平" }
        let (scaled, overflow) = difference.magnitude.multipliedReportingOverflow(by: 20_000)
        guard !overflow else { return nil }
        let hundredths = (scaled + UInt64(base)) / (2 * UInt64(base))
        let text = "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)%"
        return (difference > 0 ? "增加" : "减少") + text
    }

    /// `part` as a percentage of `whole`, both as published (rounded to 0.01万元), half-up to two
    /// decimals: `25.40%`; nil when the whole is zero.
    func share(_ part: Amount, of whole: Amount) -> String? {
        let base = whole.rounded(to: .wan, decimals: 2).fen
        guard base > 0 else { return nil }
        let value = part.rounded(to: .wan, decimals: 2).fen
        let (scaled, overflow) = value.magnitude.multipliedReportingOverflow(by: 20_000)
        guard !overflow else { return nil }
        let hundredths = (scaled + UInt64(base)) / (2 * UInt64(base))
        return "\(value < 0 ? "-" : "")\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)%"
    }

    /// `增加68.54万元，增长5.77%`, `减少6.72万元，下降13.69%` or `持平`, against the year before.
    func changeWithRate(from prior: Amount, to current: Amount) -> String {
        let change = change(from: prior, to: current)
        guard change != "持平", let rate = percentChange(from: prior, to: current) else { return change }
        return change + "，" + (rate.hasPrefix("增加") ? "增长" : "下降") + rate.dropFirst(2)
    }

    /// A sentence of its own (`主要原因：…。`), or nothing when no text is given.
    func sentence(_ text: String?, lead: String) -> String {
        let clause = reason(text, lead: lead)
        return clause.isEmpty ? "" : clause + "。"
    }

    /// A reason clause (`，主要原因是…`), or nothing when no reason is given.
    func reason(_ text: String?, lead: String = "，主要原因是") -> String {
        guard let text = text?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return "" }
        return lead + text.trimmingTrailingPunctuation
    }
}

extension String {
    /// The text without a final 。；，. so it can be embedded in a sentence.
    var trimmingTrailingPunctuation: String {
        var text = self
        while let last = text.last, "。；;，,.".contains(last) { text.removeLast() }
        return text
    }
}
