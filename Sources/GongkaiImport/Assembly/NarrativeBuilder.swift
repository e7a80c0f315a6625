import GongkaiCore

/// Joins narrative lines into paragraphs, assigns sections from headings, and finds the numbers
/// each paragraph mentions.
struct NarrativeBuilder {
    let format: SourceFormat

    private struct Draft {
        /// (A `String`, not a scalar view: appending to a view copies the whole text each time.)
        var text = ""
        /// `text`'s length in scalars, kept as lines are appended (counting the view is linear).
        var count = 0
        var anchors: [TextAnchor] = []
        var lastLine: LayoutLine?
        var isEmpty: Bool { text.isEmpty }
    }

    func paragraphs(from segments: [Segment]) -> [NarrativeParagraph] {
        var result: [NarrativeParagraph] = []
        var draft = Draft()
        var section: NarrativeSectionKind?
        var subsection: NarrativeSectionKind?
        var pendingBlank = false
        var pendingPage = false
        let margins = leftMargins(segments)

        func flush() {
            guard !draft.isEmpty else { return }
            let text = draft.text
            // Glossary entries name sections ("（五）“三公”经费：指…") without being them.
            let lead = section == .glossary ? nil : SectionClassifier.kind(forLeadOf: text)
            result.append(NarrativeParagraph(text: text, section: section, subsection: lead ?? subsection, anchors: draft.anchors,
                                             mentions: MentionScanner.scan(text)))
            draft = Draft()
        }

        for segment in segments {
            switch segment {
            case .blank:
                pendingBlank = true
            case .pageBreak:
                pendingPage = true
                if format == .xlsx { flush() }
            case .table, .contents:
                flush()
                pendingBlank = false
                pendingPage = false
            case let .heading(line, major):
                flush()
                let text = line.normalizedText
                let kind = SectionClassifier.kind(forHeading: text)
                if major {
                    if kind != nil || !isDocumentTitle(text) {
                        section = kind
                    }
                    subsection = nil
                } else if let kind {
                    if section == nil { section = kind } else { subsection = kind }
                } else {
                    subsection = nil
                }
                result.append(NarrativeParagraph(text: text, isHeading: true, section: section, subsection: subsection,
                                                 anchors: [TextAnchor(offset: 0, location: line.location)], mentions: MentionScanner.scan(text)))
                pendingBlank = false
                pendingPage = false
            case let .text(line):
                let text = line.normalizedText
                if !draft.isEmpty, !continues(draft, with: line, text: text, afterBlank: pendingBlank, afterPage: pendingPage, margins: margins) {
                    flush()
                }
                append(text, line: line, to: &draft)
                pendingBlank = false
                pendingPage = false
            }
        }
        flush()
        return result
    }

    /// A cover title such as "示例市示例区2026年区级部门预算" opens no section.
    private func isDocumentTitle(_ text: String) -> Bool {
        (text.contains("预算") || text.contains("决算")) && !text.contains("说明") && text.unicodeScalars.count <= 40
    }

    private func append(_ text: String, line: LayoutLine, to draft: inout Draft) {
        if let last = draft.text.unicodeScalars.last, let first = text.unicodeScalars.first,
           last.isASCII, first.isASCII, last.properties.isAlphabetic || ("0"..."9").contains(last),
           first.properties.isAlphabetic || ("0"..."9").contains(first) {
            draft.text.append(" ")
            draft.count += 1
        }
        draft.anchors.append(TextAnchor(offset: draft.count, location: line.location))
        draft.text.append(text)
        draft.count += text.unicodeScalars.count
        draft.lastLine = line
    }

    private func continues(_ draft: Draft, with line: LayoutLine, text: String, afterBlank: Bool, afterPage: Bool,
                           margins: [Int: Double]) -> Bool {
        if OrdinalParser.parse(text) != nil || text.hasPrefix("第") && text.contains("部分") { return false }
        let endsSentence = draft.text.unicodeScalars.last.map { "。！？；：!?;:」』”）)".unicodeScalars.contains($0) } ?? true
        switch format {
        case .xlsx:
            return false
        case .text:
            // One paragraph per line, as text extracted from a PDF comes; but a paragraph broken by a stray
            // blank line mid-sentence ("…增加\n\n68.54 万元") continues.
            return afterBlank && !endsSentence && draft.count >= 8
        case .pdf:
            guard let previous = draft.lastLine else { return false }
            let margin = margins[line.page] ?? line.indent
            let height = max(line.height, 6)
            if line.indent > margin + 0.8 * height { return false }
            if afterPage { return !endsSentence }
            if endsSentence {
                // A sentence that ends well before the right edge ends the paragraph.
                let right = previous.cells.last?.x1 ?? 0
                let widest = margins[-line.page] ?? right
                if right < widest - 2 * height { return false }
            }
            return true
        }
    }

    /// Per page: the left margin of narrative lines (key = page) and their rightmost edge (key = −page).
    private func leftMargins(_ segments: [Segment]) -> [Int: Double] {
        var margins: [Int: Double] = [:]
        for case let .text(line) in segments where format == .pdf {
            margins[line.page] = min(margins[line.page] ?? .infinity, line.indent)
            margins[-line.page] = max(margins[-line.page] ?? 0, line.cells.last?.x1 ?? 0)
        }
        return margins
    }
}
