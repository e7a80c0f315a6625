import Foundation
@testable import GongkaiImport
import Testing

/// MuPDF's structured text read into words whose boxes come from baselines, not glyph boxes.
@Suite struct StextWordParserTests {
    /// One table row as a producer draws it: the label's glyph boxes 3 pt tall, the amount's 22 pt
    /// and shifted up, both on the baseline 421.1 — and the next row's label on 438.3.
    static let page = """
        <?xml version="1.0"?>
        <document name="t.pdf">
        <page id="page1" width="842" height="595">
        <block bbox="293.7 410.7 425.7 422.7">
        <line bbox="293.7 410.7 425.7 422.7" wmode="0" dir="1 0">
        <font name="SimSun" size="12">
        <char quad="293.7 419.6 305.7 419.6 293.7 422.7 305.7 422.7" x="293.7" y="421.1" color="#000000" c="&#x516b;"/>
        <char quad="305.7 419.6 317.7 419.6 305.7 422.7 317.7 422.7" x="305.7" y="421.1" color="#000000" c="&#x3001;"/>
        <char quad="317.7 419.6 329.7 419.6 317.7 422.7 329.7 422.7" x="317.7" y="421.1" color="#000000" c="&#x2ea0;"/>
        <char quad="329.7 419.6 341.7 419.6 329.7 422.7 341.7 422.7" x="329.7" y="421.1" color="#000000" c="&#x2f6f;"/>
        </font>
        </line>
        <line bbox="478.7 400.3 511.7 423.6" wmode="0" dir="1 0">
        <font name="Digits" size="12">
        <char quad="478.7 400.3 484.7 400.3 478.7 423.6 484.7 423.6" x="478.7" y="421.1" color="#000000" c="3"/>
        <char quad="484.7 400.3 490.7 400.3 484.7 423.6 490.7 423.6" x="484.7" y="421.1" color="#000000" c="2"/>
        <char quad="490.7 400.3 493.7 400.3 490.7 423.6 493.7 423.6" x="490.7" y="421.1" color="#000000" c="."/>
        <char quad="493.7 400.3 499.7 400.3 493.7 423.6 499.7 423.6" x="493.7" y="421.1" color="#000000" c="7"/>
        <char quad="499.7 400.3 505.7 400.3 499.7 423.6 505.7 423.6" x="499.7" y="421.1" color="#000000" c=" "/>
        <char quad="555.3 400.3 561.3 400.3 555.3 423.6 561.3 423.6" x="555.3" y="421.1" color="#000000" c="&amp;"/>
        </font>
        </line>
        <line bbox="293.7 428.0 389.7 440.0" wmode="0" dir="1 0">
        <font name="SimSun" size="12">
        <char quad="293.7 436.8 305.7 436.8 293.7 440.0 305.7 440.0" x="293.7" y="438.3" color="#000000" c="&#x4e5d;"/>
        </font>
        </line>
        </block>
        </page>
        </document>
        """

    @Test func glyphsBecomeWordsOnTheirBaselines() {
        let (words, pages) = StextWordParser.parse(Self.page)
        #expect(pages[1]?.width == 842)
        #expect(words.map(\.text) == ["八、民石", "32.7", "&", "九"])
        // Every word of the first row has the same box height and bottom, whatever its glyph boxes.
        let row = words.prefix(3)
        #expect(Set(row.map { ($0.y1 * 100).rounded() }).count == 1)
        #expect(row.allSatisfy { abs(($0.y1 - $0.y0) - 12) < 0.001 })
        #expect(words[3].y0 > words[0].y1 - 0.001)
    }

    @Test func theRowIsOneLineOfTheLayout() throws {
        let (words, pages) = StextWordParser.parse(Self.page)
        let layout = PDFLayoutBuilder.build(words: words, pages: pages, path: "t.pdf")
        let texts = layout.lines.map { $0.cells.map(\.text) }
        #expect(texts == [["八、民石", "32.7", "&"], ["九"]])
    }
}
