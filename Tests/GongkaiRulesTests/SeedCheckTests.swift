import GongkaiCore
import GongkaiRules
import Testing
import GongkaiTestSupport

/// The founding example: what the issue says `gongkai check` must show on the seed.
@Suite(.enabled(if: TestFiles.hasCorpus, "needs ../shared/corpus (the seed); skipped when it is absent"))
struct SeedCheckTests {
    static let result = Result { try check(TestFiles.corpus("seed-")!) }

    private var diagnostics: [Diagnostic] { (try? Self.result.get().diagnostics) ?? [] }

    @Test func detectsTheChongqingUnitBudgetProfile() throws {
        #expect(try Self.result.get().profile.id == "chongqing-unit-budget")
    }

    @Test func basicExpenditureSentenceContradictsTheTables() throws {
        let finding = try #require(diagnostics.of("narrative-amount-mismatch").first)
        #expect(finding.found == "68.54万元")
        #expect(finding.expected == "190.98万元")
        #expect(finding.severity == .error)
    }

    @Test func departmentIncomeSummaryIsMissing() {
        let missing = diagnostics.of("required-table-missing")
        #expect(missing.map(\.expected) == ["部门收入总表"])
    }

    @Test func pensionSectionAndWagesClassAreOnlyRoundingNotes() {
        let notes = diagnostics.of("rounding-note")
        #expect(notes.contains { $0.code == "20805" && $0.found == "23.77" && $0.expected == "23.76" })
        #expect(notes.contains { $0.code == "301" && $0.found == "154.87" && $0.expected == "154.86" })
        #expect(notes.allSatisfy { $0.severity == .info })
        #expect(diagnostics.of("hierarchy-sum").isEmpty)
    }

    @Test func strayPerformanceRowsAreMalformed() {
        let rows = diagnostics.of("perf-malformed-row").map(\.found)
        #expect(rows == ["4", "≥ 296"])
    }

    @Test func indicatorWithoutUnitIsIncomplete() {
        #expect(diagnostics.of("perf-indicator-incomplete").map(\.found) == ["站点网络通畅率"])
        #expect(diagnostics.of("perf-weights-sum").isEmpty, "every project totals 90 beside the 10 of 预算执行率")
    }

    @Test func procurementWorksInYuanAmidWanIsFlagged() {
        let finding = diagnostics.of("money-unit-inconsistent")
        #expect(finding.map(\.found) == ["0元"])
        #expect(finding.first?.location?.line == 35)
    }

    @Test func emptyThreePublicCostsAndPerformanceTablesAreUnexplained() {
        let titles = diagnostics.of("empty-table-unexplained").compactMap(\.tableTitle)
        #expect(titles.contains { $0.contains("三公") })
        #expect(titles.contains { $0.contains("项目支出绩效目标表") })
        #expect(!titles.contains { $0.contains("政府性基金") }, "the fund table carries its 备注")
    }

    @Test func noOtherArithmeticCrossTableOrCodeError() {
        let families: Set<String> = ["hierarchy-sum", "row-sum", "column-total", "balance-mismatch", "invalid-amount", "cross-table-mismatch",
                                     "code-set-mismatch", "code-unknown", "code-name-mismatch", "code-hierarchy-broken", "code-malformed",
                                     "code-scheme-mismatch", "sangong-sum", "narrative-percentage-mismatch", "narrative-change-mismatch",
                                     "narrative-breakdown-mismatch", "narrative-internal-contradiction", "operating-cost-mismatch"]
        let unexpected = diagnostics.filter { families.contains($0.rule) && $0.severity == .error }
        #expect(unexpected.isEmpty, "\(unexpected.map(\.message))")
        #expect(diagnostics.of("narrative-amount-mismatch").count == 1)
    }
}
