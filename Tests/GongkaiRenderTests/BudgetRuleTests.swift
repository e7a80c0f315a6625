import Foundation
import GongkaiCore
import GongkaiImport
@testable import GongkaiRules
import Testing

/// Every budget rule flags its triggering examples, at a named field, and none of the others.
@Suite struct BudgetRuleTests {
    static let rules = BudgetRuleCatalog.all.map { $0.description.id }

    private func findings(_ json: String, rule id: String) throws -> [Diagnostic] {
        let budget = try BudgetJSONReader.read(Data(json.utf8), path: "example.json")
        let context = BudgetCheckContext(budget: budget, profile: try Profile.named("chongqing-unit-budget"),
                                         catalog: try Catalog.bundled(year: budget.year), path: "example.json")
        return BudgetChecker().check(context).filter { $0.rule == id }
    }

    @Test(arguments: rules)
    func triggeringExamplesAreFlaggedAtAField(rule id: String) throws {
        let rule = try #require(BudgetRuleCatalog.rule(id))
        #expect(!rule.description.triggering.isEmpty)
        for example in rule.description.triggering {
            let found = try findings(example, rule: id)
            #expect(!found.isEmpty, "\(id) missed: \(example)")
            #expect(found.allSatisfy { $0.location?.field?.isEmpty == false && $0.location?.file == "example.json" })
            #expect(found.allSatisfy { $0.severity == rule.description.severity })
        }
    }

    @Test(arguments: rules)
    func nonTriggeringExamplesAreNotFlagged(rule id: String) throws {
        let rule = try #require(BudgetRuleCatalog.rule(id))
        #expect(!rule.description.nonTriggering.isEmpty)
        for example in rule.description.nonTriggering {
            #expect(try findings(example, rule: id).map(\.message) == [], "\(id): \(example)")
        }
    }

    @Test func ruleIdsAreUniqueAndPrefixed() {
        #expect(Set(Self.rules).count == Self.rules.count)
        #expect(Self.rules.allSatisfy { $0.hasPrefix("budget-") })
    }

    @Test func aLargeChangeIsTenPercentOrMore() {
        #expect(BudgetChangeReasonMissingRule.isLarge(from: Amount(fen: 10_000), to: Amount(fen: 11_000)))
        #expect(!BudgetChangeReasonMissingRule.isLarge(from: Amount(fen: 10_000), to: Amount(fen: 10_999)))
        #expect(BudgetChangeReasonMissingRule.isLarge(from: .zero, to: Amount(fen: 1)))
        #expect(!BudgetChangeReasonMissingRule.isLarge(from: .zero, to: .zero))
    }
}
