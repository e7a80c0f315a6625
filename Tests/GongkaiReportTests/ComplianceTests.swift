import Foundation
import GongkaiCore
@testable import GongkaiReport
import GongkaiRules
import GongkaiTestSupport
import GongkaiXLSX
import Testing

@Suite struct ComplianceTests {
    private func example() throws -> DocumentReport {
        try CheckRunner().run(paths: [TestFiles.example("chongqing-unit-budget-2024.md")]).documents[0]
    }

    @Test func everyRuleCountsAgainstADimensionExceptThoseAboutTheReader() throws {
        let map = try DimensionMap.standard()
        #expect(Set(map.categories.keys) == Set(RuleCategory.allCases.map(\.rawValue)))
        for rule in RuleCatalog.all {
            let id = rule.description.id
            let dimension = map.dimension(ofRule: id, category: rule.description.category.rawValue)
            #expect((dimension == nil) == ["table-unreadable", "table-unrecognized"].contains(id), "\(id)")
            #expect(dimension != .timeliness, "\(id): a file alone never says when it was published")
        }
        #expect(map.deadlineDays == 20)
    }

    @Test func anErrorCountsAgainstItsDimensionAndAWarningIsOnlyCountedBesideIt() throws {
        let document = try example()
        let verdicts = ComplianceAssessor.assess(document, map: try DimensionMap.standard())
        #expect(verdicts.map(\.dimension) == DisclosureDimension.allCases)
        let accuracy = try #require(verdicts.first { $0.dimension == .accuracy })
        // The example's narrative states 186.86万元 where its table gives 196.84万元.
        #expect(accuracy.outcome == .notMet && accuracy.errors >= 1)
        #expect(verdicts.first { $0.dimension == .timeliness }?.outcome == .unknown)
        let errorsByRule = document.diagnostics.filter { $0.severity == .error }.count
        #expect(verdicts.map(\.errors).reduce(0, +) == errorsByRule)
        // A warning of 细化程度 alone leaves it met, counted beside.
        var warned = document
        warned.diagnostics = document.diagnostics.filter { ComplianceAssessor.categoryOfRule[$0.rule] != "performance" }
            + [Diagnostic(rule: "perf-target-vague", severity: .warning, message: "绩效指标值“较好”不可衡量")]
        let detail = try #require(ComplianceAssessor.assess(warned, map: try DimensionMap.standard()).first { $0.dimension == .detail })
        #expect(detail.outcome == .met && detail.errors == 0 && detail.warnings >= 1)
    }

    @Test func aScannedFileIsJudgedOnlyOnHowItWasPublished() throws {
        var scanned = try example()
        scanned.disclosure?.metadata.readByOCR = true
        scanned.diagnostics = scanned.diagnostics.map { finding in
            var lowered = finding
            if lowered.severity == .error { lowered.severity = .warning }
            return lowered
        }
        let verdicts = ComplianceAssessor.assess(scanned, map: try DimensionMap.standard())
        #expect(verdicts.first { $0.dimension == .manner }?.outcome == .notMet)
        for dimension in [DisclosureDimension.completeness, .detail, .accuracy] {
            #expect(verdicts.first { $0.dimension == dimension }?.outcome == .unknown, "\(dimension)")
        }
    }

    @Test func aTableTheReaderCouldNotReadLeavesWhatItFeedsUnknownUnlessAnErrorFailsIt() throws {
        var document = try example()
        document.diagnostics.append(Diagnostic(rule: "table-unreadable", severity: .warning, message: "第 7 页的表格未能读取"))
        let verdicts = ComplianceAssessor.assess(document, map: try DimensionMap.standard())
        // The example's narrative error still fails 真实性/准确性; 完整性 cannot be judged.
        #expect(verdicts.first { $0.dimension == .accuracy }?.outcome == .notMet)
        let completeness = verdicts.first { $0.dimension == .completeness }
        #expect(completeness?.outcome == (completeness?.errors ?? 0 > 0 ? .notMet : .unknown))
        #expect(verdicts.map(\.errors).reduce(0, +) == document.diagnostics.filter { $0.severity == .error }.count)
    }

    @Test func aFileThatCouldNotBeReadIsJudgedOnNothing() throws {
        let unreadable = try CheckRunner().run(paths: ["/nonexistent.pdf"]).documents[0]
        let verdicts = ComplianceAssessor.assess(unreadable, map: try DimensionMap.standard())
        #expect(verdicts.count == 5 && verdicts.allSatisfy { $0.outcome == .unknown && $0.errors == 0 })
    }

