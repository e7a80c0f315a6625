import Foundation
import GongkaiTestSupport
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

    @Test func corpusScoreFailsBelowTheRequiredRecall() throws {
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        // The example's 款 that is not the sum of its 项 is found; a blank page it does not have is not.
        let truth = #"""
            {"document": "chongqing-unit-budget-2024.md", "region": "chongqing", "tables": [],
             "defects": [{"rule": "hierarchy-sum", "line": 158}, {"rule": "blank-page", "line": 1}]}
            """#
        try truth.write(to: folder.appendingPathComponent("example.json"), atomically: true, encoding: .utf8)
        let arguments = ["corpus-score", folder.path, "--corpus", "examples"]
        let lenient = try run(arguments + ["--require-recall", "0.5"])
        #expect(lenient.status == 0)
        #expect(lenient.output.contains("| chongqing | 1 | 1 |"))
        let strict = try run(arguments + ["--require-recall", "0.9"])
        #expect(strict.status == 1)
        #expect(strict.errors.contains("召回率 50.0% 低于要求的 90.0%"))
        #expect(try run(arguments + ["--require-precision", "1.5"]).status == 2)
    }

    @Test func theLayoutOfAPageIsListedForTracingAMisreadTable() throws {
        let result = try run(["import", "examples/chongqing-unit-budget-2024.md", "--layout", "--page", "1"])
        #expect(result.status == 0, "\(result.errors)")
        let lines = result.output.split(separator: "\n")
        #expect(lines.count > 10)
        #expect(lines.allSatisfy { $0.hasPrefix("第1页第") })
        // A tab-separated row: each cell with its column position.
        #expect(lines.contains { $0.contains("[合计 ") && $0.contains("] [") })
    }

    @Test func rulesAreListedAndExplained() throws {
        let list = try run(["rules"])
        #expect(list.status == 0)
        #expect(list.output.contains("hierarchy-sum"))
        #expect(list.output.contains("共 49 条规则"))
        let detail = try run(["rules", "hierarchy-sum"])
        #expect(detail.output.contains("上级科目不等于下级科目之和"))
        #expect(detail.output.contains("会触发的示例"))
    }

    @Test func helpIsPrintedInChinese() throws {
        let result = try run(["check", "--help"])
        #expect(result.status == 0)
        #expect(result.output.contains("--min-severity"))
    }

    private func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func renderingTheSeedBudgetWritesEveryFormatAsked() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(["render", "examples/chongqing-laoganbu-2023-budget.json", "--format", "html", "xlsx", "csv", "--out", folder.path])
        #expect(result.status == 0)
        #expect(result.output.contains("已写入"))
        let package = "石柱土家族自治县老干部活动中心2023年单位预算"
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [package])
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(package).path).sorted()
        #expect(files == ["csv", "manifest.json", "\(package).html", "\(package).xlsx"])
    }

    @Test func renderingBadDataExitsOneAndWritesNothing() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let budget = folder.appendingPathComponent("bad.json")
        let text = try String(contentsOf: Self.root.appendingPathComponent("examples/chongqing-laoganbu-2023-budget.json"), encoding: .utf8)
        try text.replacingOccurrences(of: "\"2210201\"", with: "\"2210299\"").write(to: budget, atomically: true, encoding: .utf8)
        let result = try run(["render", budget.path, "--out", folder.appendingPathComponent("out").path])
        #expect(result.status == 1)
        #expect(result.output.contains("[budget-code-unknown]"))
        #expect(result.output.contains("字段 expenditure[13].function"))
        #expect(result.output.contains("未写出任何文件"))
        let written = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path)) ?? []
        #expect(written.isEmpty)
    }

    @Test func renderingAMissingFileExitsTwo() throws {
        let result = try run(["render", "missing.json", "--out", FileManager.default.temporaryDirectory.path])
        #expect(result.status == 2)
        #expect(result.errors.contains("missing.json"))
    }

    @Test func theTemplateIsAWorkbookThatReadsBackOnceFilled() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let template = folder.appendingPathComponent("budget.xlsx")
        let result = try run(["template", "--profile", "shanghai-unit-budget", "--output", template.path])
        #expect(result.status == 0)
        let data = try Data(contentsOf: template)
        #expect(data.prefix(2) == Data("PK".utf8))
        let empty = try run(["render", template.path, "--out", folder.path])
        #expect(empty.status == 2)
        #expect(empty.errors.contains("工作表“单位信息”B2"))
    }

    @Test func consolidatingTheDepartmentWritesItsPackage() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try run(["consolidate", "examples/shanghai-civil-affairs-2025/bureau.json", "examples/shanghai-civil-affairs-2025/eldercare-centre.json",
                              "--format", "text", "--out", folder.path, "--budget-out", folder.appendingPathComponent("department.json").path])
        #expect(result.status == 0)
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("上海市普陀区示例民政局2025年部门预算/上海市普陀区示例民政局2025年部门预算.md").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("department.json").path))
    }
}
