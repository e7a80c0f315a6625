import Foundation
import GongkaiCore

/// How the portal prints money and changes: 万元 with two decimals and thousands separators, as the
/// tables of most regions print them; a change as a percentage to one decimal, computed exactly and
/// rounded half up; no percentage where the base is zero.
public enum PortalFormat {
    /// `12,345.68` (万元).
    public static func wan(_ amount: Amount) -> String {
        amount.rounded(to: .wan, decimals: 2).formatted(in: .wan, decimals: 2, grouping: true)
    }

    /// The change from `base` to `value` in percent, one decimal, half up (`+12.3%`, `-4.0%`); nil
    /// when the base is zero or negative (a change of a negative amount has no meaningful sign).
    public static func change(from base: Amount, to value: Amount) -> String? {
        guard base.fen > 0 else { return nil }
        let ratio = (Decimal(value.fen - base.fen) * 100) / Decimal(base.fen)
        // Half up in magnitude: NSDecimalRound's .plain rounds half away from zero.
        var plain = Decimal()
        var input = ratio
        NSDecimalRound(&plain, &input, 1, .plain)
        // A change that rounds to zero is 0.0%, never -0.0%.
        if plain.isZero { return "0.0%" }
        let text = NSDecimalNumber(decimal: plain).description(withLocale: Locale(identifier: "en_US_POSIX"))
        let withDecimal = text.contains(".") ? text : text + ".0"
        return (plain > 0 ? "+" : "") + withDecimal + "%"
    }

    /// The date part of a stored timestamp (`2025-02-10`).
    public static func day(_ timestamp: String) -> String { String(timestamp.prefix(10)) }

    /// A size in bytes as people read it (`12.3 KB`).
    public static func size(_ bytes: Int64) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return String(format: "%.1f KB", Double(bytes) / 1024) }
        return String(format: "%.1f MB", Double(bytes) / 1024 / 1024)
    }
}

extension PortalFormat {
    /// `part` as a percentage of `whole`, two decimals, half up (`98.76%`), as 决算 tables print
    /// 完成预算的%.
    public static func percentOf(_ part: Amount, _ whole: Amount) -> String {
        let ratio = Decimal(part.fen) * 100 / Decimal(whole.fen)
        var rounded = Decimal()
        var input = ratio
        NSDecimalRound(&rounded, &input, 2, .plain)
        let text = NSDecimalNumber(decimal: rounded).description(withLocale: Locale(identifier: "en_US_POSIX"))
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let decimals = parts.count > 1 ? String(parts[1]) : ""
        return "\(parts[0]).\(decimals.padding(toLength: 2, withPad: "0", startingAt: 0))%"
    }
}
