import Foundation
import GongkaiCore
import GongkaiImport
import GongkaiRules

/// How much a PDF's findings depend on exact word positions (`gongkai bench-perturb`): every word
/// the extractor reports is moved by a random offset of up to ±`points` in x and y (seeded), and the
/// error findings — rule and page — are compared with those of the unmoved words. A reader that
/// reads the drawn structure gives the same findings; the reader issue's target is no change.
public enum PerturbationBenchmark {
    /// One file's comparison.
    public struct Result: Sendable {
        /// The file.
        public var path: String
        /// Error findings without perturbation.
        public var errors: Int
        /// Error findings with it, per run.
        public var perturbedErrors: [Int]
        /// Error findings (rule, page) gained or lost, per run.
        public var changed: [Int]
    }

    /// Compares `paths` (PDFs) over `runs` perturbations of up to `points`, from `seed`.
    public static func run(paths: [String], points: Double, runs: Int, seed: UInt64,
                           importer: DisclosureImporter = DisclosureImporter()) throws -> [Result] {
        let profiles = try Profile.bundled()
        var random = SplitMix64(seed: seed)
        return try paths.map { path in
            let words = try importer.pdfWords(path: path)
            let base = try errors(importer.read(pdfWords: words, path: path), profiles: profiles)
            var counts: [Int] = [], changes: [Int] = []
            for _ in 0..<runs {
                let moved = try errors(importer.read(pdfWords: words.moved(upTo: points, using: &random), path: path), profiles: profiles)
                counts.append(moved.count)
                changes.append(difference(base, moved))
            }
            return Result(path: path, errors: base.count, perturbedErrors: counts, changed: changes)
        }
    }

    private static func errors(_ disclosure: Disclosure, profiles: [Profile]) throws -> [String] {
        let profile = ProfileDetector.detect(disclosure, among: profiles) ?? profiles[0]
        let catalog = try Catalog.bundled(year: disclosure.metadata.year ?? 2023)
        return Checker().check(disclosure, profile: profile, catalog: catalog).filter { $0.severity == .error }
            .map { "\($0.rule)@\($0.location?.page ?? 0)" }
    }

    /// How many findings one list has that the other lacks, counting repeats.
    private static func difference(_ first: [String], _ second: [String]) -> Int {
        var counts: [String: Int] = [:]
        for item in first { counts[item, default: 0] += 1 }
        for item in second { counts[item, default: 0] -= 1 }
        return counts.values.map(abs).reduce(0, +)
    }
}
