/// Escaping for text the writer places in XML element content or double-quoted attributes.
enum XMLEscaping {
    /// `text` with `&`, `<`, `>` and `"` replaced by entity references.
    static func escape(_ text: String) -> String {
        // Scalars, not Characters: a quote followed by a combining mark is one Character and
        // would otherwise slip through unescaped.
        guard text.unicodeScalars.contains(where: { "&<>\"".unicodeScalars.contains($0) }) else { return text }
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
