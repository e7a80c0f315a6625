import GongkaiCore

/// The seeded generator of `GongkaiCore`, so that every run of a test makes the same inputs.
public typealias SplitMix64 = GongkaiCore.SplitMix64
