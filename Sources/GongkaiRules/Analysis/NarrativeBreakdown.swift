import GongkaiCore

/// "X 万元，其中：A 万元，B 万元 …" in one sentence: a stated total and its stated parts.
struct NarrativeBreakdown: Sendable {
    var total: NarrativeStatement
    var parts: [NarrativeStatement]
    var outcome: SumCheckOutcome

    var paragraphIndex: Int { total.paragraphIndex }
}

/// Finds the breakdowns the narrative states. Parts inside brackets (“4070万元（包括：运行维护费2648万元、
/// 购置1422万元）”) break a part down further and are not parts of the total.
enum NarrativeBreakdownFinder {
    static func breakdowns(_ narrative: [NarrativeParagraph], statements: [NarrativeStatement]) -> [NarrativeBreakdown] {
        var result: [NarrativeBreakdown] = []
        let byParagraph = Dictionary(grouping: statements.filter { $0.figure != nil }, by: \.paragraphIndex)
        for (index, paragraph) in narrative.enumerated() where !paragraph.isHeading {
            guard let statements = byParagraph[index] else { continue }
            let scalars = Array(paragraph.text.unicodeScalars)
            let markers = occurrences(of: ["其", "中"], in: scalars)
            for marker in markers {
                let sentenceStart = scalars[..<marker].lastIndex(of: "。").map { $0 + 1 } ?? 0
                let sentenceEnd = scalars[marker...].firstIndex(of: "。") ?? scalars.count
                let partsEnd = markers.first { $0 > marker && $0 < sentenceEnd } ?? sentenceEnd
                guard var total = statements.last(where: {
                    $0.mention.range.upperBound <= marker && $0.mention.range.lowerBound >= sentenceStart && $0.role == .value
                }) else { continue }
                var parts = statements.filter { statement in
                    statement.mention.range.lowerBound > marker && statement.mention.range.upperBound <= partsEnd
                        && statement.role == .value && bracketDepth(scalars, from: marker, to: statement.mention.range.lowerBound) == 0
                }
                // “…；其中一般公共预算拨款政府采购5,499.84万元：货物564.79万元、…”: the first amount after 其中
                // opens a list of its own, and is the total of what follows its colon.
                if parts.count >= 3, scalars[parts[0].mention.range.upperBound..<parts[1].mention.range.lowerBound].contains(where: { $0 == "：" || $0 == ":" }) {
                    total = parts.removeFirst()
                }
                guard parts.count >= 2, let totalFigure = total.figure else { continue }
                result.append(NarrativeBreakdown(total: total, parts: parts,
                                                 outcome: SumCheck.compare(total: totalFigure, parts: parts.compactMap(\.figure))))
            }
        }
        return result.sorted { ($0.paragraphIndex, $0.total.mention.range.lowerBound) < ($1.paragraphIndex, $1.total.mention.range.lowerBound) }
    }

    private static func bracketDepth(_ scalars: [Unicode.Scalar], from start: Int, to end: Int) -> Int {
        var depth = 0
        for scalar in scalars[start..<end] {
            if scalar == "（" || scalar == "(" { depth += 1 }
            if scalar == "）" || scalar == ")" { depth = max(0, depth - 1) }
        }
        return depth
    }

    private static func occurrences(of pattern: [Unicode.Scalar], in scalars: [Unicode.Scalar]) -> [Int] {
        guard scalars.count >= pattern.count else { return [] }
        return (0...(scalars.count - pattern.count)).filter { scalars[$0] == pattern[0] && Array(scalars[$0..<($0 + pattern.count)]) == pattern }
    }
}
