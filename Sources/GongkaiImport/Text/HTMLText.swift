/// Turns an HTML page — a disclosure published as a web page — into the text form the text reader
/// takes: a line per paragraph, heading or line break, `#` before headings, and each table row as
/// tab-separated cells with merged cells (colspan, rowspan) keeping the columns in place. Scripts,
/// styles, comments, server-page directives and the page head (but its title) are not text.
///
/// One pass over the bytes; no tag nesting is trusted beyond what a row needs, as real pages do not
/// close their tags reliably.
enum HTMLText {
    /// Whether decoded text is an HTML page rather than text or markdown with a tag in it.
    static func looksLikeHTML(_ text: String) -> Bool {
        let head = String(text.prefix(4096)).lowercased()
        return head.contains("<html") || head.contains("<!doctype html") || (head.contains("<body") && head.contains("</"))
    }

    /// The page's text, as lines for `TextLayoutReader`.
    static func text(fromHTML html: String) -> String {
        var converter = Converter(bytes: Array(html.utf8))
        converter.run()
        return converter.output()
    }

    private struct Converter {
        let bytes: [UInt8]
        var index = 0
        var lines: [String] = []
        var current = ""
        var inHead = false
        var inTitle = false
        var row: [String]?
        var cell: String?
        var cellSpan = 1
        /// Per column, how many more rows a cell above still covers.
        var coveredBelow: [Int] = []

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func run() {
            while index < bytes.count {
                if bytes[index] == 0x3C, index + 1 < bytes.count, Self.opensMarkup(bytes[index + 1]) {
                    readMarkup()
                } else {
                    let start = index
                    index += 1
                    while index < bytes.count, bytes[index] != 0x3C { index += 1 }
                    appendText(String(decoding: bytes[start..<index], as: UTF8.self))
                }
            }
            endCell()
            endRow()
            endLine()
        }

        func output() -> String {
            var result: [String] = []
            for line in lines where !(line.isEmpty && (result.last?.isEmpty ?? true)) { result.append(line) }
            return result.joined(separator: "\n") + "\n"
        }

        // MARK: markup

        /// What may follow `<` in markup: a letter, `/`, `!`, `?` or `%` — not a space or a digit (a < b).
        private static func opensMarkup(_ byte: UInt8) -> Bool {
            (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || [0x2F, 0x21, 0x3F, 0x25].contains(byte)
        }

        private mutating func readMarkup() {
            if starts(with: "<!--") { return skip(past: "-->") }
            if starts(with: "<%") { return skip(past: "%>") }
            if starts(with: "<!") || starts(with: "<?") { return skip(past: ">") }
            let start = index + 1
            skip(past: ">")
            let tag = String(decoding: bytes[start..<max(start, index - 1)], as: UTF8.self)
            let closing = tag.hasPrefix("/")
            let name = String(tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }).lowercased()
            switch name {
            case "script", "style":
                if !closing { skip(past: "</" + name); skip(past: ">") }
            case "head": inHead = !closing
            case "title":
                inTitle = !closing
                endLine()
            case "br": breakLine()
            case "h1", "h2", "h3", "h4", "h5", "h6":
                endLine()
                if !closing, let level = Int(name.dropFirst()) { current = String(repeating: "#", count: level) + " " }
            case "p", "div", "li", "ul", "ol", "section", "article", "blockquote", "dd", "dt", "caption", "center":
                if row == nil { endLine() }
            case "table": endLine()
            case "tr":
                endCell()
                endRow()
                if !closing { startRow() }
            case "td", "th":
                endCell()
                if !closing {
                    if row == nil { startRow() }
                    cell = ""
                    cellSpan = max(1, min(attribute("colspan", in: tag) ?? 1, 100))
                    let rowSpan = max(1, min(attribute("rowspan", in: tag) ?? 1, 1000))
                    coverBelow(rowSpan - 1)
                }
            default: break
            }
        }

        private func starts(with prefix: String) -> Bool {
            let needle = Array(prefix.utf8)
            guard index + needle.count <= bytes.count else { return false }
            return bytes[index..<index + needle.count].elementsEqual(needle)
        }

