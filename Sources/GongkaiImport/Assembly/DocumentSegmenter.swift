import GongkaiCore

/// The lines of one table: its title line and everything printed with it up to the next title or
/// narrative text, across page breaks.
struct TableBlock: Sendable {
    var title: String
    var titleLine: LayoutLine
    var lines: [LayoutLine]
    var kind: TableKind?
}

/// A piece of a document after segmentation.
enum Segment: Sendable {
    /// A line of narrative text.
    case text(LayoutLine)
    /// A heading; `major` for page titles and top-level headings.
    case heading(LayoutLine, major: Bool)
    /// A blank line (paragraph separator in text files).
    case blank
    /// A page or sheet break.
    case pageBreak
    /// A table.
    case table(TableBlock)
    /// The table of contents: its header line and entry lines.
    case contents(LayoutLine, [LayoutLine])
}

/// Splits a document's lines into tables, headings, narrative lines and the table of contents.
enum DocumentSegmenter {
    static func segment(_ document: LayoutDocument) -> [Segment] {
        let lines = document.lines
        var segments: [Segment] = []
        var index = 0
        var previousPage = lines.first?.page ?? 1
        while index < lines.count {
            let line = lines[index]
            if line.page != previousPage {
                segments.append(.pageBreak)
                previousPage = line.page
            }
            if line.isBlank {
                segments.append(.blank)
                index += 1
                continue
            }
            let text = line.normalizedText
            if isPageFurniture(lines, index) {
                index += 1
                continue
            }
            if LineReading.isContentsHeader(text) {
                let (entries, next) = contentsEntries(lines, from: index + 1, document: document)
                segments.append(.contents(line, entries))
                index = next
                continue
            }
            if let title = tableTitle(line) {
                var titleText = title
                var titleLine = line
                if case let .text(previous)? = segments.last, isTitlePrefix(previous, before: line) {
                    segments.removeLast()
                    titleText = previous.normalizedText + titleText
                    titleLine = previous
                }
                let kind = TableKindClassifier.kind(forTitle: titleText)
                let (body, next) = tableLines(lines, from: index + 1, title: titleText, kind: kind, document: document)
                if !body.isEmpty, case let .table(previous)? = segments.last, previous.lines.isEmpty, previous.kind == kind,
                   previous.titleLine.page == titleLine.page, !endsTitleList(segments.dropLast()) {
                    // "八、一般公共预算支出经济分类情况表" over "2026年度一般公共预算支出经济分类情况表": one table, two title lines.
                    segments.removeLast()
                    titleText = previous.title
                    titleLine = previous.titleLine
                }
                segments.append(.table(TableBlock(title: titleText, titleLine: titleLine, lines: body, kind: kind)))
                if let last = body.last { previousPage = max(previousPage, last.page) }
                index = next
                continue
            }
            if let major = headingLevel(line) {
                segments.append(.heading(line, major: major))
            } else {
                segments.append(.text(line))
            }
            index += 1
        }
        return joiningContinuedTables(foldingTitleLists(segments))
    }

    /// A table whose title is printed again at the top of the next page (with or without 续) goes on
    /// there: the two blocks are one table (Shenzhen's 支出总表 over three pages).
    static func joiningContinuedTables(_ segments: [Segment]) -> [Segment] {
        var result: [Segment] = []
        for segment in segments {
            // Pages of a PDF only: each sheet of a workbook is a table of its own, whatever its title.
            guard case let .table(block) = segment, !block.lines.isEmpty, block.titleLine.location.sheet == nil,
                  block.titleLine.location.page != nil,
                  let previousIndex = result.lastIndex(where: { !isBetweenPages($0) }),
                  case let .table(previous) = result[previousIndex], !previous.lines.isEmpty,
                  continuedTitle(block.title) == continuedTitle(previous.title), previous.kind == block.kind,
                  let lastPage = previous.lines.last?.page, block.titleLine.page > previous.titleLine.page,
                  block.titleLine.page <= lastPage + 1 else {
                result.append(segment)
                continue
            }
            var joined = previous
            joined.lines += block.lines
            result.removeSubrange(previousIndex...)
            result.append(.table(joined))
        }
        return result
    }

    /// What may stand between a table and its continuation: page breaks, blank lines, and a short line
    /// of running header or footer (表3, the unit's name, a page number in words).
    private static func isBetweenPages(_ segment: Segment) -> Bool {
        switch segment {
        case .pageBreak, .blank: return true
        case let .text(line), let .heading(line, _):
            let text = line.normalizedText
            return text.unicodeScalars.count <= 24 && !LineReading.isProse(text) && !text.contains("。")
        default: return false
        }
    }

