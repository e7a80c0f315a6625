import Foundation
import GongkaiCore
@testable import GongkaiImport
import Testing

/// Ruling lines read from MuPDF's trace, and table rows read from the grid they draw.
@Suite struct PDFLatticeTests {
    /// A page's drawing as `mutool draw -F trace` writes it: the horizontal borders as thin filled
    /// rectangles in PDF space (flipped by the transform), the vertical ones as stroked segments in
    /// page space, a white line, a curve and a text span that are not borders.
    static let trace = """
        <?xml version="1.0"?>
        <document name="t.pdf">
        <page mediabox="0 0 842 595">
        <fill_path winding="nonzero" colorspace="DeviceRGB" color="0 0 0" transform="1 0 0 -1 0 595">
            <moveto x="40" y="495.4"/>
            <lineto x="400" y="495.4"/>
            <lineto x="400" y="494.6"/>
            <lineto x="40" y="494.6"/>
            <closepath/>
        </fill_path>
        <fill_path winding="nonzero" colorspace="DeviceRGB" color="0 0 0" transform="1 0 0 -1 0 595">
            <moveto x="40" y="465.4"/>
            <lineto x="400" y="465.4"/>
            <lineto x="400" y="464.6"/>
            <lineto x="40" y="464.6"/>
            <closepath/>
            <moveto x="40" y="430.4"/>
            <lineto x="400" y="430.4"/>
            <lineto x="400" y="429.6"/>
            <lineto x="40" y="429.6"/>
            <closepath/>
            <moveto x="40" y="410.4"/>
            <lineto x="400" y="410.4"/>
            <lineto x="400" y="409.6"/>
            <lineto x="40" y="409.6"/>
            <closepath/>
        </fill_path>
        <stroke_path linewidth=".5" colorspace="DeviceGray" color="0" transform="1 0 0 1 0 0">
            <moveto x="40" y="100"/>
            <lineto x="40" y="185"/>
            <moveto x="200" y="100"/>
            <lineto x="200" y="185"/>
            <moveto x="300" y="100"/>
            <lineto x="300" y="185"/>
            <moveto x="4e2" y="100"/>
            <lineto x="400" y="185"/>
        </stroke_path>
        <stroke_path linewidth=".5" colorspace="DeviceGray" color="1" transform="1 0 0 1 0 0">
            <moveto x="40" y="300"/>
            <lineto x="400" y="300"/>
        </stroke_path>
        <stroke_path linewidth=".5" colorspace="DeviceGray" color="0" transform="1 0 0 1 0 0">
            <moveto x="40" y="320"/>
            <curveto x1="100" y1="330" x2="200" y2="330" x3="400" y3="320"/>
        </stroke_path>
        <fill_text colorspace="DeviceRGB" color="0 0 0" transform="1 0 0 -1 0 595">
            <span font="SimSun" wmode="0" trm="12 0 0 12">
                <g unicode="项" glyph="1" x="42" y="478" adv="1"/>
            </span>
        </fill_text>
        </page>
        </document>
        """

    static func rulings() -> [Int: [PDFRuling]] {
        var copy = trace
        return copy.withUTF8 { TraceRulingParser.parse($0) }
    }

    static func word(_ text: String, _ x0: Double, _ y0: Double, width: Double? = nil) -> PDFWord {
        PDFWord(page: 1, x0: x0, y0: y0, x1: x0 + (width ?? 12 * Double(text.count)), y1: y0 + 12, text: text)
    }

    /// A two-row header whose last heading wraps, a row whose name wraps onto a second line beside
    /// amounts centred on the row, and a plain row; the title is outside the grid.
    static let words: [PDFWord] = [
        word("基本支出表", 160, 60),
        word("项目", 100, 110), word("预算数", 230, 110), word("上年", 330, 103), word("预算数", 330, 116),
        word("广州市价格监测和成本调", 42, 133), word("查中心", 42, 150),
        word("1,796.14", 240, 141, width: 48), word("1,594.21", 340, 141, width: 48),
        word("工资福利支出", 42, 169), word("7,655.91", 240, 169, width: 48), word("6,000.00", 340, 169, width: 48),
    ]

    @Test func bordersComeFromThinFillsAndStrokedSegments() throws {
        let page = try #require(Self.rulings()[1])
        let horizontal = page.filter { $0.direction == .horizontal }.map(\.position).sorted()
        let vertical = page.filter { $0.direction == .vertical }.map(\.position).sorted()
        // The fills' centre lines, flipped into page space; the white line and the curve are not borders.
        #expect(horizontal.map { ($0 * 10).rounded() / 10 } == [100, 130, 165, 185])
        #expect(vertical == [40, 200, 300, 400])
        #expect(page.allSatisfy { $0.from < $0.to })
    }

