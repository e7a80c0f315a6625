/// Escaping for text the writer places in XML element content or double-quoted attributes.
enum XMLEscaping {
    /// `text` with `&`, `<`, `>` and `"` replaced by entity references.
    static func escape(_ text: String) -> String {
        // Scalars, not Characters: a quote followed by a combining mark is one Character and
        // would otherwise slip through unescaped.
        // The four characters are ASCII, so a scan of the UTF-8 bytes finds them exactly.
        guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
