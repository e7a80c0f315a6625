/// Picks the profile a document most likely follows, from its wording, its table titles, its money
/// unit, and whether it is a budget or final accounts of a unit or a department.
public enum ProfileDetector {
    /// The best-matching profile among `profiles`; `generic` (the national minimum) when nothing points anywhere.
    ///
    /// Evidence, weighed: a profile keyword in the document's title, unit name, a table's 编制单位 or a goals table's department (4),
    /// the same in its opening paragraphs (2, or 3 when named three times or more; not for name keywords), each typical table title (1), the
    /// profile's money unit on most tables (1). A profile needs 3 to be chosen; of two with the same
    /// evidence, the one naming the document's kind and level wins. One for another kind, level or year of
    /// document is never chosen.
    public static func detect(_ disclosure: Disclosure, among profiles: [Profile]) -> Profile? {
        let metadata = disclosure.metadata
        let names = [metadata.title, metadata.unitName].compactMap { $0 } + disclosure.tables.compactMap(\.preparer)
            + disclosure.tables.flatMap(\.performanceGoals).compactMap(\.department)
        let opening = String(disclosure.narrative.prefix(80).map(\.text).joined().prefix(4000))
        let titles = (disclosure.tables.map(\.title) + disclosure.contents.map(\.title)).map(ChineseText.comparisonKey)
        let units = disclosure.tables.compactMap(\.moneyUnit)
        var best: (profile: Profile, score: Int, specificity: Int)?
        for profile in profiles where profile.id != "generic" {
            if let kind = profile.kind, let documentKind = metadata.kind, kind != documentKind { continue }
            if let level = profile.level, let documentLevel = metadata.level, level != documentLevel { continue }
            if let years = profile.years, let year = metadata.year, !years.contains(year) { continue }
            var score = 0
            for keyword in profile.detection.keywords {
                if names.contains(where: { $0.contains(keyword) }) {
                    score += 4
                } else {
                    let mentions = opening.components(separatedBy: keyword).count - 1
                    score += mentions >= 3 ? 3 : mentions > 0 ? 2 : 0
                }
            }
            for keyword in profile.detection.nameKeywords ?? [] where names.contains(where: { $0.contains(keyword) }) { score += 4 }
            for hint in profile.detection.tableTitleHints.map(ChineseText.comparisonKey) where titles.contains(where: { $0.contains(hint) }) {
                score += 1
            }
            if let unit = profile.detection.moneyUnit, !units.isEmpty, units.filter({ $0 == unit }).count * 2 >= units.count { score += 1 }
            // Naming the document's own kind and level (not merely allowing any) breaks a tie.
            let specificity = (profile.level != nil && profile.level == metadata.level ? 1 : 0) + (profile.kind != nil && profile.kind == metadata.kind ? 1 : 0)
            guard score >= 3 else { continue }
            if let current = best, (current.score, current.specificity) >= (score, specificity) { continue }
            best = (profile, score, specificity)
        }
        return best?.profile ?? profiles.first { $0.id == "generic" }
    }

    /// The profiles for a budget of `level` and `kind` whose region words appear in `place` (a budget's
    /// `unit.region`, or its name), most specific first: the profile a budget is rendered in.
    public static func profiles(for place: String, level: DocumentLevel, kind: DocumentKind, among profiles: [Profile]) -> [Profile] {
        profiles.filter { profile in
            (profile.level ?? level) == level && (profile.kind ?? kind) == kind
                && (profile.detection.keywords + (profile.detection.nameKeywords ?? [])).contains { place.contains($0) }
        }.sorted { $0.scopeSpecificity > $1.scopeSpecificity }
    }
}

private extension Profile {
    /// How many of kind and level the profile names: a profile for one of them is preferred to one for any.
    var scopeSpecificity: Int { (kind != nil ? 1 : 0) + (level != nil ? 1 : 0) }
}
