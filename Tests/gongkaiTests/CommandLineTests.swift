import Foundation
import Testing

/// Runs the built `gongkai` executable as a user would.
@Suite struct CommandLineTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var executable: URL {
        var directory = Bundle.main.bundleURL
        if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
        return directory.appendingPathComponent("gongkai")
    }

    private func run(_ arguments: [String]) throws -> (status: Int32, output: String, errors: String) {
        let process = Process()
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = Self.root
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    @Test func checkingTheExampleWithDefectsExitsOne() throws {
        let result = try run(["check", "examples/chongqing-unit-budget-2024.md"])
        #expect(result.status == 1)
        #expect(result.output.contains("[narrative-amount-mismatch]"))
        #expect(result.output.contains("第17行"))
    }

    @Test func checkingAConsistentWorkbookExitsZero() throws {
        let result = try run(["check", "examples/shanghai-unit-budget-2025.xlsx", "--min-severity", "warning"])
        #expect(result.status == 0)
        #expect(result.output.contains("小结：错误 0，警告 0"))
    }

    @Test func unreadableFileExitsTwoAndTheOthersAreStillChecked() throws {
        let result = try run(["check", "missing.pdf", "examples/chongqing-unit-budget-2024.md", "--format", "json"])
        #expect(result.status == 2)
        let object = try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: Any]
        let documents = object?["documents"] as? [[String: Any]]
        #expect(documents?.map { $0["status"] as? String } == ["unreadable", "checked"])
        #expect(result.errors.contains("missing.pdf"))
    }

    @Test func badUsageExitsTwo() throws {
        #expect(try run(["check", "examples/chongqing-unit-budget-2024.md", "--format", "checklist-xlsx"]).status == 2)
        #expect(try run(["check", "examples/chongqing-unit-budget-2024.md", "--format", "pdf"]).status == 2)
        #expect(try run(["check", "examples/chongqing-unit-budget-2024.md", "--profile", "beijing"]).status == 2)
        #expect(try run(["rules", "no-such-rule"]).status == 2)
    }

    @Test func checklistWorkbookIsWrittenWhereAsked() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("checklist-\(UUID().uuidString).xlsx").path
        let result = try run(["check", "examples/chongqing-unit-budget-2024.md", "--format", "checklist-xlsx", "--output", path])
        #expect(result.status == 1)
        #expect(FileManager.default.contents(atPath: path)?.starts(with: [0x50, 0x4B]) == true)
    }

    @Test func rulesAreListedAndExplained() throws {
        let list = try run(["rules"])
        #expect(list.status == 0)
        #expect(list.output.contains("hierarchy-sum"))
        #expect(list.output.contains("共 45 条规则"))
        let detail = try run(["rules", "hierarchy-sum"])
        #expect(detail.output.contains("上级科目不等于下级科目之和"))
        #expect(detail.output.contains("会触发的示例"))
    }

    @Test func helpIsPrintedInChinese() throws {
        let result = try run(["check", "--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("--min-severity"))
    }
}
