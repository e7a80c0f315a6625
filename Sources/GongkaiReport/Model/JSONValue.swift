/// A JSON value with ordered object keys, so reports keep a stable, documented key order.
public enum JSONValue: Sendable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    /// An integer.
    public static func int(_ value: Int) -> JSONValue { .number(String(value)) }

    /// A string, or null when nil.
    public static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// An integer, or null when nil.
    public static func optional(_ value: Int?) -> JSONValue { value.map(JSONValue.int) ?? .null }

    /// The JSON text, indented by two spaces when `pretty`.
    public func rendered(pretty: Bool = true, indent: Int = 0) -> String {
        let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
        let closePad = pretty ? String(repeating: "  ", count: indent) : ""
        let newline = pretty ? "\n" : ""
        switch self {
        case .null: return "null"
        case let .bool(value): return value ? "true" : "false"
        case let .number(text): return text
        case let .string(text): return Self.quote(text)
        case let .array(items):
            guard !items.isEmpty else { return "[]" }
            return "[" + newline + items.map { pad + $0.rendered(pretty: pretty, indent: indent + 1) }.joined(separator: "," + newline)
                + newline + closePad + "]"
        case let .object(fields):
            guard !fields.isEmpty else { return "{}" }
            let separator = pretty ? ": " : ":"
            return "{" + newline + fields.map { pad + Self.quote($0.0) + separator + $0.1.rendered(pretty: pretty, indent: indent + 1) }
                .joined(separator: "," + newline) + newline + closePad + "}"
        }
    }

    private static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 || (0xD800...0xDFFF).contains(scalar.value) {
                    result += "\\u" + String(format4(scalar.value))
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    private static func format4(_ value: UInt32) -> String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
