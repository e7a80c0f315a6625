import Foundation
import GongkaiCore
import GongkaiImport
import GongkaiRender
import GongkaiReport
import GongkaiRules
import Testing

/// What the rule catalog says about rendered packages: nothing wrong, in any format.
@Suite struct RenderCheckTests {
    static func example(_ name: String) throws -> RenderedExample {
        try [("laoganbu", RenderedExample.laoganbu), ("eldercare", RenderedExample.eldercare), ("final", RenderedExample.finalAccounts)]
            .first { $0.0 == name }!.1.get()
    }

    @Test(arguments: ["laoganbu", "eldercare", "final"])
    func renderedTextHasNoFindingAboveInfo(example name: String) throws {
        let example = try Self.example(name)
        let findings = try RenderRunner.check(example.document, profile: example.profile, catalog: example.catalog, path: name)
        #expect(findings.filter { $0.severity > .info }.map(\.message) == [])
        // The seed's own tail differences (20805, 301) are the only notes.
        #expect(findings.allSatisfy { $0.rule == "rounding-note" })
    }

    @Test(arguments: ["laoganbu", "eldercare", "final"])
    func budgetRulesFindNothingInTheExamples(example name: String) throws {
        let example = try Self.example(name)
        let context = BudgetCheckContext(budget: example.budget, profile: example.profile, catalog: example.catalog, path: name)
        #expect(BudgetChecker().check(context).map(\.message) == [])
    }

    @Test func everyRequiredTableOfEachProfileIsRendered() throws {
        #expect(RenderedExample.all.count == 3)
        for example in RenderedExample.all {
            let kinds = Set(example.document.tables.map(\.kind))
            for required in example.profile.requiredTables {
                #expect(kinds.contains(required.kind), "\(example.profile.id): \(required.title)")
                let titles = [required.title] + (required.acceptedTitles ?? [])
                #expect(example.document.tables.contains { table in titles.contains { table.title.hasSuffix($0) } }, "\(required.title)")
            }
        }
    }
}

/// The final accounts (决算) package: the D06 template's tables and explanation, from outturn data.
@Suite struct FinalAccountsRenderTests {
    @Test func tablesFollowTheTemplate() throws {
        let document = try RenderedExample.finalAccounts.get().document
        #expect(document.tables.map(\.title) == ["收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表",
                                                 "一般公共预算财政拨款基本支出决算表", "财政拨款“三公”经费支出决算表", "政府性基金预算财政拨款收入支出决算表",
                                                 "国有资本经营预算财政拨款收入支出决算表"].map { "2024年" + $0 })
        #expect(document.tables.allSatisfy { $0.moneyUnit == .wan && $0.decimals == 2 })
        let sangong = try #require(document.tables.first { $0.kind == .threePublicCosts })
        #expect(sangong.header[0].map(\.text) == ["预算数", "决算数"])
        #expect(sangong.rows[0].cells.count == 12)
    }

    @Test func explanationComparesOutturnWithBudgetAndLastYear() throws {
        let text = try RenderedExample.finalAccounts.get().document.sections.flatMap(\.paragraphs).map { ($0.lead ?? "") + $0.text }.joined(separator: "\n")
        #expect(text.contains("一般公共预算财政拨款支出年初预算为1087.44万元，支出决算为1079.34万元，完成年初预算的99.26%"))
        #expect(text.contains("决算数小于预算数的主要原因：项目按进度结算，部分合同款结余。"))
        #expect(text.contains("“三公”经费财政拨款支出年初预算为7.50万元，支出决算为7.35万元，完成预算的98.00%"))
        #expect(text.contains("无政府性基金预算财政拨款收入和支出"))
    }

    @Test func theTemplatesTwoSidedBasicTableReadsAsPersonnelAndPublicCosts() throws {
        let example = try RenderedExample.finalAccounts.get()
        let disclosure = try DisclosureImporter().read(text: TextWriter.text(example.document), path: "final.md")
        let basic = try #require(disclosure.table(.generalBudgetBasicExpenditure))
        let total = try #require(basic.totalRow())
        let sums = LineSums.of(example.budget.lines(paidBy: .generalBudget))
        #expect(total.value(.personnel)?.amount == sums.personnel.rounded(to: .wan, decimals: 2))
        #expect(basic.rows.contains { $0.side == .right && $0.role == .total && $0.value(.publicCosts)?.amount == sums.publicCosts.rounded(to: .wan, decimals: 2) })
    }
}
