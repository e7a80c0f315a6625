import Foundation
import GongkaiCore
import GongkaiImport
import Testing
import GongkaiTestSupport

/// Mutated inputs must give a disclosure or a `GongkaiError`, never a crash or a hang. Each test runs
/// for a few seconds from a printed seed that changes every run (`FuzzRun` says how to run longer).
@Suite struct FuzzTests {
    @Test func mutatedExampleTextNeverCrashesTheReader() throws {
        let original = Array(try String(contentsOfFile: TestFiles.example("chongqing-unit-budget-2024.md"), encoding: .utf8).unicodeScalars)
        let alphabet = Array("0123456789.,-—\t\n 万元合计总计类款项（）()“”。，：一二三四五、XX表单位：".unicodeScalars)
        let run = FuzzRun("text reader")
        var generator = SplitMix64(seed: run.seed)
        var outcomes = (read: 0, refused: 0)
        while run.hasTime {
            let scalars = ScalarMutation.mutated(original, alphabet: alphabet, maximumEdits: 8, maximumRun: 200, using: &generator)
            do {
                _ = try DisclosureImporter().read(text: String(String.UnicodeScalarView(scalars)), path: "fuzz.md")
                outcomes.read += 1
            } catch is GongkaiError {
                outcomes.refused += 1
            }
        }
        #expect(outcomes.read + outcomes.refused > 100, "seed \(run.seed)")
        #expect(outcomes.read > outcomes.refused, "seed \(run.seed): most small edits leave a readable disclosure")
    }

    @Test func mutatedWorkbookNeverCrashesTheReader() throws {
        let original = try Data(contentsOf: URL(fileURLWithPath: TestFiles.example("shanghai-unit-budget-2025.xlsx")))
        let run = FuzzRun("workbook reader")
        var generator = SplitMix64(seed: run.seed)
        var refused = 0
        while run.hasTime {
            var bytes = [UInt8](original)
            for _ in 0..<Int.random(in: 1...6, using: &generator) {
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<3, using: &generator) {
                case 0: bytes[position] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...64, using: &generator)))
                default: bytes.insert(UInt8.random(in: 0...255, using: &generator), at: position)
                }
                if bytes.isEmpty { break }
            }
            do {
                _ = try DisclosureImporter().read(spreadsheet: Data(bytes), path: "fuzz.xlsx")
            } catch is GongkaiError {
                refused += 1
            }
        }
        #expect(refused > 0, "seed \(run.seed)")
    }

    /// The PDF geometry stage: D01's words as pdftotext gives them, with boxes moved, stretched,
    /// swapped and emptied at random, give a disclosure or a `GongkaiError`, never a crash.
    @Test(.enabled(if: TestFiles.hasCorpus && TestFiles.hasPdftotext, "needs ../shared/corpus and pdftotext"))
    func mutatedPDFGeometryNeverCrashesTheReader() throws {
        let path = try #require(TestFiles.corpus("D01-"))
        let rows = try DisclosureImporter().pdfTSV(path: path).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let run = FuzzRun("PDF geometry")
        var generator = SplitMix64(seed: run.seed)
        var outcomes = (read: 0, refused: 0)
        while run.hasTime {
            var mutated = rows
            for _ in 0..<Int.random(in: 1...200, using: &generator) {
                let index = Int.random(in: 1..<mutated.count, using: &generator)
                var fields = mutated[index].split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard fields.count == 12, fields[0] == "5" else { continue }
                let field = Int.random(in: 6...9, using: &generator)
                let value = Double(fields[field]) ?? 0
                switch Int.random(in: 0..<5, using: &generator) {
                case 0: fields[field] = String(value + Double.random(in: -20...20, using: &generator))
                case 1: fields[field] = String(value * Double.random(in: 0...8, using: &generator))
                case 2: fields[field] = ["0", "-0", "1e9", "-1e9", "nan", ""].randomElement(using: &generator)!
                case 3: fields[11] = ""
                default:
                    mutated.swapAt(index, Int.random(in: 1..<mutated.count, using: &generator))
                    continue
                }
                mutated[index] = fields.joined(separator: "\t")
            }
            do {
                _ = try DisclosureImporter().read(pdfTSV: mutated.joined(separator: "\n"), path: "fuzz.pdf")
                outcomes.read += 1
            } catch is GongkaiError {
                outcomes.refused += 1
            }
        }
        #expect(outcomes.read + outcomes.refused > 5, "seed \(run.seed)")
        #expect(outcomes.read > 0, "seed \(run.seed): most moved words still leave a readable document")
    }
}
