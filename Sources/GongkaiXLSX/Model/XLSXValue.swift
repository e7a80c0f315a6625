/// The value stored in a cell.
public enum XLSXValue: Sendable, Hashable {
    /// Text: a shared string (rich-text runs concatenated), an inline string, a formula's text
    /// result, or an ISO 8601 date stored as `t="d"`.
    case text(String)
    /// A number in the exact lexical form stored in the file, such as `"190.97999999999999"` or
    /// `"1.5E-3"`, so callers can parse it as `Decimal` without binary rounding.
    case number(String)
    /// A boolean.
    case bool(Bool)
    /// An error value such as `"#DIV/0!"`.
    case error(String)

    /// The value as plain text: the text itself, the number's lexical form, `TRUE`/`FALSE`, or the
    /// error code.
    public var displayText: String {
        switch self {
        case let .text(text): text
        case let .number(lexical): lexical
        case let .bool(value): value ? "TRUE" : "FALSE"
        case let .error(code): code
        }
    }
}