    @Test func timelinessCountsDaysFromThe批复InChinasTimeZone() {
        func outcome(_ published: String?, approved: String? = "2026-02-10") -> DimensionVerdict.Outcome {
            ComplianceAssessor.timeliness(approvalDate: approved, published: published, days: 20).outcome
        }
        #expect(outcome("2026-03-02") == .met)                      // the 20th day
        #expect(outcome("2026-03-03") == .notMet)                   // the 21st
        #expect(outcome("2026-03-02T15:59:59.000Z") == .met)        // 23:59 in Beijing, still the 20th day
        #expect(outcome("2026-03-02T16:00:00.000Z") == .notMet)     // 00:00 of the 21st in Beijing
        #expect(outcome(nil) == .unknown)
        #expect(outcome("2026-03-01", approved: nil) == .unknown)
        #expect(outcome("三月") == .unknown)
        #expect(outcome("2026-02-01") == .unknown)                  // before the 批复: to be verified, not on time
        #expect(ComplianceAssessor.timeliness(approvalDate: nil, published: nil, days: 20).note == "尚未公开")
    }

    @Test func theRollUpCountsEachOutcomePerDimension() throws {
        let map = try DimensionMap.standard()
        let checked = ComplianceAssessor.assess(try example(), map: map)
        let unreadable = ComplianceAssessor.assess(try CheckRunner().run(paths: ["/nonexistent.pdf"]).documents[0], map: map)
        let rollUp = ComplianceRollUp([checked, checked, unreadable])
        #expect(rollUp.documents == 3)
        let accuracy = try #require(rollUp.dimensions.first { $0.dimension == .accuracy })
        #expect(accuracy.notMet == 2 && accuracy.met == 0 && accuracy.unknown == 1)
        let timeliness = try #require(rollUp.dimensions.first { $0.dimension == .timeliness })
        #expect(timeliness.unknown == 3)
        // Only the unreadable file is unknown on the dimensions a file shows (which also checks that
        // the two checked files are each counted once, as met or not met).
        #expect(rollUp.dimensions.filter { $0.dimension != .timeliness }.allSatisfy { $0.unknown == 1 })
    }

    @Test func theChecklistWorkbookEndsWithTheFiveDimensionsOfEachFile() throws {
        let report = try CheckRunner().run(paths: [TestFiles.example("chongqing-unit-budget-2024.md"), "/nonexistent.pdf"])
        let workbook = try XLSXReader.read(data: try ChecklistWorkbookWriter.workbook(report))
        let summary = try #require(workbook.sheets.last)
        #expect(summary.name == "汇总")
        #expect((5...9).map { summary.cell(row: 3, column: $0)?.value } == DisclosureDimension.allCases.map { .text($0.chineseName) })
        #expect(summary.cell(row: 4, column: 1)?.value == .text("示例县老年大学"))
        guard case .text(let accuracy)? = summary.cell(row: 4, column: 9)?.value else { Issue.record("no accuracy mark"); return }
        #expect(accuracy.hasPrefix("否（"))
        #expect(summary.cell(row: 5, column: 4)?.value.displayText.contains("无法读取") == true)
        #expect(summary.cell(row: 5, column: 9)?.value == .text("—"))
        // Then per 主管部门: each group's documents, adding up to the two files.
        let heading = try #require((1...40).first { summary.cell(row: $0, column: 1)?.value == .text("按主管部门") })
        let groups = (heading + 1...heading + 5).compactMap { summary.cell(row: $0, column: 1)?.value.displayText }.filter { $0.hasSuffix(" 份") }
        let counted = groups.compactMap { Int($0.split(separator: "：").last?.dropLast(2) ?? "") }.reduce(0, +)
        #expect(counted == 2, "\(groups)")
        #expect(groups.contains { $0.hasPrefix("（未识别主管部门）") }, "the unreadable file names no department")
    }

    @Test func documentsGroupUnderTheDepartmentTheyName() {
        func document(_ unit: String, level: DocumentLevel, parent: String?) -> ChecklistDocument {
            var document = ChecklistDocument(notChecked: "\(unit).pdf", reason: "示例")
            document.metadata = DisclosureMetadata(unitName: unit, level: level, parentDepartment: parent)
            return document
        }
        let groups = ComplianceRollUp.byDepartment([document("示例区民政局", level: .department, parent: nil),
                                                    document("示例区养老服务中心", level: .unit, parent: "示例区民政局"),
                                                    document("示例区第一中学", level: .unit, parent: "示例区教育局"),
                                                    document("无名单位", level: .unit, parent: nil)])
        #expect(groups.map(\.department) == ["示例区教育局", "示例区民政局", "（未识别主管部门）"])
        #expect(groups.map(\.rollUp.documents) == [1, 2, 1])
    }
}
