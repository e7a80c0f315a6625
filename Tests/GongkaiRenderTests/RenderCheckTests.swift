import Foundation
import GongkaiCore
import GongkaiImport
import GongkaiRender
import GongkaiReport
import GongkaiRules
import Testing
import GongkaiTestSupport

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
        // D06 pairs 预算数 and 决算数 under each item.
        #expect(sangong.header[0].map(\.text) == ["合计", "因公出国（境）费", "公务用车购置及运行维护费", "公务接待费"])
        #expect(sangong.header[2].map(\.text) == Array(repeating: ["预算数", "决算数"], count: 6).flatMap { $0 })
        #expect(sangong.rows[0].cells.count == 12)
    }

    @Test func explanationComparesOutturnWithBudgetAndLastYear() throws {
        let text = try RenderedExample.finalAccounts.get().document.sections.flatMap(\.paragraphs).map { ($0.lead ?? "") + $0.text }.joined(separator: "\n")
        #expect(text.contains("一般公共预算财政拨款支出年初预算为1087.44万元，支出决算为1079.34万元，完成年初预算的99.26%"))
        #expect(text.contains("决算数小于预算数的主要原因：项目按进度结算，部分合同款结余。"))
        #expect(text.contains("“三公”经费财政拨款支出年初预算为7.50万元，支出决算为7.35万元，完成预算的98.00%"))
        #expect(text.contains("无政府性基金预算财政拨款收入和支出"))
        // Section 七 as D06 asks: each item's change and reason, 团组, vehicles held, receptions counted.
        #expect(text.contains("公务用车购置及运行维护费支出决算与2023年度持平；公务接待费支出决算与2023年度持平。") && text.contains("公务接待费支出与2023年度持平，原因是接待任务无变化。"))
        #expect(text.contains("全年未安排因公出国（境）团组。"))
        #expect(text.contains("所属各预算单位开支财政拨款的公务用车保有量为2辆。"))
        #expect(text.contains("全年国内公务接待12批次、86人次，其中：接待外宾0批次、0人次。"))
        // Section 十 from the year's 绩效管理 facts.
        #expect(text.contains("绩效自评的2024年度项目2个，涉及预算金额230.40万元，平均得分92.5分（其中，绩效评级为“优”的项目1个；"))
        #expect(text.contains("绩效自评中共发现问题3个，已经完成整改的2个，正在整改的1个）。"))
        // 十一（二）with what small businesses were reserved and won.
        #expect(text.contains("面向小微企业预留政府采购项目预算金额56.00万元。在面向中小企业预留的政府采购项目中，由中小企业供应商中标或成交的，采购金额80.00万元；"))
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

/// The 决算 package against the national template itself (`../shared/corpus/D06-…`): the same parts,
/// sections and tables in the same order and numbering, and the template's fixed rows and notes.
@Suite struct FinalAccountsTemplateTests {
    @Test(.enabled(if: TestFiles.hasCorpus && TestFiles.hasPdftotext, "needs ../shared/corpus and pdftotext; skipped when absent"))
    func theContentsAreTheTemplatesEntryForEntry() throws {
        let template = try #require(try FileManager.default.contentsOfDirectory(atPath: TestFiles.corpus.path).first { $0.hasPrefix("D06-") })
        let text = TestFiles.run("/usr/bin/pdftotext", ["-f", "1", "-l", "3", TestFiles.corpus.appendingPathComponent(template).path, "-"]).output
        let lines = text.split(whereSeparator: \.isNewline).map { $0.filter { !$0.isWhitespace } }.filter { !$0.isEmpty }
        let start = try #require(lines.firstIndex { $0.hasPrefix("第一部分") })
        let end = try #require(lines[start...].firstIndex { $0.hasPrefix("第四部分") })
        let templateEntries = Array(lines[start...end])
        let document = try RenderedExample.finalAccounts.get().document
        let ours = document.contents.map { $0.replacingOccurrences(of: document.unitName, with: "上海市XX局").filter { !$0.isWhitespace } }
        #expect(ours == templateEntries)
        #expect(templateEntries.count == 26)
    }

    @Test func theSummaryTablesListTheTemplatesRowsAndNotes() throws {
        let document = try RenderedExample.finalAccounts.get().document
        let summary = try #require(document.tables.first { $0.kind == .incomeExpenditureSummary })
        let labels = summary.rows.flatMap(\.cells).compactMap { cell -> String? in
            if case .text(let text) = cell.content { return text }
            return nil
        }
        #expect(labels.contains("二十四、抗疫特别国债安排的支出") && labels.contains("八、社会保障和就业支出") && labels.contains("二、外交支出"))
        #expect(labels.contains("使用非财政拨款结余") && labels.contains("结余分配"))
        #expect(summary.footnote == "本表反映部门本年度的总收支和年末结转结余情况。")
        #expect(document.tables.allSatisfy { $0.footnote?.hasPrefix("本表反映部门本年度") == true })
        // Codes joined, 合计 on top, as D06 prints the income and spending tables.
        let income = try #require(document.tables.first { $0.kind == .incomeSummary })
        #expect(income.rows.first?.isTotal == true)
        #expect(income.rows.dropFirst().first?.cells.first?.content == .code("208"))
        let basic = try #require(document.tables.first { $0.kind == .generalBudgetBasicExpenditure })
        #expect(basic.rows.count == 39)
    }
}
