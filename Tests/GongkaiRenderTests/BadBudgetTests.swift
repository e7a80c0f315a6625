import Foundation
import GongkaiCore
import GongkaiImport
import GongkaiReport
import Testing
import GongkaiTestSupport

/// Bad budget data is refused with a message that names the field (or sheet and cell), and
/// nothing is written.
@Suite struct BadBudgetTests {
    /// The seed budget as JSON, changed by `edit`.
    private func seedBudget(_ edit: (inout [String: Any]) -> Void) throws -> Data {
        var object = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: TestFiles.laoganbu))) as? [String: Any])
        edit(&object)
        return try JSONSerialization.data(withJSONObject: object)
    }

    private func editLine(_ index: Int, _ key: String, _ value: Any) -> (inout [String: Any]) -> Void {
        { object in
            var lines = object["expenditure"] as! [[String: Any]]
            lines[index][key] = value
            object["expenditure"] = lines
        }
    }

    /// Renders `data` into an empty folder: the outcome and the files in the folder afterwards.
    private func render(_ data: Data) throws -> (outcome: RenderOutcome, files: [String]) {
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("budget.json")
        try data.write(to: input)
        let output = folder.appendingPathComponent("out")
        let outcome = try RenderRunner(options: RenderOptions(formats: [.html, .xlsx], outputDirectory: output.path)).render(path: input.path)
        let files = (try? FileManager.default.contentsOfDirectory(atPath: output.path)) ?? []
        return (outcome, files)
    }

    @Test func unknownCodeIsRefusedAtItsField() throws {
        let result = try render(try seedBudget(editLine(0, "function", "2013288")))
        #expect(result.files.isEmpty)
        let finding = try #require(result.outcome.errors.first { $0.rule == "budget-code-unknown" })
        #expect(finding.location?.field == "expenditure[0].function")
        #expect(finding.message.contains("2013288"))
    }

    @Test func negativeAmountIsRefused() throws {
        let result = try render(try seedBudget(editLine(3, "amount", "-100.00")))
        #expect(result.files.isEmpty)
        #expect(result.outcome.errors.contains { $0.rule == "budget-negative-amount" && $0.location?.field == "expenditure[3].amount" })
        // The books no longer balance either, and the package would show it.
        #expect(result.outcome.errors.contains { $0.rule == "budget-source-balance" })
    }

    @Test func weightsThatDoNotTotalAreRefused() throws {
        let result = try render(try seedBudget { object in
            var projects = object["projects"] as! [[String: Any]]
            var indicators = projects[1]["indicators"] as! [[String: Any]]
            indicators[0]["weight"] = 25
            projects[1]["indicators"] = indicators
            object["projects"] = projects
        })
        #expect(result.files.isEmpty)
        let finding = try #require(result.outcome.errors.first { $0.rule == "budget-weights-sum" })
        #expect(finding.location?.field == "projects[1].indicators")
        #expect(finding.found == "95 + 10")
    }

    @Test func largeChangeWithoutReasonIsRefused() throws {
        let result = try render(try seedBudget { object in
            var comparison = object["comparison"] as! [String: Any]
            comparison["publicCostsReason"] = nil
            object["comparison"] = comparison
        })
        #expect(result.files.isEmpty)
        let finding = try #require(result.outcome.errors.first { $0.rule == "budget-change-reason-missing" })
        #expect(finding.location?.field == "comparison.publicCostsReason")
        #expect(finding.message.contains("公用经费比上年减少 67200.00 元"))
    }

    @Test func errorsCanBeOverriddenOnPurpose() throws {
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("budget.json")
        try seedBudget(editLine(0, "function", "2013288")).write(to: input)
        let options = RenderOptions(formats: [.html], outputDirectory: folder.appendingPathComponent("out").path, allowErrors: true)
        let outcome = try RenderRunner(options: options).render(path: input.path)
        #expect(!outcome.errors.isEmpty)
        #expect(outcome.written.count == 1)
    }

    @Test func aRefusedRenderLeavesEarlierFilesAlone() throws {
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let earlier = folder.appendingPathComponent("石柱土家族自治县老干部活动中心2023年单位预算.html")
        try Data("earlier".utf8).write(to: earlier)
        let input = folder.appendingPathComponent("budget.json")
        try seedBudget(editLine(0, "amount", "-1.00")).write(to: input)
        let outcome = try RenderRunner(options: RenderOptions(formats: [.html], outputDirectory: folder.path)).render(path: input.path)
        #expect(outcome.written.isEmpty)
        #expect(try String(contentsOf: earlier, encoding: .utf8) == "earlier")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["budget.json", earlier.lastPathComponent])
    }

    @Test func unsupportedBudgetFileIsAClearError() throws {
        let error = try #require(throws: GongkaiError.self) { try BudgetReader.read(path: "budget.csv") }
        #expect(error.message.contains(".json 或 .xlsx"))
    }
}
