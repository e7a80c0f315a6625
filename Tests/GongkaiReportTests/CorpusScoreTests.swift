import Foundation
import GongkaiReport
import GongkaiTestSupport
import Testing

/// The scoring of the checker against truth files: matching by rule and place, precision, recall,
/// tables recognised.
@Suite struct CorpusScoreTests {
    /// A partial truth of the Chongqing example: two of its defects, read off the file (the 基本支出
    /// of line 17 is 186.86 against 196.84 in the table of line 65; the “三公” table of line 105 has
    /// neither figures nor an explanation), and two of its tables.
    static let truth = """
    {"document": "chongqing-unit-budget-2024.md", "region": "chongqing", "profile": "chongqing-unit-budget", "kind": "budget", "level": "unit", "unit": "示例县老年大学", "year": 2024,
     "tables": [
       {"kind": "fiscal-summary", "line": 45, "codeRows": 0},
       {"kind": "general-budget-expenditure", "line": 59, "codeRows": 14, "values": [{"row": "合计", "column": "合计", "text": "236.84"}]},
       {"kind": "other", "title": "政府采购预算表"}
     ],
     "defects": [
       {"rule": "narrative-amount-mismatch", "line": 17, "found": "186.86万元", "expected": "196.84万元"},
       {"rule": "empty-table-unexplained", "line": 105},
       {"rule": "hierarchy-sum", "line": 30, "why": "a defect placed where there is none, to be reported as missed"}
     ]}
    """

    @Test func findingsAreMatchedByRuleAndPlace() throws {
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(Self.truth.utf8).write(to: folder.appendingPathComponent("example.json"))
        let regions = try CorpusScore.run(truthFolder: folder.path, corpus: TestFiles.examples.path)
        let region = try #require(regions.first)
        #expect(regions.map(\.name) == ["chongqing"])
        let document = try #require(region.documents.first)
        #expect(document.readAsExpected)
        #expect(document.profileAsExpected)
        #expect((document.tables, document.tablesRecognised) == (2, 2))
        #expect((document.codeRows, document.codeRowsRead) == (14, 14))
        #expect((document.defects, document.defectsFound) == (3, 2))
        #expect(document.missedDefects == ["hierarchy-sum 第30行"])
        #expect(document.trueErrorFindings == 2)
        #expect(document.errorFindings == document.trueErrorFindings + document.falseFindings.count)
        #expect(document.falseFindings.contains { $0.hasPrefix("cross-table-mismatch") })
        #expect(region.recall == 2.0 / 3.0)
        #expect(region.precision == 2.0 / Double(document.errorFindings))
        let text = CorpusScore.format(regions)
        #expect(document.unitAsExpected)
        #expect(text.contains("| chongqing | 1 | 1 | 1 | 1 | 2/2 | 14/14 |"))
        #expect(text.contains("漏报：hierarchy-sum 第30行"))
    }

    /// A document detected as another profile than its truth names is reported, with both names.
    @Test func aProfileOtherThanTheTruthsIsReported() throws {
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let wrong = Self.truth.replacingOccurrences(of: "\"profile\": \"chongqing-unit-budget\"", with: "\"profile\": \"jiangsu-unit-budget\"")
        try Data(wrong.utf8).write(to: folder.appendingPathComponent("example.json"))
        let regions = try CorpusScore.run(truthFolder: folder.path, corpus: TestFiles.examples.path)
        let document = try #require(regions.first?.documents.first)
        #expect(!document.profileAsExpected)
        #expect(document.profile?.detected == "chongqing-unit-budget")
        #expect(regions.first?.profilesAsExpected == 0)
        #expect(CorpusScore.format(regions).contains("检查口径应为 jiangsu-unit-budget，识别为 chongqing-unit-budget"))
    }

    /// A unit read under another name than the truth's is reported, with both names.
    @Test func aUnitOtherThanTheTruthsIsReported() throws {
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let wrong = Self.truth.replacingOccurrences(of: "\"unit\": \"示例县老年大学\"", with: "\"unit\": \"示例县老干部局\"")
        try Data(wrong.utf8).write(to: folder.appendingPathComponent("example.json"))
        let regions = try CorpusScore.run(truthFolder: folder.path, corpus: TestFiles.examples.path)
        #expect(regions.first?.unitsAsExpected == 0)
        #expect(CorpusScore.format(regions).contains("单位应为 示例县老干部局，读为 示例县老年大学"))
    }
}
