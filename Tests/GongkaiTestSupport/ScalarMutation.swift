import GongkaiCore

/// The edits a text fuzz test makes: characters replaced, removed or inserted from an alphabet, and
/// runs copied after themselves (tags doubled, table rows repeated, numbers run together).
public enum ScalarMutation {
    /// `scalars` with one to `maximumEdits` random edits; copied runs are up to `maximumRun` long.
    public static func mutated(_ scalars: [Unicode.Scalar], alphabet: [Unicode.Scalar], maximumEdits: Int, maximumRun: Int,
                               using generator: inout SplitMix64) -> [Unicode.Scalar] {
        var scalars = scalars
        for _ in 0..<Int.random(in: 1...maximumEdits, using: &generator) {
            guard !scalars.isEmpty else { break }
            let position = Int.random(in: 0..<scalars.count, using: &generator)
            switch Int.random(in: 0..<4, using: &generator) {
            case 0: scalars[position] = alphabet.randomElement(using: &generator)!
            case 1: scalars.remove(at: position)
            case 2: scalars.insert(alphabet.randomElement(using: &generator)!, at: position)
            default:
                let end = min(scalars.count, position + Int.random(in: 1...maximumRun, using: &generator))
                scalars.insert(contentsOf: scalars[position..<end], at: end)
            }
        }
        return scalars
    }
}
