import GongkaiCore

/// Reads the document's own table of contents into entries that name tables or sections.
enum ContentsParser {
    static func entries(_ lines: [LayoutLine]) -> [ContentsEntry] {
        var entries: [ContentsEntry] = []
        for line in lines {
            // One printed line can hold the entry and its leader dots in separate cells; a cell can also
            // hold a number like "1." on its own.
            let text = clean(line.normalizedText)
            guard !text.isEmpty else { continue }
            let tableKind = TableKindClassifier.isTitle(text) ? TableKindClassifier.kind(forTitle: text) : nil
            let sectionKind = tableKind == nil ? SectionClassifier.kind(forHeading: text) : nil
            entries.append(ContentsEntry(title: text, tableKind: tableKind, sectionKind: sectionKind, location: line.location))
        }
        return entries
    }

    /// The entry title without numbering, leader dots and page numbers.
    static func clean(_ text: String) -> String {
        var scalars = Array(text.unicodeScalars)
        if let cut = scalars.firstIndex(where: { $0 == "…" || $0 == "·" }) ?? firstRun(of: ".", length: 3, in: scalars) {
            scalars = Array(scalars[..<cut])
        }
        var result = String(String.UnicodeScalarView(scalars)).trimmingSpaces()
        if let (_, length) = OrdinalParser.parse(result) {
            result = String(String.UnicodeScalarView(result.unicodeScalars.dropFirst(length))).trimmingSpaces()
        }
        while let last = result.unicodeScalars.last, ChineseText.isDigit(last) { result.unicodeScalars.removeLast() }
        return ChineseText.normalizeSpaces(result)
    }

    private static func firstRun(of scalar: Unicode.Scalar, length: Int, in scalars: [Unicode.Scalar]) -> Int? {
        guard scalars.count >= length else { return nil }
        for start in 0...(scalars.count - length) where scalars[start..<(start + length)].allSatisfy({ $0 == scalar }) {
            return start
        }
        return nil
    }
}
