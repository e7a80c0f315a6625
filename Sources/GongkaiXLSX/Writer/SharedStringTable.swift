/// The shared strings of the workbook being written, in first-use order, and their
/// `xl/sharedStrings.xml`.
struct SharedStringTable {
    /// Compares by exact code units: Swift's `==` treats canonically equivalent strings (a
    /// precomposed é and e + combining accent) as equal, which would rewrite one into the other.
    private struct ExactText: Hashable {
        let text: String

        static func == (lhs: ExactText, rhs: ExactText) -> Bool {
            lhs.text.utf8.elementsEqual(rhs.text.utf8)
        }

        func hash(into hasher: inout Hasher) {
            for byte in text.utf8 { hasher.combine(byte) }
        }
    }

    private var strings = UniqueList<ExactText>()
    private var referenceCount = 0

    /// Whether no cell used a string.
    var isEmpty: Bool { strings.items.isEmpty }

    /// The index a cell stores for `text`, adding the text on first use.
    mutating func index(for text: String) -> Int {
        referenceCount += 1
        return strings.index(for: ExactText(text: text))
    }

    /// The complete `xl/sharedStrings.xml`.
    func xml() -> String {
        var xml = XMLHeader.declaration
        xml += "<sst xmlns=\"\(XMLHeader.spreadsheetNamespace)\" count=\"\(referenceCount)\" uniqueCount=\"\(strings.items.count)\">"
        for item in strings.items {
            let text = item.text
            // Without xml:space="preserve" Excel drops leading and trailing spaces and line breaks.
            let needsPreserve = text.first?.isWhitespace == true || text.last?.isWhitespace == true
                || text.contains(where: \.isNewline) || text.contains("\t")
            let escaped = XMLEscaping.escape(OOXMLCharacterEscapes.encode(text))
            xml += needsPreserve ? "<si><t xml:space=\"preserve\">\(escaped)</t></si>" : "<si><t>\(escaped)</t></si>"
        }
        xml += "</sst>"
        return xml
    }
}
