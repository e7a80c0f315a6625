import Foundation
import GongkaiReport
import GongkaiTestSupport
import Testing

/// Moving every word of a PDF by up to ±1.5 pt (seeded) must not change its findings. Holds today for
/// the documents listed here; D02, D04, D05, D09 and D10 still change (BENCHMARKS.md) and join the
/// list when the reader reads their drawn grid.
@Suite(.enabled(if: TestFiles.hasCorpus && TestFiles.hasPDFReader, "needs ../shared/corpus and mutool"))
struct PerturbationTests {
    @Test(arguments: ["D01", "D03"])
    func findingsDoNotDependOnExactWordPositions(prefix: String) throws {
        let path = try #require(TestFiles.corpus(prefix + "-"))
        let result = try #require(try PerturbationBenchmark.run(paths: [path], points: 1.5, runs: 3, seed: 20_261_201).first)
        #expect(result.changed == [0, 0, 0], "\(prefix): \(result.errors) errors, moved \(result.perturbedErrors)")
    }
}
