import Foundation
import GongkaiCore
import GongkaiRules
import Testing
import GongkaiTestSupport

/// The repository's examples: one with deliberate defects, one consistent.
@Suite struct ExampleCheckTests {
    @Test func chongqingExampleShowsItsDeliberateDefects() throws {
        let result = try check(TestFiles.example("chongqing-unit-budget-2024.md"))
        #expect(result.profile.id == "chongqing-unit-budget")
        let errors = result.diagnostics.filter { $0.severity == .error }
        #expect(Set(errors.map(\.rule)) == ["narrative-percentage-mismatch", "code-name-mismatch", "narrative-amount-mismatch",
                                            "cross-table-mismatch", "empty-table-unexplained", "hierarchy-sum"])
        #expect(result.diagnostics.of("narrative-amount-mismatch").first?.found == "186.86万元")
        #expect(result.diagnostics.of("hierarchy-sum").allSatisfy { $0.code == "20805" })
        #expect(result.diagnostics.of("perf-weights-sum").isEmpty)
    }

    @Test func shanghaiExampleIsConsistent() throws {
        let result = try check(TestFiles.example("shanghai-unit-budget-2025.xlsx"))
        #expect(result.profile.id == "shanghai-unit-budget")
        #expect(result.diagnostics.filter { $0.severity >= .warning }.isEmpty, "\(result.diagnostics.map(\.message))")
    }
}

@Suite struct ProfileDetectionTests {
    @Test func profilesAreBundledAndDecodable() throws {
        let ids = try Profile.bundled().map(\.id)
        #expect(Set(ids) == ["chongqing-unit-budget", "generic", "shanghai-department-budget", "shanghai-department-final-accounts", "shanghai-unit-budget"])
    }

    @Test func unknownProfileNameListsTheKnownOnes() {
        #expect { try Profile.named("beijing") } throws: { error in
            (error as? GongkaiError)?.message.contains("shanghai-unit-budget") == true
        }
    }
}

/// The excerpts of web pages (present in CI as ../shared/corpus/excerpts): parts of disclosures, so
/// completeness is not judged, but their sentences are.
@Suite(.enabled(if: TestFiles.hasCorpus, "needs ../shared/corpus; skipped when it is absent"))
struct ExcerptCheckTests {
    private func excerpt(_ prefix: String) throws -> [Diagnostic] {
        try check(TestFiles.corpus.appendingPathComponent("excerpts").appendingPathComponent(
            try #require(FileManager.default.contentsOfDirectory(atPath: TestFiles.corpus.appendingPathComponent("excerpts").path)
                .first { $0.hasPrefix(prefix) })).path).diagnostics
    }

    @Test func excerptsAreNotJudgedForMissingTables() throws {
        #expect(try excerpt("011").of("required-table-missing").isEmpty)
    }

    @Test func classBreakdownOffByOneFenIsOnlyARoundingNote() throws {
        let notes = try excerpt("011").of("rounding-note")
        #expect(notes.contains { $0.found == "2082.58万元" && $0.expected == "2082.59万元" })
    }

    @Test func nestedBreakdownInBracketsIsNotCountedTwice() throws {
        #expect(try excerpt("016").of("narrative-breakdown-mismatch").isEmpty)
    }
}
