import GongkaiCore

/// Picks the profile a document most likely follows, from its wording, its table titles, its money
/// unit, and whether it is a budget or final accounts of a unit or a department.
public enum ProfileDetector {
    /// The best-matching profile among `profiles`; `generic` when nothing points anywhere.
    public static func detect(_ disclosure: Disclosure, among profiles: [Profile]) -> Profile? {
        let head = (disclosure.metadata.title ?? "") + (disclosure.metadata.unitName ?? "")
            + disclosure.narrative.prefix(30).map(\.text).joined()
        let titles = disclosure.tables.map(\.title) + disclosure.contents.map(\.title)
        let units = disclosure.tables.compactMap(\.moneyUnit)
        var best: (profile: Profile, score: Int)?
        for profile in profiles where profile.id != "generic" {
            if let kind = profile.kind, let documentKind = disclosure.metadata.kind, kind != documentKind { continue }
            if let level = profile.level, let documentLevel = disclosure.metadata.level, level != documentLevel { continue }
            var score = 0
            for keyword in profile.detection.keywords where head.contains(keyword) { score += 3 }
            for hint in profile.detection.tableTitleHints where titles.contains(where: { ChineseText.comparisonKey($0).contains(ChineseText.comparisonKey(hint)) }) {
                score += 1
            }
            if let unit = profile.detection.moneyUnit, !units.isEmpty, units.filter({ $0 == unit }).count * 2 >= units.count { score += 1 }
            if score >= 3, score > (best?.score ?? 0) { best = (profile, score) }
        }
        return best?.profile ?? profiles.first { $0.id == "generic" }
    }
}
