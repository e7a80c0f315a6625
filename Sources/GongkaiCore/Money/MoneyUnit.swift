/// The unit a table or sentence states its amounts in (单位：元 / 万元 ...).
public enum MoneyUnit: String, CaseIterable, Sendable, Codable {
    /// 元.
    case yuan
    /// 千元.
    case thousandYuan
    /// 万元 (10,000 元).
    case wan
    /// 亿元.
    case yi

    /// How many fen one unit is worth.
    public var fenPerUnit: Int64 {
        switch self {
        case .yuan: 100
        case .thousandYuan: 100_000
        case .wan: 1_000_000
        case .yi: 10_000_000_000
        }
    }

    /// The Chinese name used in documents (元, 千元, 万元, 亿元).
    public var chineseName: String {
        switch self {
        case .yuan: "元"
        case .thousandYuan: "千元"
        case .wan: "万元"
        case .yi: "亿元"
        }
    }

    /// The unit a Chinese unit word names, e.g. `万元` → `.wan`.
    public init?(chineseName: String) {
        switch chineseName {
        case "元": self = .yuan
        case "千元": self = .thousandYuan
        case "万元", "万": self = .wan
        case "亿元", "亿": self = .yi
        default: return nil
        }
    }

    /// The size in fen of one step of `10^-decimals` units; 1 when the step is finer than a fen.
    public func step(decimals: Int) -> Int64 {
        let divisor = pow10(decimals)
        return max(1, fenPerUnit / max(1, divisor))
    }
}
