import Foundation

/// How long a fuzz test runs and from which seed. In the suite a fuzz test runs for a few seconds
/// from a seed that changes every run, printed so that a failure can be replayed; a long run is the
/// same test with the environment set:
///
///     GONGKAI_FUZZ_SECONDS=600 GONGKAI_FUZZ_SEED=12345 swift test --filter FuzzTests
public struct FuzzRun {
    /// The seed of this run.
    public let seed: UInt64
    /// Seconds the run may take.
    public let seconds: Double
    private let start = Date()

    /// A run of `defaultSeconds` (or `GONGKAI_FUZZ_SECONDS`) from `GONGKAI_FUZZ_SEED` or a new seed;
    /// prints both with `name`.
    public init(_ name: String, defaultSeconds: Double = 10) {
        let environment = ProcessInfo.processInfo.environment
        seed = environment["GONGKAI_FUZZ_SEED"].flatMap { UInt64($0) } ?? UInt64(Date().timeIntervalSince1970 * 1_000)
        seconds = environment["GONGKAI_FUZZ_SECONDS"].flatMap { Double($0) } ?? defaultSeconds
        print("\(name): fuzz seed \(seed), \(seconds) s (replay: GONGKAI_FUZZ_SEED=\(seed))")
    }

    /// Whether there is time for another input.
    public var hasTime: Bool { Date().timeIntervalSince(start) < seconds }
}
