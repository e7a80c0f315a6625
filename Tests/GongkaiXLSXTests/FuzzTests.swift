import Foundation
import Testing
import GongkaiXLSX
import GongkaiTestSupport

/// Mutated workbooks must either read or throw `XLSXError`; a crash or hang fails the whole run.
@Suite("Fuzzing the reader")
struct FuzzTests {
    /// One damaging edit of the bytes.
    private static func mutate(_ bytes: inout [UInt8], using generator: inout SplitMix64) {
        guard !bytes.isEmpty else {
            bytes.append(UInt8.random(in: 0...255, using: &generator))
            return
        }
        let position = Int.random(in: 0..<bytes.count, using: &generator)
        switch Int.random(in: 0..<6, using: &generator) {
        case 0:
            bytes[position] ^= UInt8.random(in: 1...255, using: &generator)
        case 1:
            bytes.removeSubrange(position...)
        case 2:
            let inserted = (0..<Int.random(in: 1...16, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator) }
            bytes.insert(contentsOf: inserted, at: position)
        case 3:
            bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...64, using: &generator)))
        case 4:
            // Runs of 0xFF and 0x00 turn size and offset fields into extremes.
            let fill: UInt8 = Bool.random(using: &generator) ? 0xFF : 0x00
            for index in position..<min(bytes.count, position + Int.random(in: 1...8, using: &generator)) {
                bytes[index] = fill
            }
        default:
            let source = Int.random(in: 0..<bytes.count, using: &generator)
            bytes[position] = bytes[source]
        }
    }

    /// Reads `data`; records an issue for anything but success or an `XLSXError`.
    private static func readExpectingNoSurprise(_ data: Data, iteration: Int) -> Bool {
        do {
            _ = try XLSXReader.read(data: data, limits: XLSXLimits(maxUncompressedBytes: 1 << 22, maxCells: 10_000))
            return true
        } catch is XLSXError {
            return false
        } catch {
            Issue.record("iteration \(iteration) threw \(type(of: error)): \(error)")
            return false
        }
    }

    @Test func twoThousandMutatedArchivesReadOrThrowXLSXError() throws {
        let original = [UInt8](try SampleWorkbook.data())
        var generator = SplitMix64(seed: 0x5EED_2026)
        var successes = 0
        for iteration in 0..<2_000 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &generator) { Self.mutate(&bytes, using: &generator) }
            if Self.readExpectingNoSurprise(Data(bytes), iteration: iteration) { successes += 1 }
        }
        // Edits of bytes the reader never looks at (file names in local headers, say) still read;
        // most edits must be caught.
        #expect((1..<1_000).contains(successes))
    }

    @Test func oneThousandMutatedWorksheetsWithValidChecksumsReadOrThrowXLSXError() throws {
        let sheet = """
            <worksheet xmlns="\(RawWorkbook.mainNamespace)"><sheetData><row r="1"><c r="A1" t="s" s="1"><v>0</v></c>\
            <c r="B1"><v>12.50</v></c><c r="C1" t="inlineStr"><is><r><t>富</t></r><rPh><t>ふ</t></rPh></is></c></row>\
            <row><c t="b"><v>1</v></c><c t="e"><v>#N/A</v></c><c t="str"><v>x&amp;y</v></c></row></sheetData>\
            <mergeCells count="1"><mergeCell ref="A1:C1"/></mergeCells></worksheet>
            """
        let strings = "<sst xmlns=\"\(RawWorkbook.mainNamespace)\"><si><t xml:space=\"preserve\"> 共享_x000D_ </t></si></sst>"
        let styles = "<styleSheet xmlns=\"\(RawWorkbook.mainNamespace)\"><cellXfs><xf/><xf numFmtId=\"4\"/></cellXfs></styleSheet>"
        let texts = [sheet, strings, styles].map { [UInt8]($0.utf8) }
        var generator = SplitMix64(seed: 42)
        var successes = 0
        for iteration in 0..<1_000 {
            var mutated = texts
            let target = Int.random(in: 0..<mutated.count, using: &generator)
            for _ in 0..<Int.random(in: 1...3, using: &generator) { Self.mutate(&mutated[target], using: &generator) }
            let archive = try RawWorkbook.zip(bytes: [
                ("xl/workbook.xml", Data(RawWorkbook.workbook(sheets: [("S", "rId1")]).utf8)),
                ("xl/_rels/workbook.xml.rels", Data(RawWorkbook.relationships([
                    ("rId1", "worksheet", "worksheets/sheet1.xml"),
                    ("rId2", "sharedStrings", "sharedStrings.xml"),
                    ("rId3", "styles", "styles.xml"),
                ]).utf8)),
                ("xl/worksheets/sheet1.xml", Data(mutated[0])),
                ("xl/sharedStrings.xml", Data(mutated[1])),
                ("xl/styles.xml", Data(mutated[2])),
            ])
            if Self.readExpectingNoSurprise(archive, iteration: iteration) { successes += 1 }
        }
        // Both outcomes must occur, or the mutations are not reaching the XML handling at all.
        #expect((1..<1_000).contains(successes))
    }
}
