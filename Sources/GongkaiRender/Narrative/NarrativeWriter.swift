import GongkaiCore

/// What the narrative writers share: the budget, the profile, the catalog, and the
/// years, wording and paragraphs derived from them.
protocol NarrativeWriter {
    var budget: Budget { get }
    var profile: RenderProfile { get }
    var catalog: Catalog { get }
}

extension NarrativeWriter {
    var wording: Wording { Wording(groupsThousands: profile.layout.print.groupsTextThousands) }
    var year: Int { budget.year }
    var priorYear: Int { budget.year - 1 }
    var levelWord: String { profile.levelWord }
    var shared: SharedParagraphs { SharedParagraphs(budget: budget, levelWord: levelWord, wording: wording) }

    /// The 名词解释 of the profile's layout: （一）term：text, numbered as the layout says.
    var glossaryParagraphs: [RenderedParagraph] {
        profile.layout.glossary.enumerated().map { index, entry in
            RenderedParagraph(lead: RenderLayout.fill(profile.layout.glossaryNumbering ?? "（{n}）", ["n": ChineseNumerals.text(index + 1)]) + "\(entry.term)：",
                              entry.text)
        }
    }

    /// The name of a functional code (its digits when nothing names it).
    func name(of digits: String) -> String {
        FunctionCode(digits).flatMap { budget.name(of: .function($0), in: catalog) } ?? digits
    }
}
