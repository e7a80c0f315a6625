import GongkaiCore
import GongkaiRules
import Testing
import GongkaiTestSupport

/// Checks of the real Shanghai PDFs (present in CI as ../shared/corpus).
@Suite(.enabled(if: TestFiles.hasCorpus && TestFiles.hasPDFReader, "needs ../shared/corpus and mutool; skipped when either is absent"))
struct CorpusCheckTests {
    @Test func welfareHomeTemplateResidueBrokenCodeAndOldClassNameWithPages() throws {
        let diagnostics = try check(TestFiles.corpus("D01-")!).diagnostics
        let residue = diagnostics.of("placeholder-text")
        #expect(residue.contains { $0.found == "主要原因是。" && $0.location?.page == 16 })
        #expect(residue.contains { $0.found == "（增加内容）" && $0.location?.page == 16 })
        let broken = diagnostics.of("code-malformed")
        #expect(broken.map(\.found) == ["7 11 02", "7 11 02"])
        #expect(broken.map(\.expected) == ["210 11 02", "210 11 02"])
        #expect(broken.compactMap(\.location?.page) == [9, 11])
        let oldName = diagnostics.of("code-name-mismatch").filter { $0.expected == "卫生健康支出" }
        #expect(oldName.contains { $0.location?.page == 6 && $0.section == .overview })
        #expect(oldName.contains { $0.table == .incomeExpenditureSummary && $0.location?.page == 7 })
    }

    /// D09's 财政拨款收入支出决算总表 is read (its digits drawn off their rows' baselines, its income rows
    /// taller than its spending rows), so the narrative's 0.3万元 is caught against the table's 总计.
    @Test func finalAccountsFiscalTotalContradictsTheNarrative() throws {
        let diagnostics = try check(TestFiles.corpus("D09-")!).diagnostics
        #expect(!diagnostics.of("table-unreadable").contains { $0.table == .fiscalSummary })
        let total = diagnostics.of("narrative-amount-mismatch").filter { $0.found == "0.3万元" }
        #expect(total.count == 1)
        #expect(total.first?.expected == "2961.68万元")
        #expect(total.first?.location?.page == 21)
        // 一般公共预算支出表 adds up to 本年支出合计, not to the 总计 with 年末结转.
        #expect(diagnostics.of("cross-table-mismatch").isEmpty)
        // The shares of the list are of the 2940.05万元 that opens its paragraph (an indented first line,
        // not a centred heading): only 71.73% is wrong (2106.66 ÷ 2940.05 = 71.65%).
        #expect(diagnostics.of("narrative-percentage-mismatch").map(\.found) == ["71.73%"])
    }

    /// The defects the district's inspector listed for D03 (`D03-...xlsx`) that can be seen in the PDF.
    @Test func justiceBureauInspectorFindingsAreFound() throws {
        let diagnostics = try check(TestFiles.corpus("D03-sh-putuo-justice-2026-dept-budget.pdf")!).diagnostics
        // 目录后有一页多余的空表页
        #expect(diagnostics.of("blank-page").map(\.location?.page) == [3])
        #expect(diagnostics.of("blank-page").first?.section == .contents)
        // 主要职能中部分文字未正常显示
        #expect(diagnostics.of("text-not-displayable").contains { $0.section == .duties && $0.location?.page == 4 })
        // 5 处“比2026年预算”
        #expect(diagnostics.of("year-inconsistent").filter { $0.found == "2026年" }.count == 5)
        // 句号漏写、连续两个句号
        let punctuation = diagnostics.of("punctuation-defect")
        #expect(punctuation.contains { $0.found?.contains("工作量增加") == true })
        #expect(punctuation.contains { $0.found == "。。" })
        // 43269.3 → 3845.49 不可能“增加17.62%”
        #expect(diagnostics.of("narrative-percentage-mismatch").contains { $0.found == "增加17.62%" && $0.expected == "减少91.11%" })
        // 医疗卫生与计划生育支出（210类）
        #expect(diagnostics.of("code-name-mismatch").contains { $0.found == "医疗卫生与计划生育支出" && $0.section == .overview })
        // 住房公积金 208.8 万元 vs 201.50 万元
        #expect(diagnostics.of("narrative-internal-contradiction").contains { $0.found == "201.50万元" && $0.expected == "208.8万元" })
        // 项目经费情况说明多了一个右引号
        #expect(punctuation.contains { $0.section == .projectExplanation })
    }

    @Test(arguments: ["D02", "D04", "D05", "D06"])
    func everyDocumentIsChecked(prefix: String) throws {
        let result = try check(TestFiles.corpus(prefix + "-")!)
        #expect(result.profile.id.hasPrefix("shanghai"))
        #expect(result.disclosure.tables.count >= 9)
    }

    @Test func streetOfficeContradictionsAreFound() throws {
        let diagnostics = try check(TestFiles.corpus("D02-")!).diagnostics
        #expect(diagnostics.of("narrative-internal-contradiction").contains { $0.found == "441.25万元" && $0.expected == "220.63万元" })
        #expect(diagnostics.of("narrative-change-mismatch").contains { $0.found == "1421.25万元" })
    }
}
