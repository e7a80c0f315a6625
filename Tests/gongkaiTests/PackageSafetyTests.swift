import Foundation
import GongkaiTestSupport
import Testing

/// `render` writes each package whole: killed at any moment it leaves the old package or the new one,
/// complete, and the next run removes what the killed one left; two budgets with one package name
/// are refused before anything is written; helpers and temporaries end with an interrupted run.
@Suite(.serialized) struct PackageSafetyTests {
    static let seed = TestFiles.example("chongqing-laoganbu-2023-budget.json")
    static let package = "石柱土家族自治县老干部活动中心2023年单位预算"

    /// The seed budget with two of its seven projects and changed indicator targets.
    private func revisedBudget(in folder: URL) throws -> URL {
        var object = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.seed))) as? [String: Any])
        var projects = try #require(object["projects"] as? [[String: Any]])
        projects = Array(projects.prefix(2))
        for index in projects.indices {
            var indicators = projects[index]["indicators"] as? [[String: Any]] ?? []
            for item in indicators.indices where indicators[item]["target"] is String {
                indicators[item]["target"] = (indicators[item]["target"] as? String ?? "") + "（修订）"
            }
            projects[index]["indicators"] = indicators
        }
        object["projects"] = projects
        let url = folder.appendingPathComponent("revised.json")
        try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted]).write(to: url)
        return url
    }

    /// Every file under `folder`, by relative path.
    private func snapshot(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        while let relative = enumerator?.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = folder.appendingPathComponent(relative).path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = FileManager.default.contents(atPath: full)
            }
        }
        return files
    }

    private func hidden(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasPrefix(".") }
    }

    @Test func killedAtAnyPointARenderLeavesTheOldOrTheNewPackageComplete() throws {
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let revised = try revisedBudget(in: folder)
        let formats = ["--format", "html", "json", "csv", "xlsx", "fdp"]
        let versions = [URL(fileURLWithPath: Self.seed), revised]
        var expected: [[String: Data]] = []
        var durations: [Double] = []
        for (index, version) in versions.enumerated() {
            let start = Date()
            let result = try GongkaiProcess.run(["render", version.path, "--out", "v\(index)"] + formats, in: folder)
            durations.append(Date().timeIntervalSince(start))
            #expect(result.status == 0, "\(result.errors)")
            expected.append(snapshot(folder.appendingPathComponent("v\(index)/\(Self.package)")))
        }
        #expect(expected[0] != expected[1])
        #expect(expected[0].keys.filter { $0.hasPrefix("csv/") }.count > expected[1].keys.filter { $0.hasPrefix("csv/") }.count)
        #expect(try GongkaiProcess.run(["render", versions[0].path, "--out", "out"] + formats, in: folder).status == 0)
        let out = folder.appendingPathComponent("out")
        var generator = SplitMix64(seed: 20_261_201)
        let window = (durations.max() ?? 1) * 1.2
        var outcomes = [0, 0]
        for round in 0..<20 {
            let run = GongkaiProcess(["render", versions[(round + 1) % 2].path, "--out", "out"] + formats, in: folder)
            try run.start()
            usleep(useconds_t(Double.random(in: 0...window, using: &generator) * 1_000_000))
            kill(run.process.processIdentifier, SIGKILL)
            _ = run.finish()
            let state = snapshot(out.appendingPathComponent(Self.package))
            let match = expected.firstIndex(of: state)
            #expect(match != nil, "round \(round): the package is neither the old nor the new one (\(state.keys.sorted()))")
            if let match { outcomes[match] += 1 }
            #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).filter { !$0.hasPrefix(".") } == [Self.package])
        }
        let last = try GongkaiProcess.run(["render", versions[0].path, "--out", "out"] + formats, in: folder)
        #expect(last.status == 0)
        #expect(hidden(out).isEmpty, "the next run removes what killed runs left: \(hidden(out))")
        #expect(snapshot(out.appendingPathComponent(Self.package)) == expected[0])
    }

    @Test func twoBudgetsWithOnePackageNameAreRefusedBeforeAnythingIsWritten() throws {
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let revised = try revisedBudget(in: folder)
        let other = TestFiles.example("shanghai-civil-affairs-2025/eldercare-centre.json")
        for _ in 0..<3 {
            let result = try GongkaiProcess.run(["render", Self.seed, other, revised.path, "--out", "out", "--format", "html", "json", "csv"], in: folder)
            #expect(result.status == 2)
            #expect(result.errors.contains("生成同名的文件包「\(Self.package)」"))
            #expect(result.errors.contains("一个文件包也没有写出"))
            #expect(((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("out").path)) ?? []).isEmpty)
            for marker in rawErrorMarkers { #expect(!result.errors.contains(marker)) }
        }
    }

    @Test func rerenderingAfterProjectsWereRemovedLeavesNoStaleFiles() throws {
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let revised = try revisedBudget(in: folder)
        #expect(try GongkaiProcess.run(["render", Self.seed, "--out", "out", "--format", "csv"], in: folder).status == 0)
        let csv = folder.appendingPathComponent("out/\(Self.package)/csv")
        let before = try FileManager.default.contentsOfDirectory(atPath: csv.path)
        #expect(try GongkaiProcess.run(["render", revised.path, "--out", "out", "--format", "csv"], in: folder).status == 0)
        let after = try FileManager.default.contentsOfDirectory(atPath: csv.path)
        #expect(after.count == before.count - 5)
        #expect(after.filter { $0.contains("项目支出绩效目标表") }.count == 1)
        let manifest = try #require(JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("out/\(Self.package)/manifest.json"))) as? [String: Any])
        #expect((manifest["files"] as? [[String: Any]])?.count == after.count)
    }

    /// Processes whose command line contains `text`.
    private func processes(containing text: String) -> [String] {
        TestFiles.run("/usr/bin/pgrep", ["-af", text]).output.split(separator: "\n").map(String.init).filter { !$0.contains("pgrep") }
    }

    /// Both extractors, stopped by either signal while they read a PDF they would work on for
    /// minutes: the helpers gongkai started are gone and no temporary file of this run is left.
    @Test(.enabled(if: TestFiles.hasPdftotext && TestFiles.hasPDFReader, "needs pdftotext and mutool"),
          arguments: [("pdftotext", SIGTERM), ("pdftotext", SIGINT), ("mutool", SIGTERM), ("mutool", SIGINT)])
    func aSignalDuringAPDFCheckStopsTheExtractorsAndRemovesTheirFiles(reader: String, signal: Int32) throws {
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try SlowPDF.fanOut(depth: 18).write(to: folder.appendingPathComponent("fan.pdf"))
        let run = GongkaiProcess(["check", "--pdf-reader", reader, "fan.pdf"], in: folder)
        try run.start()
        let parent = run.process.processIdentifier
        let deadline = Date().addingTimeInterval(20)
        var helpers: [Int32] = []
        while helpers.isEmpty, Date() < deadline {
            usleep(50_000)
            helpers = children(of: parent)
        }
        #expect(!helpers.isEmpty, "\(reader) was started")
        usleep(200_000)
        kill(parent, signal)
        let result = run.finish()
        #expect(result.status == 128 + signal)
        #expect(result.errors.contains("已中断"))
        usleep(300_000)
        for helper in helpers { #expect(kill(helper, 0) != 0, "helper \(helper) of \(reader) left running") }
        let marker = "gongkai-\(parent)-"
        let temporary = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path).filter { $0.hasPrefix(marker) }
        #expect(temporary.isEmpty)
    }

    /// The processes whose parent is `pid`.
    private func children(of pid: Int32) -> [Int32] {
        TestFiles.run("/usr/bin/pgrep", ["-P", String(pid)]).output.split(separator: "\n").compactMap { Int32($0) }
    }

    @Test(.enabled(if: TestFiles.hasChromium, "needs chromium"))
    func sigtermDuringPDFOutputStopsChromiumAndLeavesNoStaging() throws {
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = GongkaiProcess(["render", Self.seed, "--out", "out", "--format", "pdf", "html"], in: folder)
        try run.start()
        let marker = "gongkai-\(run.process.processIdentifier)-"
        let deadline = Date().addingTimeInterval(30)
        while processes(containing: marker).isEmpty, Date() < deadline { usleep(50_000) }
        kill(run.process.processIdentifier, SIGTERM)
        let result = run.finish()
        usleep(500_000)
        if result.status == 0 { return } // finished before the signal arrived: nothing to clean
        #expect(result.status == 128 + SIGTERM)
        #expect(processes(containing: marker).isEmpty, "Chromium ended with gongkai")
        let temporary = try FileManager.default.contentsOfDirectory(atPath: FileManager.default.temporaryDirectory.path).filter { $0.hasPrefix(marker) }
        #expect(temporary.isEmpty, "Chromium's profile removed: \(temporary)")
        #expect(hidden(folder.appendingPathComponent("out")).isEmpty)
    }
}
