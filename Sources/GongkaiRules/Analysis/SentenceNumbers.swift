/// For each offset of a paragraph's scalars (and one past the end), how many sentence ends come
/// before it: which sentence a number at that offset is in, found in one pass over the paragraph
/// rather than by counting from its start for every number.
enum SentenceNumbers {
    /// The numbers for `scalars`, a sentence ending at each scalar in `ends`.
    static func of(_ scalars: [Unicode.Scalar], endingAt ends: Set<Unicode.Scalar>) -> [Int] {
        var numbers = [0]
        numbers.reserveCapacity(scalars.count + 1)
        var count = 0
        for scalar in scalars {
            if ends.contains(scalar) { count += 1 }
            numbers.append(count)
        }
        return numbers
    }
}
