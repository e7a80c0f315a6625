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
            var scalars = original
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                guard !scalars.isEmpty else { break }
                let position = Int.random(in: 0..<scalars.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: scalars[position] = alphabet.randomElement(using: &generator)!
                case 1: scalars.remove(at: position)
                case 2: scalars.insert(alphabet.randomElement(using: &generator)!, at: position)
                default:
                    let end = min(scalars.count, position + Int.random(in: 1...200, using: &generator))
                    scalars.insert(contentsOf: scalars[position..<end], at: end)
                }
            }
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
}
