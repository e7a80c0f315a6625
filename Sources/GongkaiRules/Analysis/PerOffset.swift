/// Tables of what comes before each offset of a paragraph's scalars (and one past the end), each
/// built in one pass over the paragraph, so that a rule asks about a number's place without counting
/// from the paragraph's start for every number.
enum PerOffset {
    /// How many sentence ends (a scalar in `ends`) come before each offset: the sentence a number is in.
    static func sentenceNumbers(_ scalars: [Unicode.Scalar], endingAt ends: Set<Unicode.Scalar>) -> [Int] {
        running(scalars) { count, scalar in ends.contains(scalar) ? count + 1 : count }
    }

    /// How many brackets are open at each offset (a closing bracket with none open is ignored).
    static func bracketDepths(_ scalars: [Unicode.Scalar]) -> [Int] {
        running(scalars) { depth, scalar in
            if isOpening(scalar) { return depth + 1 }
            return isClosing(scalar) && depth > 0 ? depth - 1 : depth
        }
    }

    /// Opening minus closing brackets before each offset, unclamped: the brackets open at `b`
    /// counted from `a` are `level[b]` minus the lowest level in `a...b`.
    static func bracketLevels(_ scalars: [Unicode.Scalar]) -> [Int] {
        running(scalars) { level, scalar in isOpening(scalar) ? level + 1 : isClosing(scalar) ? level - 1 : level }
    }

    private static func isOpening(_ scalar: Unicode.Scalar) -> Bool { scalar == "（" || scalar == "(" }
    private static func isClosing(_ scalar: Unicode.Scalar) -> Bool { scalar == "）" || scalar == ")" }

    /// The value before each offset, starting from 0 and stepped by each scalar.
    private static func running(_ scalars: [Unicode.Scalar], _ step: (Int, Unicode.Scalar) -> Int) -> [Int] {
        var values = [0]
        values.reserveCapacity(scalars.count + 1)
        var value = 0
        for scalar in scalars {
            value = step(value, scalar)
            values.append(value)
        }
        return values
    }
}