    /// A title without its continuation mark: 支出总表（续） and 支出总表 name one table.
    private static func continuedTitle(_ title: String) -> String {
        var key = ChineseText.comparisonKey(title)
        for mark in ["(续表)", "(续)", "续表", "续"] where key.hasSuffix(mark) { key.removeLast(mark.count) }
        return key
    }

    /// Whether the segments end with a table title that has nothing under it (a list of titles going on).
    private static func endsTitleList(_ segments: ArraySlice<Segment>) -> Bool {
        for segment in segments.reversed() {
            switch segment {
            case .blank, .pageBreak: continue
            case let .table(block): return block.lines.isEmpty
            default: return false
            }
        }
        return false
    }

    /// Table titles printed one under another with nothing under them are a list of the tables — a
    /// contents page, with or without its 目录 heading — not tables: a printed table has at least a
    /// header row or a note under its title. A run of two or more such titles, and a title right after
    /// the run under which only single-cell lines follow (the list going on, not table rows), become
    /// contents entries.
    static func foldingTitleLists(_ segments: [Segment]) -> [Segment] {
        var result: [Segment] = []
        var index = 0
        while index < segments.count {
            var run: [TableBlock] = []
            var end = index
            var scan = index
            while scan < segments.count {
                switch segments[scan] {
                case .blank, .pageBreak:
                    scan += 1
                    continue
                case let .table(block) where block.lines.isEmpty:
                    run.append(block)
                    scan += 1
                    end = scan
                    continue
                default:
                    break
                }
                break
            }
            guard run.count >= 2 else {
                result.append(segments[index])
                index += 1
                continue
            }
            var entries = run.flatMap { [$0.titleLine] }
            if end < segments.count, case let .table(block) = segments[end], block.lines.allSatisfy({ $0.cells.count <= 1 }) {
                entries += [block.titleLine] + block.lines
                end += 1
            }
            if case let .contents(header, earlier)? = result.last {
                result[result.count - 1] = .contents(header, earlier + entries)
            } else {
                result.append(.contents(entries[0], entries))
            }
            index = end
        }
        return result
    }

    /// A page number printed alone at the top or bottom of a page (a code alone in a table row is not one).
    private static func isPageFurniture(_ lines: [LayoutLine], _ index: Int) -> Bool {
        let line = lines[index]
        guard !line.isGridded, line.location.page != nil, LineReading.isPageNumber(line.normalizedText) else { return false }
        let digits = line.normalizedText.unicodeScalars.filter { ("0"..."9").contains($0) }.count
        guard digits <= 3 || line.normalizedText.contains("-") || line.normalizedText.contains("页") else { return false }
        let first = index == 0 || lines[index - 1].page != line.page
        let last = index + 1 >= lines.count || lines[index + 1].page != line.page
        return first || last
    }

    /// The title text if `line` is a table title: one cell, optionally after the table's number (预算02表,
    /// 表三) and before a subtitle or unit (（2023年度）, 单位：万元); or the title drawn in pieces
    /// (`2026` | `年部门支出总体情况表`).
    static func tableTitle(_ line: LayoutLine) -> String? {
        var nonEmpty = line.cells.filter { !$0.text.trimmingSpaces().isEmpty }
        var numbered = nonEmpty.count >= 2 && LineReading.isTableNumber(nonEmpty[0].text)
        if numbered { nonEmpty.removeFirst() }
        guard let first = nonEmpty.first, nonEmpty.count <= 3 else { return nil }
        var text = ChineseText.normalizeSpaces(first.text)
        // 预算11表财政拨款政府购买服务明细表: the number printed against the title.
        if !numbered, let number = LineReading.leadingTableNumber(text), number.count < text.count {
            numbered = true
            text = String(text.dropFirst(number.count))
        }
        if TableKindClassifier.isTitle(text, numbered: numbered) {
            guard nonEmpty.count <= 2 else { return nil }
            if nonEmpty.count == 2 {
                let second = ChineseText.removingSpaces(nonEmpty[1].text)
                guard LineReading.declaredUnit(in: second) != nil || second.hasPrefix("(") || second.hasPrefix("（") else { return nil }
            }
            return text
        }
        // A title in pieces: no piece is an amount, and only the whole reads as a title.
        guard nonEmpty.count >= 2, nonEmpty.allSatisfy({ !LineReading.isProse($0.text) }) else { return nil }
        let joined = ChineseText.normalizeSpaces(nonEmpty.map(\.text).joined())
        guard TableKindClassifier.isTitle(joined), !nonEmpty.dropFirst().contains(where: { LineReading.isTableNumber($0.text) }) else { return nil }
        return joined
    }

