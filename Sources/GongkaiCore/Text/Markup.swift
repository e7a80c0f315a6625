/// Removes the light markup that text extracted from web pages and PDFs carries: `<b>`, `<p>`,
/// `**bold**`, leading `#` heading marks.
public enum Markup {
    /// `text` without HTML-like tags and markdown emphasis.
    public static func stripInline(_ text: String) -> String {
        guard text.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "*") }) else { return text }
        var output = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.first {
            if scalar == "<", let close = scalars.firstIndex(of: ">"),
               scalars.distance(from: scalars.startIndex, to: close) <= 12,
               isTag(scalars[scalars.index(after: scalars.startIndex)..<close]) {
                scalars = scalars[scalars.index(after: close)...]
                continue
            }
            if scalar == "*", scalars.dropFirst().first == "*" {
                scalars = scalars.dropFirst(2)
                continue
            }
            output.append(scalar)
            scalars = scalars.dropFirst()
        }
        return String(output)
    }

    /// The heading level of a markdown line (`## 标题` → 2) and its text, or nil.
    public static func heading(_ line: String) -> (level: Int, text: String)? {
        var level = 0
        var rest = Substring(line)
        while rest.first == "#" {
            level += 1
            rest = rest.dropFirst()
        }
        guard level > 0, level <= 6, rest.first == " " || rest.first == "\t" else { return nil }
        return (level, String(rest).trimmingSpaces())
    }

    private static func isTag(_ body: Substring.UnicodeScalarView) -> Bool {
        var name = body[...]
        if name.first == "/" { name = name.dropFirst() }
        guard let first = name.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) else {
            return false
        }
        return name.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == " " || $0 == "/" }
    }
}

extension StringProtocol {
    /// The string without leading and trailing white space of any width.
    public func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, ChineseText.isSpace(scalars[start]) { scalars.formIndex(after: &start) }
        while end > start {
            let before = scalars.index(before: end)
            guard ChineseText.isSpace(scalars[before]) else { break }
            end = before
        }
        return String(self[start..<end])
    }
}
