import GongkaiCore
import GongkaiRules
import Testing
import GongkaiTestSupport

/// The founding example: what the issue says `gongkai check` must show on the seed.
@Suite(.enabled(if: TestFiles.hasCorpus, "needs ../shared/corpus (the seed); skipped when it is absent"))
struct SeedCheckTests {
    static let result = Result { try check(TestFiles.corpus("seed-")!) }

    /// The seed's findings; a seed that cannot be read fails every test instead of passing the
    /// ones that expect no finding.
    private func diagnostics() throws -> [Diagnostic] { try Self.result.get().diagnostics }

    @Test func detectsTheChongqingUnitBudgetProfile() throws {
        #expect(try Self.result.get().profile.id == "chongqing-unit-budget")
    }

    @Test func basicExpenditureSentenceContradictsTheTables() throws {
        let finding = try #require(diagnostics().of("narrative-amount-mismatch").first)
        #expect(finding.found == "68.54万元")
        #expect(finding.expected == "190.98万元")
        #expect(finding.severity == .error)
    }

    @Test func departmentIncomeSummaryIsMissing() throws {
        let missing = try diagnostics().of("required-table-missing")
        #expect(missing.map(\.expected) == ["部门收入总表"])
    }

    @Test func pensionSectionAndWagesClassAreOnlyRoundingNotes() throws {
        let notes = try diagnostics().of("rounding-note")
        #expect(notes.contains { $0.code == "20805" && $0.found == "23.77" && $0.expected == "23.76" })
        #expect(notes.contains { $0.code == "301" && $0.found == "154.87" && $0.expected == "154.86" })
        #expect(notes.allSatisfy { $0.severity == .info })
        #expect(try diagnostics().of("hierarchy-sum").isEmpty)
    }

    @Test func strayPerformanceRowsAreMalformed() throws {
        let rows = try diagnostics().of("perf-malformed-row").map(\.found)
        #expect(rows == ["4", "≥ 296"])
    }

    @Test func indicatorWithoutUnitIsIncomplete() throws {
        #expect(try diagnostics().of("perf-indicator-incomplete").map(\.found) == ["站点网络通畅率"])
        #expect(try diagnostics().of("perf-weights-sum").isEmpty, "every project totals 90 beside the 10 of 预算执行率")
    }

    @Test func procurementWorksInYuanAmidWanIsFlagged() throws {
        let finding = try diagnostics().of("money-unit-inconsistent")
        #expect(finding.map(\.found) == ["0元"])
        #expect(finding.first?.location?.line == 35)
    }

    @Test func emptyThreePublicCostsAndPerformanceTablesAreUnexplained() throws {
        let titles = try diagnostics().of("empty-table-unexplained").compactMap(\.tableTitle)
        #expect(titles.contains { $0.contains("三公") })
        #expect(titles.contains { $0.contains("项目支出绩效目标表") })
        #expect(!titles.contains { $0.contains("政府性基金") }, "the fund table carries its 备注")
    }

    @Test func noOtherArithmeticCrossTableOrCodeError() throws {
        let families: Set<String> = ["hierarchy-sum", "row-sum", "column-total", "balance-mismatch", "invalid-amount", "cross-table-mismatch",
                                     "code-set-mismatch", "code-unknown", "code-name-mismatch", "code-hierarchy-broken", "code-malformed",
                                     "code-scheme-mismatch", "sangong-sum", "narrative-percentage-mismatch", "narrative-change-mismatch",
                                     "narrative-breakdown-mismatch", "narrative-internal-contradiction", "operating-cost-mismatch"]
        let unexpected = try diagnostics().filter { families.contains($0.rule) && $0.severity == .error }
        #expect(unexpected.isEmpty, "\(unexpected.map(\.message))")
        #expect(try diagnostics().of("narrative-amount-mismatch").count == 1)
    }
}