    @Test func aTraceIsReadInPiecesWithTheSameRulings() throws {
        // Over a megabyte of glyphs before the paths, fed in pieces of an odd size as a pipe delivers
        // them, so that elements and characters are cut at the pieces' ends.
        let glyphs = String(repeating: "        <g unicode=\"项\" glyph=\"1\" x=\"42\" y=\"478\" adv=\"1\"/>\n", count: 24_000)
        let long = Data(Self.trace.replacingOccurrences(of: "<page mediabox=\"0 0 842 595\">\n", with: "<page mediabox=\"0 0 842 595\">\n" + glyphs).utf8)
        var reader = TraceRulingParser.Reader()
        var offset = 0
        while offset < long.count {
            let end = min(long.count, offset + 65_537)
            try reader.feed(long[offset..<end])
            offset = end
        }
        #expect(try reader.finish() == Self.rulings())
    }

    @Test func eachGridRowIsOneLineWithItsWrappedTextJoined() {
        let layout = PDFLayoutBuilder.build(words: Self.words, pages: [1: PDFPageSize(width: 842, height: 595)], rulings: Self.rulings(), path: "t.pdf")
        #expect(layout.lines.map { $0.cells.map(\.text) } == [
            ["基本支出表"],
            ["项目", "预算数", "上年预算数"],
            ["广州市价格监测和成本调查中心", "1,796.14", "1,594.21"],
            ["工资福利支出", "7,655.91", "6,000.00"],
        ])
        #expect(layout.lines.map(\.isDrawnRow) == [false, true, true, true])
        // Header cells know the drawn cell they fill; a name keeps the left edge of its first line.
        #expect(layout.lines[1].cells[2].frame == BoundingBox(x0: 300, y0: 100, x1: 400, y1: 130))
        #expect(layout.lines[2].cells[0].x0 == 42)
    }

    @Test func withoutRulingsTheSamePageIsReadByAlignment() {
        let layout = PDFLayoutBuilder.build(words: Self.words, pages: [1: PDFPageSize(width: 842, height: 595)], path: "t.pdf")
        #expect(layout.lines.contains { $0.text == "查中心" })
        #expect(!layout.lines.contains { $0.isDrawnRow })
    }

    @Test func textDrawnAcrossTheBordersIsNotPlacedByThem() {
        // The amounts drawn lower than their rows: the first row's on its bottom border, the last
        // row's across the table's bottom edge. A point either way would change their row.
        let shifted = Self.words.map { word -> PDFWord in
            guard word.text.contains(".") else { return word }
            var moved = word
            moved.y0 = word.y0 < 160 ? 158 : 178
            moved.y1 = moved.y0 + 12
            return moved
        }
        let (rows, rest) = PDFLattice.rows(words: shifted, rulings: Self.rulings()[1] ?? [])
        #expect(rows.isEmpty)
        #expect(rest.count == shifted.count)
        // One row so drawn is only that row left to alignment.
        let oneRow = Self.words.map { word -> PDFWord in
            guard word.text.contains("."), word.y0 > 160 else { return word }
            var moved = word
            moved.y0 = 178
            moved.y1 = 190
            return moved
        }
        let read = PDFLattice.rows(words: oneRow, rulings: Self.rulings()[1] ?? [])
        #expect(read.rows.count == 2)
        #expect(read.rest.map(\.text).sorted() == ["6,000.00", "7,655.91", "基本支出表", "工资福利支出"].sorted())
    }

    @Test func twoAmountsInOneCellAreAMissingBorderNotACell() {
        // Without the border between the two amount columns, the last row's cell would hold both.
        let rulings = (Self.rulings()[1] ?? []).filter { !($0.direction == .vertical && $0.position == 300) }
        let (rows, rest) = PDFLattice.rows(words: Self.words, rulings: rulings)
        let rowTexts = rows.map { $0.cells.map { $0.words.map(\.text).joined() } }
        #expect(!rowTexts.contains { $0.contains("7,655.91") })
        #expect(rest.contains { $0.text == "7,655.91" })
    }

    @Test func aParagraphBesideSeveralRowsMakesThePageAForm() {
        // A cell down the left of both data rows holding a goal of four lines: no row is read from the grid.
        var rulings = (Self.rulings()[1] ?? []).filter { !($0.direction == .horizontal && abs($0.position - 165) < 1) }
        rulings.append(PDFRuling(direction: .horizontal, position: 165, from: 200, to: 400))
        let goal = (0..<4).map { Self.word("目标第\($0)行", 42, 133 + 12.5 * Double($0)) }
        let words = Self.words.filter { $0.y0 < 130 || $0.x0 > 100 } + goal
        let (rows, rest) = PDFLattice.rows(words: words, rulings: rulings)
        #expect(rows.isEmpty)
        #expect(rest.count == words.count)
    }

    @Test func aNumberWrappedInANarrowCellIsOneAmount() {
        // 1,594.2 / 1 in the last column: the cell is too narrow for 1,594.21.
        let words = Self.words.filter { $0.text != "1,594.21" } + [Self.word("1,594.2", 340, 134, width: 42), Self.word("1", 340, 149, width: 6)]
        let layout = PDFLayoutBuilder.build(words: words, pages: [1: PDFPageSize(width: 842, height: 595)], rulings: Self.rulings(), path: "t.pdf")
        #expect(layout.lines[2].cells.map(\.text) == ["广州市价格监测和成本调查中心", "1,796.14", "1,594.21"])
    }

    @Test func aProjectsGoalOfTenLinesIsOneCell() {
        let rulings = [100.0, 260].map { PDFRuling(direction: .horizontal, position: $0, from: 40, to: 300) }
            + [40.0, 200, 300].map { PDFRuling(direction: .vertical, position: $0, from: 100, to: 260) }
        let goal = (0..<10).map { Self.word("目标第\($0)行", 42, 102 + 15 * Double($0)) }
        let (rows, rest) = PDFLattice.rows(words: goal + [Self.word("178.91", 240, 170, width: 36)], rulings: rulings)
        #expect(rest.isEmpty)
        #expect(rows.count == 1)
        #expect(rows.first?.cells.map(\.words.count) == [10, 1])
    }

    @Test func aGoalOfTwoDozenLinesIsOneCellButATableRuledOnlyRoundItsEdgeIsNot() {
        let rulings = [100.0, 500].map { PDFRuling(direction: .horizontal, position: $0, from: 40, to: 300) }
            + [40.0, 200, 300].map { PDFRuling(direction: .vertical, position: $0, from: 100, to: 500) }
        // Guangzhou's 重点项目绩效目标 runs a goal over 24 lines beside the project's amount.
        let goal = (0..<24).map { Self.word("目标第\($0)行", 42, 102 + 15 * Double($0)) }
        let read = PDFLattice.rows(words: goal + [Self.word("1,000", 240, 280, width: 30)], rulings: rulings)
        #expect(read.rest.isEmpty)
        #expect(read.rows.first?.cells.map(\.words.count) == [24, 1])
        // 24 lines of names with their amounts inside one frame: rows of a table, not one cell.
        let table = (0..<24).flatMap { [Self.word("科目\($0)", 42, 102 + 15 * Double($0)), Self.word("1\($0).00", 120, 102 + 15 * Double($0), width: 30)] }
        let unruled = PDFLattice.rows(words: table + [Self.word("1,000", 240, 280, width: 30)], rulings: rulings)
        #expect(unruled.rows.isEmpty)
    }

    @Test func aNumberATextWrapsOntoIsPartOfTheText() {
        // "GZIT2022-SM-W-C-" / "051103": the project's name wraps its last digits onto the next line.
        let words = Self.words.filter { !$0.text.hasPrefix("广州市") && $0.text != "查中心" }
            + [Self.word("GZIT2022-SM-W-C-", 42, 133, width: 100), Self.word("051103", 42, 150, width: 36)]
        let layout = PDFLayoutBuilder.build(words: words, pages: [1: PDFPageSize(width: 842, height: 595)], rulings: Self.rulings(), path: "t.pdf")
        #expect(layout.lines[2].cells.map(\.text) == ["GZIT2022-SM-W-C-051103", "1,796.14", "1,594.21"])
        #expect(layout.lines[2].cells[0].x0 == 42)
    }

    @Test func aHeadingWrappedDownAMergedHeaderIsNoForm() {
        // 对附属单位补助支出 in three lines down a heading merged over both header rows, beside headings only.
        var rulings = Self.rulings()[1] ?? []
        rulings.append(PDFRuling(direction: .horizontal, position: 115, from: 200, to: 300))
        let heading = [Self.word("对附属单", 330, 101), Self.word("位补助支", 330, 109), Self.word("出", 330, 117)]
        let words = Self.words.filter { !($0.y0 < 130 && $0.x0 > 300) } + heading
        let (rows, _) = PDFLattice.rows(words: words, rulings: rulings)
        #expect(rows.count == 3)  // 预算数 alone in the second header row is left to alignment
        #expect(rows.first?.cells.last?.words.map(\.text) == ["对附属单", "位补助支", "出"])
    }

    @Test func aRunningHeadAtopEveryPageIsDroppedAfterItsFirstTime() {
        let pages = Dictionary(uniqueKeysWithValues: (1...3).map { ($0, PDFPageSize(width: 842, height: 595)) })
        var words: [PDFWord] = []
        for page in 1...3 {
            words.append(PDFWord(page: page, x0: 36, y0: 9, x1: 218, y1: 21, text: "某某局2026年度单位预算公开"))
            words.append(PDFWord(page: page, x0: 42, y0: 60, x1: 90, y1: 72, text: "第\(page)页正文"))
        }
        let layout = PDFLayoutBuilder.build(words: words, pages: pages, path: "t.pdf")
        #expect(layout.lines.map(\.text) == ["某某局2026年度单位预算公开", "第1页正文", "第2页正文", "第3页正文"])
    }
}
