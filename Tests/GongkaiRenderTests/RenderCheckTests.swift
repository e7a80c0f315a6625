import Foundation
import GongkaiCore
import GongkaiImport
import GongkaiRender
import GongkaiReport
import GongkaiRules
import Testing

/// What the rule catalog says about rendered packages: nothing wrong, in any format.
@Suite struct RenderCheckTests {
    @Test(arguments: ["laoganbu", "eldercare"])
    func renderedTextHasNoFindingAboveInfo(example name: String) throws {
        let example = try (name == "laoganbu" ? RenderedExample.laoganbu : RenderedExample.eldercare).get()
        let findings = try RenderRunner.check(example.document, profile: example.profile, catalog: example.catalog, path: name)
        #expect(findings.filter { $0.severity > .info }.map(\.message) == [])
        // The seed's own tail differences (20805, 301) are the only notes.
        #expect(findings.allSatisfy { $0.rule == "rounding-note" })
    }

    @Test(arguments: ["laoganbu", "eldercare"])
    func budgetRulesFindNothingInTheExamples(example name: String) throws {
        let example = try (name == "laoganbu" ? RenderedExample.laoganbu : RenderedExample.eldercare).get()
        let context = BudgetCheckContext(budget: example.budget, profile: example.profile, catalog: example.catalog, path: name)
        #expect(BudgetChecker().check(context).map(\.message) == [])
    }

    @Test func everyRequiredTableOfEachProfileIsRendered() throws {
        for example in [try RenderedExample.laoganbu.get(), try RenderedExample.eldercare.get()] {
            let kinds = Set(example.document.tables.map(\.kind))
            for required in example.profile.requiredTables {
                #expect(kinds.contains(required.kind), "\(example.profile.id): \(required.title)")
                let titles = [required.title] + (required.acceptedTitles ?? [])
                #expect(example.document.tables.contains { table in titles.contains { table.title.hasSuffix($0) } }, "\(required.title)")
            }
        }
    }
}
