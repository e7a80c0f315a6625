import GongkaiCore

/// Interprets a `LayoutDocument` as a `Disclosure`: segments it, builds tables, paragraphs, the
/// table of contents, page summaries and metadata.
enum DisclosureAssembler {
    static func assemble(_ layout: LayoutDocument) -> Disclosure {
        var document = layout
        let removed = removeInvisibleCharacters(&document)
        let segments = DocumentSegmenter.segment(document)
        let defaultUnit = defaultMoneyUnit(segments)
        var tables: [DisclosureTable] = []
        var contents: [ContentsEntry] = []
        for segment in segments {
            switch segment {
            case let .table(block):
                tables.append(TableBuilder(block: block, format: document.format, defaultUnit: defaultUnit, path: document.path).build())
            case let .contents(_, lines):
                contents += ContentsParser.entries(lines)
            default:
                continue
            }
        }
        let narrative = NarrativeBuilder(format: document.format).paragraphs(from: segments)
        var disclosure = Disclosure(path: document.path, format: document.format, tables: tables, narrative: narrative, contents: contents)
        disclosure.metadata = MetadataDetector.detect(lines: document.lines, header: document.header, tables: tables)
        if document.pageCount > 1, document.format != .xlsx {
            disclosure.pages = pageSummaries(document)
        }
        disclosure.removedCharacters = removed
        return disclosure
    }

    /// Removes zero-width and control characters from every cell (dropping cells left empty), and
    /// records what was removed.
    private static func removeInvisibleCharacters(_ document: inout LayoutDocument) -> RemovedCharacters {
        var removed = RemovedCharacters()
        for index in document.lines.indices where document.lines[index].cells.contains(where: { cell in
            cell.text.unicodeScalars.contains(where: InvisibleCharacters.isInvisible)
        }) {
            var cells: [LayoutCell] = []
            for var cell in document.lines[index].cells {
                let cleaned = InvisibleCharacters.removing(from: cell.text)
                removed.record(cleaned.removed, at: cell.location)
                cell.text = cleaned.text
                if !cell.text.trimmingSpaces().isEmpty { cells.append(cell) }
            }
            document.lines[index].cells = cells
        }
        return removed
    }

    /// The unit most tables declare; tables that declare none are read in it.
    private static func defaultMoneyUnit(_ segments: [Segment]) -> MoneyUnit {
        var counts: [MoneyUnit: Int] = [:]
        for case let .table(block) in segments {
            for line in block.lines.prefix(4) {
                for cell in line.cells {
                    if let unit = LineReading.declaredUnit(in: cell.text) { counts[unit, default: 0] += 1 }
                }
            }
        }
        return counts.max { $0.value < $1.value }?.key ?? .wan
    }

    private static func pageSummaries(_ document: LayoutDocument) -> [PageSummary] {
        var byPage: [Int: [String]] = [:]
        var starts: [Int: SourceLocation] = [:]
        for line in document.lines {
            if starts[line.page] == nil { starts[line.page] = line.location }
            if !line.isBlank { byPage[line.page, default: []].append(line.normalizedText) }
        }
        return (1...max(1, document.pageCount)).map { page in
            PageSummary(number: page, lines: byPage[page] ?? [], location: starts[page] ?? SourceLocation(file: document.path, page: page))
        }
    }
}