        /// Moves past the next `marker` (ASCII, compared case-insensitively), or to the end.
        private mutating func skip(past marker: String) {
            let needle = Array(marker.lowercased().utf8)
            while index < bytes.count {
                if index + needle.count <= bytes.count,
                   zip(bytes[index..<index + needle.count], needle).allSatisfy({ lowercased($0) == $1 }) {
                    index += needle.count
                    return
                }
                index += 1
            }
        }

        private func lowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte }

        private func attribute(_ name: String, in tag: String) -> Int? {
            guard let range = tag.lowercased().range(of: name + "=") else { return nil }
            let value = tag.lowercased()[range.upperBound...].drop { $0 == "\"" || $0 == "'" }.prefix { $0.isNumber }
            return Int(value)
        }

        // MARK: text

        private mutating func appendText(_ raw: String) {
            guard !inHead || inTitle else { return }
            let decoded = Self.decodeEntities(raw)
            var text = ""
            var lastWasSpace = false
            for scalar in decoded.unicodeScalars {
                let space = scalar == " " || scalar == "\n" || scalar == "\r" || scalar == "\t" || scalar == "\u{00A0}"
                if space {
                    if !lastWasSpace { text.append(" ") }
                } else {
                    text.unicodeScalars.append(scalar)
                }
                lastWasSpace = space
            }
            if cell != nil { cell! += text } else { current += text }
        }

        private mutating func breakLine() {
            if cell != nil { cell! += " " } else { endLine() }
        }

        private mutating func endLine() {
            let trimmed = current.trimmingSpaces()
            lines.append(trimmed.allSatisfy { $0 == "#" } ? "" : trimmed)  // a heading with no text is none
            current = ""
        }

        // MARK: tables

        private mutating func startRow() {
            endLine()
            row = []
            fillCovered()
        }

        /// Empty cells where cells of rows above still reach down.
        private mutating func fillCovered() {
            guard var cells = row else { return }
            while cells.count < coveredBelow.count, coveredBelow[cells.count] > 0 {
                coveredBelow[cells.count] -= 1
                cells.append("")
            }
            row = cells
        }

        private mutating func coverBelow(_ rows: Int) {
            guard let cells = row else { return }
            for column in cells.count..<(cells.count + cellSpan) {
                while coveredBelow.count <= column { coveredBelow.append(0) }
                coveredBelow[column] = rows
            }
        }

        private mutating func endCell() {
            guard let text = cell, var cells = row else { return }
            cells.append(text.trimmingSpaces())
            for _ in 1..<cellSpan { cells.append("") }
            row = cells
            cell = nil
            cellSpan = 1
            fillCovered()
        }

        private mutating func endRow() {
            guard let cells = row else { return }
            row = nil
            if cells.contains(where: { !$0.isEmpty }) { lines.append(cells.joined(separator: "\t")) }
        }

        /// `&nbsp;` `&amp;` `&lt;` `&gt;` `&quot;` `&#39;` `&#x3000;` `&#12288;` and the like.
        static func decodeEntities(_ text: String) -> String {
            guard text.contains("&") else { return text }
            var result = ""
            var rest = Substring(text)
            while let amp = rest.firstIndex(of: "&") {
                result += rest[..<amp]
                let after = rest[rest.index(after: amp)...]
                guard let semicolon = after.prefix(10).firstIndex(of: ";") else {
                    result += "&"
                    rest = after
                    continue
                }
                let entity = after[..<semicolon]
                let named: [Substring: String] = ["nbsp": "\u{00A0}", "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'",
                                                  "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’", "middot": "·", "mdash": "—"]
                if let value = named[entity] {
                    result += value
                } else if entity.hasPrefix("#"), let code = entity.hasPrefix("#x") || entity.hasPrefix("#X")
                            ? UInt32(entity.dropFirst(2), radix: 16) : UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(code) {
                    result.unicodeScalars.append(scalar)
                } else {
                    result += "&" + entity + ";"
                }
                rest = after[after.index(after: semicolon)...]
            }
            return result + rest
        }
    }
}
