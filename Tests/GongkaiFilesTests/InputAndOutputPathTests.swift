import Foundation
import GongkaiCore
import GongkaiTestSupport
import Testing
@testable import GongkaiFiles

@Suite struct InputAndOutputPathTests {
    @Test func aFifoInAFolderIsReportedWithoutBeingOpened() throws {
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(mkfifo(folder.appendingPathComponent("x.pdf").path, 0o644) == 0)
        _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("z.md").path, contents: Data("预算".utf8))
        _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("notes.docx").path, contents: Data())
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("gone.md").path, withDestinationPath: "/nonexistent/gone.md")
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("up").path, withDestinationPath: "..")
        let entries = InputFiles.expand([folder.path], extensions: ["pdf", "md"])
        #expect(entries.map { ($0.path as NSString).lastPathComponent } == ["gone.md", "x.pdf", "z.md"])
        guard case let .skipped(_, fifo) = entries[1] else { Issue.record("the FIFO was not skipped"); return }
        #expect(fifo.message.contains("命名管道"))
        #expect(fifo.code == .notRegularFile)
        guard case let .skipped(_, link) = entries[0] else { Issue.record("the broken link was not reported"); return }
        #expect(link.message.contains("符号链接"))
        guard case let .file(path) = entries[2] else { Issue.record("z.md is not read"); return }
        #expect(path == folder.appendingPathComponent("z.md").path)
    }

    @Test func aReportCannotReplaceAFolderAnInputOrADevice() throws {
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("a.md").path
        _ = FileManager.default.createFile(atPath: input, contents: Data("预算".utf8))
        let cases: [(output: String, inputs: [String], says: String)] = [
            (folder.path, [input], "文件夹"),
            (input, [input], "同一个文件"),
            (folder.appendingPathComponent("report.txt").path, [folder.path], "之内"),
            ("/dev/null", [input], "不是普通文件"),
            (folder.appendingPathComponent("missing/report.txt").path, [input], "不存在"),
        ]
        for item in cases {
            let error = #expect(throws: GongkaiError.self, "\(item.output)") { try OutputTarget.reportFile(item.output, inputs: item.inputs) }
            #expect(error?.message.contains(item.says) == true, "\(item.output): \(error?.message ?? "")")
        }
        let fine = folder.appendingPathComponent("report.json").path
        #expect(try OutputTarget.reportFile(fine, inputs: [input]).hasSuffix("/report.json"))
    }
}
