import Foundation
import GongkaiCore
import GongkaiImport
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
    /// Every bundled profile decodes, has a unique id, and its checklist covers what it requires.
    @Test func profilesAreBundledAndCoverWhatTheyRequire() throws {
        let profiles = try Profile.bundled()
        #expect(Set(profiles.map(\.id)).count == profiles.count)
        #expect(profiles.count >= 15)
        for profile in profiles {
            let covered = Set(profile.checklist.flatMap(\.covers))
            for table in profile.requiredTables { #expect(covered.contains("table:\(table.kind.rawValue)"), "\(profile.id): \(table.title)") }
            for section in profile.requiredSections { #expect(covered.contains("section:\(section.kind.rawValue)"), "\(profile.id): \(section.title)") }
        }
    }

    @Test func unknownProfileNameListsTheKnownOnes() {
        #expect { try Profile.named("beijing") } throws: { error in
            (error as? GongkaiError)?.message.contains("shanghai-unit-budget") == true
        }
    }

    private func detect(_ text: String) throws -> String? {
        let disclosure = try DisclosureImporter().read(text: text, path: "example.txt")
        return ProfileDetector.detect(disclosure, among: try Profile.bundled())?.id
    }

    /// The region named in the title picks the region's profile, the level picks between its unit and
    /// department profiles.
    @Test func regionInTheTitleChoosesTheRegionsProfile() throws {
        #expect(try detect("# 苏州市示例局2026年度单位预算公开\n## 第一部分 单位概况\n一、主要职能\n负责示例工作。\n") == "jiangsu-unit-budget")
        #expect(try detect("# 苏州市示例局2026年度部门预算公开\n## 第一部分 部门概况\n一、主要职能\n负责示例工作。\n") == "jiangsu-department-budget")
        #expect(try detect("# 杭州市示例局2026年部门预算\n## 一、部门概况\n负责示例工作。\n") == "zhejiang-department-budget")
    }

    /// 国家 and 全国 in prose are everywhere; only in a name do they point to a central department.
    @Test func centralWordsCountOnlyInNames() throws {
        let local = "# 示例县示例中心2026年单位预算\n## 一、基本情况\n贯彻落实国家和全国有关要求，执行中央八项规定。\n"
        #expect(try detect(local) == "generic")
        #expect(try detect("# 国家示例局2024年度部门决算\n## 第一部分 国家示例局概况\n一、部门职责\n负责示例工作。\n")
            == "national-department-final-accounts")
    }

    /// A budget's region (its `unit.region`) names the profiles it can be published in, for its level and phase.
    @Test func budgetsRegionNamesItsProfiles() throws {
        let all = try Profile.bundled()
        #expect(ProfileDetector.profiles(for: "上海市普陀区", level: .unit, kind: .budget, among: all).first?.id == "shanghai-unit-budget")
        #expect(ProfileDetector.profiles(for: "上海市普陀区", level: .department, kind: .finalAccounts, among: all).first?.id
            == "shanghai-department-final-accounts")
        #expect(ProfileDetector.profiles(for: "重庆市石柱土家族自治县", level: .unit, kind: .budget, among: all).map(\.id) == ["chongqing-unit-budget"])
        #expect(ProfileDetector.profiles(for: "示例省示例县", level: .unit, kind: .budget, among: all).isEmpty)
    }

    /// A document whose region is named only in its body is placed by repeated mention.
    @Test func regionNamedRepeatedlyInTheOpeningCounts() throws {
        let body = "# 2026年度部门预算\n## 一、部门情况说明\n北京市示例局负责北京市的示例工作，下设北京市示例中心。\n"
        #expect(try detect(body) == "beijing-department-budget")
        #expect(try detect("# 2026年度部门预算\n## 一、部门情况说明\n本局负责北京市的示例工作。\n") == "generic")
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
