import GongkaiCore
import GongkaiImport
@testable import GongkaiRules
import Testing

/// One rule, for parameterised tests (named by its id in test output).
struct RuleCase: Sendable, CustomTestStringConvertible {
    let rule: any Rule
    var testDescription: String { rule.description.id }
}

/// Runs every rule's own examples: triggering ones must produce a finding of that rule on each marked
/// line, non-triggering ones none. The examples are at once the rules' documentation and their tests.
@Suite struct RuleExampleTests {
    static let cases = RuleCatalog.all.map(RuleCase.init)

    private func findings(_ example: RuleExample, rule: any Rule) throws -> [Diagnostic] {
        let disclosure = try DisclosureImporter().read(text: example.document, path: "example.md")
        let profile = try Profile.named(example.profile)
        let catalog = try Catalog.bundled(year: disclosure.metadata.year ?? 2023)
        let context = CheckContext(disclosure: disclosure, profile: profile, catalog: catalog)
        return rule.check(context)
    }

    @Test(arguments: cases)
    func triggeringExamplesAreFlaggedWhereMarked(_ ruleCase: RuleCase) throws {
        let description = ruleCase.rule.description
        #expect(!description.triggering.isEmpty, "\(description.id) has no triggering example")
        for example in description.triggering {
            let location = SourceLocation(fileID: "GongkaiRules/\(example.file)", filePath: example.file, line: example.line, column: 1)
            let found = try findings(example, rule: ruleCase.rule)
            #expect(!found.isEmpty, "\(description.id): example triggers nothing", sourceLocation: location)
            for line in example.markedLines {
                #expect(found.contains { $0.location?.line == line }, "\(description.id): no finding on marked line \(line); found lines \(found.map { $0.location?.line ?? 0 })", sourceLocation: location)
            }
            #expect(found.allSatisfy { $0.rule == description.id })
        }
    }

    @Test(arguments: cases)
    func nonTriggeringExamplesAreNotFlagged(_ ruleCase: RuleCase) throws {
        let description = ruleCase.rule.description
        #expect(!description.nonTriggering.isEmpty, "\(description.id) has no non-triggering example")
        for example in description.nonTriggering {
            let location = SourceLocation(fileID: "GongkaiRules/\(example.file)", filePath: example.file, line: example.line, column: 1)
            let found = try findings(example, rule: ruleCase.rule)
            #expect(found.isEmpty, "\(description.id): \(found.map(\.message))", sourceLocation: location)
        }
    }

    @Test func catalogHasAtLeastFortyRulesWithUniqueIds() {
        let ids = RuleCatalog.all.map(\.description.id)
        #expect(ids.count >= 40)
        #expect(Set(ids).count == ids.count)
        for required in ["required-table-missing", "required-section-missing", "empty-table-unexplained", "empty-table-note-contradicts",
                         "hierarchy-sum", "row-sum", "column-total", "rounding-note", "cross-table-mismatch", "narrative-amount-mismatch",
                         "narrative-percentage-mismatch", "narrative-internal-contradiction", "operating-cost-mismatch", "code-unknown",
                         "code-name-mismatch", "code-hierarchy-broken", "code-malformed", "sangong-sum", "sangong-change-unexplained",
                         "perf-weights-sum", "perf-indicator-incomplete", "perf-malformed-row", "money-unit-inconsistent", "placeholder-text",
                         "unit-name-inconsistent", "level-wording-inconsistent", "year-inconsistent", "text-not-displayable"] {
            #expect(ids.contains(required), "missing rule \(required)")
        }
    }
}
