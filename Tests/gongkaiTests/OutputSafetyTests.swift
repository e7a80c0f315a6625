import Foundation
import GongkaiTestSupport
import Testing

/// The command line never destroys what the user has: reports replace their target in one step,
/// an `--output` that would overwrite an input or a folder is refused, and output errors end the
/// run with a Chinese message and exit status 2. Every case runs in a scratch folder.
@Suite struct OutputSafetyTests {
    static let example = TestFiles.example("chongqing-unit-budget-2024.md")

    private func scratch() throws -> URL { try TestFiles.temporaryDirectory() }

    private func hidden(_ folder: URL) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }
    }

    @Test func theInputFolderSurvivesAnOutputPointingAtIt() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("v")
        try FileManager.default.createDirectory(at: input.appendingPathComponent("sub"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.example, toPath: input.appendingPathComponent("sub/a.md").path)
        try Data("keep".utf8).write(to: input.appendingPathComponent("notes.txt"))
        for output in ["v", "v/report.txt", "v/sub/a.md"] {
            let result = try GongkaiProcess.run(["check", "v", "--output", output], in: folder)
            #expect(result.status == 2, "\(output)")
            #expect(result.errors.contains("--output"), "\(output): \(result.errors)")
        }
        #expect(try String(contentsOf: input.appendingPathComponent("notes.txt"), encoding: .utf8) == "keep")
        #expect(FileManager.default.contentsEqual(atPath: input.appendingPathComponent("sub/a.md").path, andPath: Self.example))
        #expect(try FileManager.default.contentsOfDirectory(atPath: input.path).sorted() == ["notes.txt", "sub"])
    }

    @Test func anOutputNamingTheInputLeavesTheInputAlone() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(atPath: Self.example, toPath: folder.appendingPathComponent("a.md").path)
        let result = try GongkaiProcess.run(["check", "a.md", "--output", "./a.md"], in: folder)
        #expect(result.status == 2)
        #expect(result.errors.contains("同一个文件"))
        #expect(FileManager.default.contentsEqual(atPath: folder.appendingPathComponent("a.md").path, andPath: Self.example))
    }

    @Test func runningTheSameOutputFourTimesAlwaysLeavesOneCompleteReport() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in ["json", "checklist-xlsx", "text"] {
            let name = "r.\(format == "checklist-xlsx" ? "xlsx" : format)"
            for round in 1...4 {
                let result = try GongkaiProcess.run(["check", Self.example, "--format", format, "--output", name], in: folder)
                #expect(result.status == 1, "\(format) round \(round): \(result.errors)")
                try expectComplete(folder.appendingPathComponent(name), format: format)
            }
        }
        #expect(try hidden(folder).isEmpty)
    }

    @Test func twentyRunsAtOnceOnOneOutputLeaveOneCompleteReport() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let runs = (0..<20).map { index in
            GongkaiProcess(["check", Self.example, "--format", index % 2 == 0 ? "json" : "checklist-xlsx",
                            "--output", index % 2 == 0 ? "cc.json" : "cc.xlsx"], in: folder)
        }
        for run in runs { try run.start() }
        let results = runs.map { $0.finish() }
        #expect(results.allSatisfy { $0.status == 1 }, "\(results.map(\.status)) \(results.map(\.errors))")
        try expectComplete(folder.appendingPathComponent("cc.json"), format: "json")
        try expectComplete(folder.appendingPathComponent("cc.xlsx"), format: "checklist-xlsx")
        #expect(try hidden(folder).isEmpty)
        #expect(results.allSatisfy { result in !rawErrorMarkers.contains { result.errors.contains($0) } })
    }

    private func expectComplete(_ url: URL, format: String) throws {
        let data = try Data(contentsOf: url)
        switch format {
        case "json":
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            #expect((object?["documents"] as? [Any])?.count == 1)
        case "checklist-xlsx":
            #expect(data.prefix(2) == Data("PK".utf8))
            #expect(data.suffix(22).prefix(4) == Data([0x50, 0x4B, 0x05, 0x06]), "the zip's end record is there")
        default:
            #expect(String(decoding: data, as: UTF8.self).contains("小结：错误"))
        }
    }

    @Test func aFullDiskOrAClosedOutputExitsTwoWithAMessage() throws {
        let full = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        for arguments in [["check", Self.example], ["check", Self.example, "--format", "json"], ["import", Self.example], ["template"], ["rules"]] {
            let result = try GongkaiProcess.run(arguments, standardOutput: full)
            #expect(result.status == 2, "\(arguments)")
            #expect(!result.signalled, "\(arguments)")
            #expect(result.errors.contains("无法写入标准输出：磁盘空间不足"), "\(arguments): \(result.errors)")
        }
    }

    @Test func aClosedStandardOutputIsReportedNotWrittenIntoAFile() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exec \"$0\" check \"$1\" >&-", GongkaiProcess.executable.path, Self.example]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2)
        #expect(text.contains("无法写入标准输出"))
    }

    @Test func outOfRangeArgumentsAreRefusedNotTrapped() throws {
        for value in ["99999999999999", "0", "200000"] {
            let result = try GongkaiProcess.run(["check", Self.example, "--max-file-size", value])
            #expect(result.status == 2, "\(value)")
            #expect(result.errors.contains("--max-file-size 应在 1 到"), "\(value): \(result.errors)")
        }
    }

    @Test func aFifoInAFolderIsReportedAndTheRestChecked() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(mkfifo(folder.appendingPathComponent("x.pdf").path, 0o644) == 0)
        try FileManager.default.copyItem(atPath: Self.example, toPath: folder.appendingPathComponent("z.md").path)
        let run = GongkaiProcess(["check", folder.path], in: folder)
        try run.start()
        // A hang would block here; give it a generous limit and kill it.
        let deadline = Date().addingTimeInterval(60)
        while run.process.isRunning, Date() < deadline { usleep(20_000) }
        if run.process.isRunning { run.process.terminate() }
        let result = run.finish()
        #expect(result.status == 2)
        #expect(result.output.contains("x.pdf\n   无法读取：不是普通文件（是命名管道 FIFO）"))
        #expect(result.output.contains("[narrative-amount-mismatch]"), "z.md was checked")
    }

    @Test func badInputsAndBadOutputsGetChineseMessagesNamingTheFile() throws {
        let folder = try scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let budget = TestFiles.example("chongqing-laoganbu-2023-budget.json")
        try Data("<!DOCTYPE html><html><body>页面不存在</body></html>".utf8).write(to: folder.appendingPathComponent("h.pdf"))
        try Data([0x00, 0xFF, 0x13, 0x37]).write(to: folder.appendingPathComponent("r.xlsx"))
        try Data("{\"unit\": {\"name\": \"甲\"}, \"year\": 2024 \"x\": 1}".utf8).write(to: folder.appendingPathComponent("bad.json"))
        try Data("afile".utf8).write(to: folder.appendingPathComponent("afile"))
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("adir"), withIntermediateDirectories: true)
        // Pipes named as a budget and as a catalog: opening them would wait forever.
        #expect(mkfifo(folder.appendingPathComponent("pipe.json").path, 0o644) == 0)
        #expect(mkfifo(folder.appendingPathComponent("pipe.csv").path, 0o644) == 0)
        let longName = String(repeating: "超", count: 400)
        let text = try String(contentsOfFile: budget, encoding: .utf8)
        try text.replacingOccurrences(of: "石柱土家族自治县老干部活动中心", with: longName)
            .write(to: folder.appendingPathComponent("long.json"), atomically: true, encoding: .utf8)
        let cases: [(arguments: [String], names: String)] = [
            (["check", "h.pdf"], "h.pdf"),
            (["check", "r.xlsx"], "r.xlsx"),
            (["check", "missing.md"], "missing.md"),
            (["check", OutputSafetyTests.example, "--output", "adir"], "adir"),
            (["check", OutputSafetyTests.example, "--output", "nope/deeper/r.json"], "nope/deeper/r.json"),
            (["check", OutputSafetyTests.example, "--format", "checklist-xlsx", "--output", "/proc/version"], "/proc/version"),
            (["render", "bad.json", "--out", "o"], "bad.json"),
            (["render", budget, "--out", "afile"], "afile"),
            (["render", budget, "--out", "/proc/gongkai-out"], "/proc"),
            (["template", "--output", "adir"], "adir"),
            (["template", "--output", "nope2/t.xlsx"], "nope2/t.xlsx"),
            (["consolidate", "bad.json", budget, "--out", "o"], "bad.json"),
            (["render", "pipe.json", "--out", "o"], "pipe.json"),
            (["check", OutputSafetyTests.example, "--catalog", "pipe.csv"], "pipe.csv"),
            (["import", "pipe.json"], "pipe.json"),
        ]
        for item in cases {
            let result = try GongkaiProcess.run(item.arguments, in: folder)
            #expect(result.status == 2, "\(item.arguments): \(result.status) \(result.errors)")
            for marker in rawErrorMarkers { #expect(!result.errors.contains(marker), "\(item.arguments): \(result.errors)") }
            #expect(result.errors.contains(item.names) || result.output.contains(item.names), "\(item.arguments): \(result.errors)")
            let shown = result.errors + result.output
            #expect(shown.contains("无法") || shown.contains("不是") || shown.contains("不存在") || shown.contains("不能") || shown.contains("错误"), "\(item.arguments): \(shown)")
        }
        // A unit name too long for a file name is shortened, not refused.
        let long = try GongkaiProcess.run(["render", "long.json", "--out", "o", "--format", "html", "csv", "--allow-errors"], in: folder)
        #expect(long.status <= 1, "\(long.errors)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("o").path).allSatisfy { $0.utf8.count <= 200 })
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["adir", "afile", "bad.json", "h.pdf", "long.json", "o", "pipe.csv", "pipe.json", "r.xlsx"])
    }
}

