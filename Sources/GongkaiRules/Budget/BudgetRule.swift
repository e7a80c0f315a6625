import GongkaiCore

/// A check on budget data before it is rendered: what a disclosure rule would find in the published
/// tables, caught at the source, plus what only the data shows (unknown codes, unbalanced sources).
public protocol BudgetRule: Sendable {
    /// The rule's description; its examples are budget JSON documents.
    var description: BudgetRuleDescription { get }
    /// The findings for one budget.
    func check(_ context: BudgetCheckContext) -> [Diagnostic]
}

/// What a budget rule is, with budget JSON documents that must and must not trigger it (run as tests).
public typealias BudgetRuleDescription = RuleDescription<String>

/// What budget rules see: the budget, the profile it will be rendered with, the catalog, and where
/// each field came from (a JSON path, or a sheet and cell of a budget workbook).
public struct BudgetCheckContext: Sendable {
    /// The budget.
    public let budget: Budget
    /// The profile.
    public let profile: Profile
    /// The classification catalog.
    public let catalog: Catalog
    /// The budget file.
    public let path: String
    /// Locations of fields read from a workbook, by field path.
    public let sources: [String: SourceLocation]

    /// Creates a context.
    public init(budget: Budget, profile: Profile, catalog: Catalog, path: String, sources: [String: SourceLocation] = [:]) {
        self.budget = budget
        self.profile = profile
        self.catalog = catalog
        self.path = path
        self.sources = sources
    }

    /// Where `field` is: its workbook cell when known, else the field path in the file.
    public func location(_ field: String) -> SourceLocation {
        var location = sources[field] ?? SourceLocation(file: path)
        location.field = field
        return location
    }
}

extension BudgetRule {
    /// A diagnostic of this rule at `field`.
    func diagnostic(_ message: String, field: String, code: String? = nil, found: String? = nil, expected: String? = nil) -> Diagnostic {
        Diagnostic(rule: description.id, severity: description.severity, message: message, location: nil, code: code, found: found, expected: expected)
            .located(at: field)
    }
}

extension Diagnostic {
    fileprivate func located(at field: String) -> Diagnostic {
        var copy = self
        copy.location = SourceLocation(file: "", field: field)
        return copy
    }
}

/// Every budget rule.
public enum BudgetRuleCatalog {
    /// All budget rules.
    public static let all: [any BudgetRule] = [
        BudgetCodeUnknownRule(), BudgetCodeLevelRule(), BudgetNegativeAmountRule(), BudgetSourceBalanceRule(), BudgetProjectReferenceRule(),
        BudgetWeightsSumRule(), BudgetIndicatorIncompleteRule(), BudgetChangeReasonMissingRule(), BudgetOperatingCostsRule(),
        BudgetDutiesMissingRule(), BudgetThreePublicCostsBelowLinesRule(), BudgetPriorYearPartsRule(), BudgetSpendingKindRule(),
    ]

    /// The rule with `id`, or nil.
    public static func rule(_ id: String) -> (any BudgetRule)? { all.first { $0.description.id == id } }
}

/// Runs the budget rules.
public struct BudgetChecker: Sendable {
    /// The rules to run.
    public var rules: [any BudgetRule]

    /// Creates a checker with all budget rules.
    public init(rules: [any BudgetRule] = BudgetRuleCatalog.all) {
        self.rules = rules
    }

    /// The findings, each located at its field (and workbook cell when known).
    public func check(_ context: BudgetCheckContext) -> [Diagnostic] {
        rules.flatMap { rule in
            rule.check(context).map { diagnostic in
                var located = diagnostic
                located.location = context.location(diagnostic.location?.field ?? "")
                return located
            }
        }
    }
}
