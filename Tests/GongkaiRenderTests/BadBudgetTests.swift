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

/// Budget JSON is read strictly: the place of a syntax error, a key given twice, years and amounts
/// out of range are each refused with the field, line and column.
@Suite struct StrictBudgetJSONTests {
    private func error(_ edit: (String) -> String) throws -> GongkaiError {
        let text = edit(try String(contentsOfFile: TestFiles.laoganbu, encoding: .utf8))
        return try #require(throws: GongkaiError.self) { try BudgetJSONReader.read(Data(text.utf8), path: "b.json") }
    }

    @Test func syntaxErrorsNameTheirLineAndColumn() throws {
        let missingComma = try error { $0.replacingOccurrences(of: "\"year\": 2023,", with: "\"year\": 2023") }
        #expect(missingComma.message.contains("JSON 格式错误（第 22 行第 3 列）"))
        #expect(try error { "/* 注释 */" + $0 }.message.contains("不允许注释"))
        #expect(try error { $0 + "x" }.message.contains("多余的内容"))
        #expect(try error { _ in "" }.message.contains("文件是空的"))
        #expect(try error { String(repeating: "[", count: 100_000) + $0 }.message.contains("嵌套超过"))
    }

    @Test func aKeyGivenTwiceIsRefused() throws {
        let duplicate = try error { text in
            let end = text.range(of: "}", options: .backwards)!.lowerBound
            return text[..<end] + ",\n  \"year\": 1999\n}\n"
        }
        #expect(duplicate.message.contains("字段 year 出现了两次"))
    }

    @Test(arguments: ["-1", "0", "99999", "2023.5"])
    func yearsOutOfRangeAreRefused(year: String) throws {
        let refused = try error { $0.replacingOccurrences(of: "\"year\": 2023", with: "\"year\": \(year)") }
        #expect(refused.message.contains("字段 year"), "\(refused.message)")
        #expect(refused.message.contains("第 21 行"), "\(refused.message)")
    }

    @Test func amountsBeyondAnyBudgetAreRefused() throws {
        let huge = try error { text in
            var result = text
            if let range = result.range(of: #""amount": "[0-9.]+""#, options: .regularExpression) {
                result.replaceSubrange(range, with: "\"amount\": \"90000000000000000.00\"")
            }
            return result
        }
        #expect(huge.message.contains("超出合理范围"))
        #expect(huge.message.contains("amount"))
    }

    @Test func otherEncodingsAreNamed() throws {
        let text = try String(contentsOfFile: TestFiles.laoganbu, encoding: .utf8)
        // 测试 in GB18030, spliced into the UTF-8 text.
        let bytes = Array(text.utf8)
        let gb18030 = Data(bytes.prefix(40) + [0xB2, 0xE2, 0xCA, 0xD4] + bytes.dropFirst(40))
        let refused = try #require(throws: GongkaiError.self) { try BudgetJSONReader.read(gb18030, path: "gbk.json") }
        #expect(refused.message.contains("不是 UTF-8 编码"))
        let utf16 = try #require(text.data(using: .utf16))
        #expect(try BudgetJSONReader.read(utf16, path: "utf16.json").year == 2023)
    }
}