/// A full disk, on a 1 MB tmpfs mounted for the test (needs root, as CI runs; skipped otherwise).
@Suite(.serialized) struct FullDiskTests {
    static func mountSmallDisk(at folder: URL) -> Bool {
        TestFiles.run("/bin/mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", folder.path]).status == 0
    }

    static let canMount: Bool = {
        guard getuid() == 0, let folder = try? TestFiles.temporaryDirectory() else { return false }
        defer { try? FileManager.default.removeItem(at: folder) }
        guard mountSmallDisk(at: folder) else { return false }
        TestFiles.run("/bin/umount", [folder.path])
        return true
    }()

    @Test(.enabled(if: canMount, "needs root to mount a small tmpfs"))
    func aFullDiskKeepsTheOldReportAndPackageAndSaysSo() throws {
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let disk = folder.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        #expect(Self.mountSmallDisk(at: disk))
        defer { TestFiles.run("/bin/umount", [disk.path]) }
        let example = OutputSafetyTests.example
        let budget = TestFiles.example("chongqing-laoganbu-2023-budget.json")
        // An old report and an old package, then the disk filled to leave ~100 KB.
        #expect(try GongkaiProcess.run(["check", example, "--format", "json", "--output", "disk/r.json"], in: folder).status == 1)
        #expect(try GongkaiProcess.run(["render", budget, "--out", "disk/out", "--format", "html"], in: folder).status == 0)
        let oldReport = try Data(contentsOf: disk.appendingPathComponent("r.json"))
        let package = disk.appendingPathComponent("out/石柱土家族自治县老干部活动中心2023年单位预算")
        let oldHTML = try Data(contentsOf: package.appendingPathComponent("石柱土家族自治县老干部活动中心2023年单位预算.html"))
        let free = (try FileManager.default.attributesOfFileSystem(forPath: disk.path)[.systemFreeSize] as? NSNumber)?.intValue ?? 0
        try Data(count: max(0, free - 100_000)).write(to: disk.appendingPathComponent("filler"))
        let report = try GongkaiProcess.run(["check"] + Array(repeating: example, count: 12) + ["--format", "json", "--output", "disk/r.json"], in: folder)
        #expect(report.status == 2)
        #expect(report.errors.contains("磁盘空间不足"), "\(report.errors)")
        #expect(try Data(contentsOf: disk.appendingPathComponent("r.json")) == oldReport)
        let render = try GongkaiProcess.run(["render", budget, "--out", "disk/out", "--format", "html", "json", "csv", "xlsx"], in: folder)
        #expect(render.status == 2)
        #expect(render.errors.contains("磁盘空间不足"), "\(render.errors)")
        #expect(try Data(contentsOf: package.appendingPathComponent("石柱土家族自治县老干部活动中心2023年单位预算.html")) == oldHTML)
        for result in [report, render] { for marker in rawErrorMarkers { #expect(!result.errors.contains(marker)) } }
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path).sorted() == ["filler", "out", "r.json"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: disk.appendingPathComponent("out").path) == ["石柱土家族自治县老干部活动中心2023年单位预算"])
    }
}