    /// Whether `previous` (a short line such as the unit's name) is the first line of a two-line title.
    private static func isTitlePrefix(_ previous: LayoutLine, before title: LayoutLine) -> Bool {
        guard previous.page == title.page, !previous.isGridded else { return false }
        let text = previous.normalizedText
        guard text.unicodeScalars.count <= 40, !LineReading.isProse(text), !text.contains("："), !text.contains(":") else { return false }
        if let a = previous.location.line, let b = title.location.line, previous.location.page == nil, b - a == 1 { return true }
        if title.location.page != nil, title.top - previous.bottom < title.height * 0.8 { return true }
        return false
    }

    /// Whether the short lines from `start` on lead, each right under the one before, to a gridded
    /// line within three lines: the stacked merged cells of a table header.
    /// Whether the one-cell line at `start` sits among a grid's rows: right under the table's last line,
    /// with a gridded line of the table above it on the same page, and followed — through short
    /// one-cell lines spaced like rows — by another gridded line on the same page.
    private static func continuesGrid(_ lines: [LayoutLine], from start: Int, after previous: LayoutLine?, gridded: LayoutLine?) -> Bool {
        let line = lines[start]
        guard let previous, let gridded, gridded.page == line.page, previous.page == line.page, line.location.page != nil,
              line.top - previous.bottom < 2 * max(line.height, 1), line.cells.count == 1,
              line.normalizedText.unicodeScalars.count <= 24 else { return false }
        return gridFollows(lines, from: start, within: 20, longest: 24)
    }

    /// Whether a gridded line follows the line at `start` on its page within `within` lines, through
    /// one-cell lines of at most `longest` characters, each close under the one before.
    private static func gridFollows(_ lines: [LayoutLine], from start: Int, within: Int, longest: Int) -> Bool {
        var index = start
        while index + 1 < lines.count, index - start < within {
            let line = lines[index], next = lines[index + 1]
            guard next.page == line.page, next.top - line.bottom < 2 * max(line.height, 1) else { return false }
            if next.isGridded { return true }
            guard next.cells.count == 1, next.normalizedText.unicodeScalars.count <= longest else { return false }
            index += 1
        }
        return false
    }

    /// nil for ordinary text, otherwise whether the heading is major.
    static func headingLevel(_ line: LayoutLine) -> Bool? {
        let text = line.normalizedText
        if let level = line.style.headingLevel {
            if LineReading.isProse(text) && text.unicodeScalars.count > 40 { return nil }
            // A PDF line that is merely centred (a subtitle, a signature) is at most a minor heading.
            return line.style.centredOnly ? false : level <= 3
        }
        if line.style.bold, text.unicodeScalars.count <= 40 { return false }
        // A short numbered line without a full stop is a minor heading (一、2026年“三公”经费预算情况说明);
        // one that goes on after a colon is an entry that begins a paragraph (一、财政拨款收入：指…).
        guard text.unicodeScalars.count <= 36, !text.hasSuffix("。"), !text.contains("，") else { return nil }
        if let (ordinal, _) = OrdinalParser.parse(text), ordinal.style == .chinese {
            if let colon = text.firstIndex(where: { $0 == "：" || $0 == ":" }), text.index(after: colon) < text.endIndex { return nil }
            return false
        }
        if text.hasPrefix("第"), text.contains("部分") { return true }
        return nil
    }

    private static func contentsEntries(_ lines: [LayoutLine], from start: Int, document: LayoutDocument) -> ([LayoutLine], Int) {
        var entries: [LayoutLine] = []
        var index = start
        let page = lines[max(0, start - 1)].page
        var crossedPage = false
        while index < lines.count {
            let line = lines[index]
            if line.page != page {
                // The contents end at the page (or sheet) they started on, unless the next page continues them.
                guard !crossedPage, isContentsEntry(line), line.normalizedText.contains("…") else { break }
                crossedPage = true
            }
            if line.isBlank {
                // In a text file the contents end at the first blank line after them.
                if document.format == .text, !entries.isEmpty { break }
                index += 1
                continue
            }
            guard isContentsEntry(line) else { break }
            entries.append(line)
            index += 1
        }
        return (entries, index)
    }

