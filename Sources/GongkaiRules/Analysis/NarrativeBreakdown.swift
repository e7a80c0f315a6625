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
    /// Each paragraph is walked once: its 其中 markers in order, each with the statements after it up to
    /// the next marker or the sentence's end, and the brackets between them counted as the walk goes.
    static func breakdowns(_ narrative: [NarrativeParagraph], statements: [NarrativeStatement]) -> [NarrativeBreakdown] {
        var result: [NarrativeBreakdown] = []
        let byParagraph = Dictionary(grouping: statements.filter { $0.figure != nil }, by: \.paragraphIndex)
        for (index, paragraph) in narrative.enumerated() where !paragraph.isHeading {
            guard let statements = byParagraph[index] else { continue }
            let scalars = Array(paragraph.text.unicodeScalars)
            let markers = occurrences(of: ["其", "中"], in: scalars)
            guard !markers.isEmpty else { continue }
            let sentenceOf = PerOffset.sentenceNumbers(scalars, endingAt: ["。"])
            let depth = PerOffset.bracketLevels(scalars)
            let listed = listItems(scalars)
            var following = 0
            var periodCursor = 0
            for (position, marker) in markers.enumerated() {
                periodCursor = max(periodCursor, marker)
                while periodCursor < scalars.count, scalars[periodCursor] != "。" { periodCursor += 1 }
                let sentenceEnd = periodCursor
                var partsEnd = position + 1 < markers.count && markers[position + 1] < sentenceEnd ? markers[position + 1] : sentenceEnd
                while following < statements.count, statements[following].mention.range.lowerBound <= marker { following += 1 }
                // The total: the last value of the marker's sentence before it, outside any bracket the marker
                // is not in (“收入预算490,808.40万元（本年预算收入390,140.45万元），其中：…” lists the 490,808.40).
                let reach = max(0, following - NarrativeStatementExtractor.lookback)
                guard var total = statements[reach..<following].last(where: {
                    $0.mention.range.upperBound <= marker && sentenceOf[$0.mention.range.lowerBound] == sentenceOf[marker] && $0.role == .value
                        && depth[$0.mention.range.lowerBound] <= depth[marker]
                }) else { continue }
                // A total that is itself an item of a list (“主要包括：A 973.30万元，其中结转结余220.80万元，用于…；
                // B 40.00万元…”) has its parts before the item's “；”: what follows are the list's other items.
                if listed[total.mention.range.lowerBound], let semicolon = scalars[marker..<partsEnd].firstIndex(of: "；") {
                    partsEnd = semicolon
                }
                // The parts: the values after it that no bracket opened after the marker encloses.
                var parts: [NarrativeStatement] = []
                var lowest = depth[marker]
                var scanned = marker
                var candidate = following
                while candidate < statements.count, statements[candidate].mention.range.lowerBound < partsEnd {
                    let statement = statements[candidate]
                    candidate += 1
                    let start = statement.mention.range.lowerBound
                    while scanned < start { scanned += 1; lowest = min(lowest, depth[scanned]) }
                    if statement.mention.range.upperBound <= partsEnd, statement.role == .value, depth[start] == lowest { parts.append(statement) }
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

    /// For each offset, whether it lies in a list of items in its sentence: after a “；” or a colon
    /// that opens a list (包括：, 如下：) since the last “。”.
    private static func listItems(_ scalars: [Unicode.Scalar]) -> [Bool] {
        var result: [Bool] = []
        result.reserveCapacity(scalars.count + 1)
        var inList = false
        for (offset, scalar) in scalars.enumerated() {
            result.append(inList)
            if scalar == "。" { inList = false }
            if scalar == "；" { inList = true }
            if scalar == "：" || scalar == ":", offset >= 2, ["包括", "如下"].contains(String(String.UnicodeScalarView(scalars[(offset - 2)..<offset]))) {
                inList = true
            }
        }
        result.append(inList)
        return result
    }

    private static func occurrences(of pattern: [Unicode.Scalar], in scalars: [Unicode.Scalar]) -> [Int] {
        guard scalars.count >= pattern.count else { return [] }
        return (0...(scalars.count - pattern.count)).filter { start in
            pattern.indices.allSatisfy { scalars[start + $0] == pattern[$0] }
        }
    }
}
