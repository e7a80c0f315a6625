import GongkaiCore

/// Reads text and markdown disclosures (the seed's format): headings marked `#`, inline `<b>` and
/// `**` emphasis, tables as tab-separated lines.
enum TextLayoutReader {
    /// Splits `text` into layout lines. An excerpt header (`key: value` lines closed by `---`) is
    /// returned separately.
    static func read(_ text: String, path: String) -> LayoutDocument {
        var rawLines = splitLines(text)
        var header: [String: String] = [:]
        var firstLineNumber = 1
        if let separator = rawLines.prefix(40).firstIndex(where: { $0.trimmingSpaces() == "---" }), separator > 0,
           rawLines[..<separator].allSatisfy({ $0.trimmingSpaces().isEmpty || headerField($0) != nil }) {
            for line in rawLines[..<separator] {
                if let (key, value) = headerField(line) { header[key] = value }
            }
            firstLineNumber = separator + 2
            rawLines = Array(rawLines[(separator + 1)...])
        }
        var lines: [LayoutLine] = []
        lines.reserveCapacity(rawLines.count)
        // A form feed starts a new page, as `pdftotext -layout` writes them.
        let paged = rawLines.contains { $0.contains("\u{0C}") }
        var page = 1
        for (offset, raw) in rawLines.enumerated() {
            var text = String(raw)
            if paged, text.contains("\u{0C}") {
                page += text.filter { $0 == "\u{0C}" }.count
                text.removeAll { $0 == "\u{0C}" }
            }
            let number = firstLineNumber + offset
            lines.append(layoutLine(text, number: number, page: page, paged: paged, path: path))
        }
        return LayoutDocument(path: path, format: .text, lines: lines, pageCount: page, header: header)
    }

    /// Lines split on LF, CRLF or CR, comparing bytes rather than Characters (much faster on long files).
    private static func splitLines(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index < utf8.endIndex {
            let byte = utf8[index]
            if byte == 0x0A || byte == 0x0D {
                lines.append(text[start..<index])
                var next = utf8.index(after: index)
                if byte == 0x0D, next < utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
                start = next
                index = next
            } else {
                index = utf8.index(after: index)
            }
        }
        lines.append(text[start..<utf8.endIndex])
        return lines
    }

    private static func headerField(_ line: Substring) -> (String, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon].trimmingSpaces()
        guard !key.isEmpty, key.count <= 20, key.unicodeScalars.allSatisfy({ $0.isASCII && ($0.properties.isAlphabetic || $0 == "-" || $0 == "_") }) else {
            return nil
        }
        return (key, line[line.index(after: colon)...].trimmingSpaces())
    }

    private static func layoutLine(_ raw: String, number: Int, page: Int, paged: Bool, path: String) -> LayoutLine {
        let location = SourceLocation(file: path, page: paged ? page : nil, line: number)
        var style = LineStyle()
        var content = raw
        if let heading = Markup.heading(raw.trimmingSpaces()) {
            style.headingLevel = heading.level
            content = heading.text
        }
        let trimmed = content.trimmingSpaces()
        if trimmed.hasPrefix("**"), trimmed.hasSuffix("**"), trimmed.count > 4, !trimmed.dropFirst(2).dropLast(2).contains("**") {
            style.bold = true
        }
        let isGridded = content.utf8.contains(0x09)
        var cells: [LayoutCell] = []
        if isGridded {
            for (index, field) in content.utf8.split(separator: 0x09, omittingEmptySubsequences: false).enumerated() {
                let text = Markup.stripInline(String(Substring(field))).trimmingSpaces()
                guard !text.isEmpty else { continue }
                cells.append(LayoutCell(text: text, x0: Double(index), x1: Double(index) + 0.9, y0: Double(number), y1: Double(number) + 0.9, location: location))
            }
        } else {
            let text = Markup.stripInline(content).trimmingSpaces()
            if !text.isEmpty {
                cells.append(LayoutCell(text: text, x0: 0, x1: 0.9, y0: Double(number), y1: Double(number) + 0.9, location: location))
            }
        }
        return LayoutLine(cells: cells, page: page, location: location, style: style, isGridded: isGridded, indent: 0, pageWidth: 0)
    }
}
