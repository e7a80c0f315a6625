/// Makes sheet names that Excel accepts from any text (a unit's name, a table's title): characters
/// Excel forbids and control characters removed, no apostrophe at either end, at most 31 UTF-16 code
/// units cut at a character boundary (a CJK Extension B character takes two), unique without regard
/// to case.
public enum SheetNames {
    /// A valid name from `base` not yet in `used` (which it is added to); `fallback` when nothing of
    /// `base` is left.
    public static func unique(_ base: String, fallback: String, used: inout Set<String>) -> String {
        var cleaned = clean(base)
        if cleaned.isEmpty { cleaned = clean(fallback) }
        var name = truncated(cleaned, to: SheetNameRules.maxLength)
        var counter = 2
        while used.contains(name.lowercased()) {
            let suffix = "(\(counter))"
            name = truncated(cleaned, to: SheetNameRules.maxLength - suffix.utf16.count) + suffix
            counter += 1
        }
        used.insert(name.lowercased())
        return name
    }

    private static func clean(_ text: String) -> String {
        let kept = text.unicodeScalars.filter { scalar in
            !SheetNameRules.forbiddenCharacters.contains(Character(scalar)) && scalar.value >= 0x20 && scalar.value != 0x7F
                && !OOXMLCharacterEscapes.needsEscape(scalar)
        }
        var result = String(String.UnicodeScalarView(kept))
        while let first = result.first, first == "'" || first.isWhitespace { result.removeFirst() }
        while let last = result.last, last == "'" || last.isWhitespace { result.removeLast() }
        return result
    }

    private static func truncated(_ text: String, to limit: Int) -> String {
        var result = ""
        var length = 0
        for character in text {
            let units = character.utf16.count
            guard length + units <= limit else { break }
            result.append(character)
            length += units
        }
        while result.last == "'" { result.removeLast() }
        return result
    }
}
