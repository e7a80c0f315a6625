import Foundation
import GongkaiCore
@testable import GongkaiImport
import GongkaiTestSupport
import Testing

/// The PDF reader against damaged input: real PDFs with their bytes mutated, read end to end by the
/// extractors, and MuPDF's output for a real PDF mutated line by line, parsed and laid out. Each
/// gives a disclosure or a `GongkaiError` — never a crash, a hang or an unbounded wait. Seeds are
/// printed; `FuzzRun` says how to run longer (`GONGKAI_FUZZ_SECONDS=600 swift test --filter PDFFuzzTests`).
@Suite struct PDFFuzzTests {
    @Test(.enabled(if: TestFiles.hasCorpus && TestFiles.hasPDFReader, "needs ../shared/corpus and mutool"))
    func mutatedPDFBytesNeverCrashOrHangTheReader() throws {
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: try #require(TestFiles.corpus("D01-")))))
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = FuzzRun("PDF bytes")
        var generator = SplitMix64(seed: run.seed)
        var outcomes = (read: 0, refused: 0)
        let importer = DisclosureImporter(options: ImportOptions(pdfTimeout: 20))
        while run.hasTime {
            var bytes = original
            for _ in 0..<Int.random(in: 1...12, using: &generator) {
                let position = Int.random(in: 0..<bytes.count, using: &generator)
                switch Int.random(in: 0..<5, using: &generator) {
                case 0: bytes[position] = UInt8.random(in: 0...255, using: &generator)
                case 1: bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...4_096, using: &generator)))
                case 2:
                    let end = min(bytes.count, position + Int.random(in: 1...4_096, using: &generator))
                    bytes.insert(contentsOf: bytes[position..<end], at: position)
                case 3: bytes.replaceSubrange(position..<min(bytes.count, position + 8), with: Array("99999999".utf8))
                default: bytes.removeSubrange(position...)
                }
                if bytes.count < 16 { break }
            }
            let file = folder.appendingPathComponent("mutant.pdf")
            try Data(bytes).write(to: file)
            do {
                _ = try importer.read(path: file.path, deadline: Deadline(seconds: 30))
                outcomes.read += 1
            } catch let error as GongkaiError {
                #expect(error.code != .timedOut, "seed \(run.seed): a damaged PDF is refused, not waited on")
                outcomes.refused += 1
            }
        }
        #expect(outcomes.read + outcomes.refused > 3, "seed \(run.seed)")
    }

    @Test(.enabled(if: TestFiles.hasCorpus && TestFiles.hasPDFReader, "needs ../shared/corpus and mutool"))
    func mutatedMuPDFOutputNeverCrashesTheReader() throws {
        let path = try #require(TestFiles.corpus("D01-"))
        let output = try PDFTextRunner(executable: nil, timeout: 60, extractor: .mutool).text(for: path)
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let alphabet = Array("0123456789.-e \"<>/=&;#x万元合计".unicodeScalars)
        let run = FuzzRun("MuPDF output")
        var generator = SplitMix64(seed: run.seed)
        var outcomes = (read: 0, refused: 0)
        while run.hasTime {
            var mutated = lines
            for _ in 0..<Int.random(in: 1...300, using: &generator) {
                let index = Int.random(in: 0..<mutated.count, using: &generator)
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: mutated.remove(at: index)
                case 1: mutated.insert(mutated[index], at: Int.random(in: 0..<mutated.count, using: &generator))
                case 2: mutated.swapAt(index, Int.random(in: 0..<mutated.count, using: &generator))
                default:
                    let scalars = ScalarMutation.mutated(Array(mutated[index].unicodeScalars), alphabet: alphabet, maximumEdits: 3,
                                                         maximumRun: 12, using: &generator)
                    mutated[index] = String(String.UnicodeScalarView(scalars))
                }
                if mutated.isEmpty { break }
            }
            var reader = StextWordParser.Reader(limits: .standard, path: path)
            do {
                // Fed in pieces of random sizes, as a pipe delivers them.
                let data = Data(mutated.joined(separator: "\n").utf8)
                var offset = 0
                while offset < data.count {
                    let end = min(data.count, offset + Int.random(in: 1...70_000, using: &generator))
                    try reader.feed(data[offset..<end])
                    offset = end
                }
                let parsed = try reader.finish()
                _ = try DisclosureImporter().read(pdfWords: PDFWordLayer(words: parsed.words, pages: parsed.pages), path: path)
                outcomes.read += 1
            } catch is GongkaiError {
                outcomes.refused += 1
            }
        }
        #expect(outcomes.read + outcomes.refused > 5, "seed \(run.seed)")
        #expect(outcomes.read > 0, "seed \(run.seed): most edits leave a readable document")
    }
}