    private static func isContentsEntry(_ line: LayoutLine) -> Bool {
        let text = line.normalizedText
        if text.contains("……") || text.contains("...") || text.contains("…") { return true }
        if line.style.headingLevel != nil, line.location.page == nil, line.location.sheet == nil { return false }
        if line.style.headingLevel == 1, line.location.page != nil { return false }
        return text.unicodeScalars.count <= 48 && !text.contains("。") && !text.contains("，")
    }

    private static func tableLines(_ lines: [LayoutLine], from start: Int, title: String, kind: TableKind?,
                                   document: LayoutDocument) -> ([LayoutLine], Int) {
        var body: [LayoutLine] = []
        var index = start
        var afterNote = false
        let titleKey = ChineseText.comparisonKey(title)
        let isForm = kind == .projectPerformanceGoals
        while index < lines.count {
            let line = lines[index]
            if line.isBlank {
                index += 1
                continue
            }
            let text = line.normalizedText
            if let nextTitle = tableTitle(line) {
                // A title repeated at the top of a continuation page belongs to the same table; a
                // sheet of a workbook is a table of its own, even with the same title.
                if ChineseText.comparisonKey(nextTitle) == titleKey, line.page != body.last?.page, document.format != .xlsx {
                    index += 1
                    continue
                }
                break
            }
            if isPageFurniture(lines, index) {
                index += 1
                continue
            }
            if LineReading.isNote(text) {
                body.append(line)
                afterNote = true
                index += 1
                continue
            }
            if afterNote {
                // Further explanation right under a note ("说明：…本表无数据。") still belongs to the table.
                guard !line.isGridded, line.page == body.last?.page, headingLevel(line) == nil,
                      text.contains("表") || text.contains("说明") else { break }
                body.append(line)
                index += 1
                continue
            }
            if LineReading.isContentsHeader(text) { break }
            if !line.isGridded, LineReading.declaredUnit(in: text) != nil || LineReading.preparer(in: text) != nil {
                body.append(line)
                index += 1
                continue
            }
            if document.format == .xlsx, line.page != lines[start - 1].page { break }
            if line.isGridded || line.cells.count > 1 {
                body.append(line)
                index += 1
                continue
            }
            // A single cell: a wrapped name, a lone value, "无", or the start of narrative text.
            let key = ChineseText.comparisonKey(text)
            if key.hasPrefix("("), key.hasSuffix(")"), key.unicodeScalars.count <= 12 {
                body.append(line)
                index += 1
                continue
            }
            // A row with only its name filled (十五、商业服务业等支出 with no amount), between rows of the
            // grid: still the table's, however centred or numbered it looks.
            if continuesGrid(lines, from: index, after: body.last, gridded: body.last(where: \.isGridded)) {
                body.append(line)
                index += 1
                continue
            }
            // A merged header cell spanning the whole table ("2023年预算数" over the 三公 columns) is
            // centred like a subtitle, but the table's gridded header follows right under it.
            // A lone 合计 that happens to sit mid-page is the total row of an empty table, not a heading.
            if line.style.centredOnly, gridFollows(lines, from: index, within: 3, longest: 16) || LineReading.isTotalLabel(ChineseText.removingSpaces(text)) {
                body.append(line)
                index += 1
                continue
            }
            // Only a line set as a heading ends the table; "三、事业单位经营收入" alone on its line is a row.
            if let major = headingLevel(line), line.style.headingLevel != nil || !isForm && document.format != .pdf {
                if isForm, !major, text.unicodeScalars.count <= 20 { body.append(line); index += 1; continue }
                if !isForm || major { break }
            }
            if isForm {
                if line.style.headingLevel != nil, line.location.page != nil, line.page != body.last?.page { break }
                // A form title with no row of cells under it on its page is a list entry (contents), and
                // the text on the next page is not its rows.
                if line.location.page != nil, line.page != lines[start - 1].page,
                   !body.contains(where: { $0.isGridded || $0.cells.count > 1 }) { break }
                if document.format == .text, text.unicodeScalars.count > 24 { break }
                body.append(line)
                index += 1
                continue
            }
            if LineReading.isProse(text) || document.format != .pdf { break }
            body.append(line)
            index += 1
        }
        return (body, index)
    }
}
