import GongkaiCore

/// A small disclosure in the project's text format that a rule must (or must not) flag.
///
/// In triggering examples a `↓` marks the place the finding must point at: the line it is on must be
/// the diagnostic's line. The marker is removed before the example is read.
public struct RuleExample: Sendable {
    /// The example document.
    public var text: String
    /// The profile to check it with (default `generic`).
    public var profile: String
    /// Where the example is written, for test failures.
    public var file: String
    /// The line in `file`.
    public var line: Int

    /// Creates an example.
    public init(_ text: String, profile: String = "generic", file: String = #filePath, line: Int = #line) {
        self.text = text
        self.profile = profile
        self.file = file
        self.line = line
    }

    /// The marker that shows where a finding must appear.
    public static let marker: Character = "↓"

    /// The text without markers.
    public var document: String { text.filter { $0 != Self.marker } }

    /// 1-based line numbers of the markers.
    public var markedLines: [Int] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .filter { $0.element.contains(Self.marker) }.map { $0.offset + 1 }
    }
}

/// What a rule is: its id, names, category, severity, why it exists, and examples that are at once
/// its documentation and its tests. Disclosure rules give `RuleExample`s; budget rules give budget
/// JSON documents (`BudgetRuleDescription`).
public struct RuleDescription<Example: Sendable>: Sendable {
    /// Stable id, e.g. `hierarchy-sum`.
    public var id: String
    /// Short Chinese title.
    public var title: String
    /// Category.
    public var category: RuleCategory
    /// Default severity.
    public var severity: Severity
    /// Why the rule exists, in Chinese.
    public var rationale: String
    /// Examples the rule must flag.
    public var triggering: [Example]
    /// Examples the rule must not flag.
    public var nonTriggering: [Example]

    /// Creates a description.
    public init(id: String, title: String, category: RuleCategory, severity: Severity, rationale: String,
                triggering: [Example], nonTriggering: [Example]) {
        self.id = id
        self.title = title
        self.category = category
        self.severity = severity
        self.rationale = rationale
        self.triggering = triggering
        self.nonTriggering = nonTriggering
    }
}

/// A check of a disclosure. Each rule lives in its own file: the description on top, the detection
/// logic below.
public protocol Rule: Sendable {
    /// The rule's description.
    var description: RuleDescription<RuleExample> { get }
    /// The findings for one document.
    func check(_ context: CheckContext) -> [Diagnostic]
}

extension Rule {
    /// A diagnostic of this rule with its default severity.
    func diagnostic(_ message: String, at location: SourceLocation?, table: DisclosureTableRef? = nil, code: String? = nil,
                    column: String? = nil, found: String? = nil, expected: String? = nil, section: NarrativeSectionKind? = nil,
                    severity: Severity? = nil, related: [SourceLocation] = []) -> Diagnostic {
        Diagnostic(rule: description.id, severity: severity ?? description.severity, message: message, location: location,
                   table: table?.kind, tableTitle: table?.title, code: code, column: column, found: found, expected: expected,
                   section: section, related: related)
    }
}

/// The kind and title of a table, for diagnostics.
struct DisclosureTableRef {
    var kind: TableKind?
    var title: String
}
