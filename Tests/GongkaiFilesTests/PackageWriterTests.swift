import Foundation
import GongkaiCore
import GongkaiTestSupport
import Testing
@testable import GongkaiFiles

@Suite struct PackageWriterTests {
    private func files(_ version: String, tables: Int) -> [PackageFile] {
        [PackageFile(path: "单位预算.html", data: Data("<p>\(version)</p>".utf8))]
            + (1...tables).map { PackageFile(path: "csv/表\($0).csv", data: Data("\(version),\($0)\n".utf8)) }
    }

    @Test func aNewPackageReplacesTheOldOneWholeAndItsStaleFilesGo() throws {
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let writer = PackageWriter(directory: folder.appendingPathComponent("out").path)
        let first = try writer.write(name: "单位预算", files: files("v1", tables: 7))
        #expect(PackageManifest.verify(folder: first))
        let second = try writer.write(name: "单位预算", files: files("v2", tables: 2))
        #expect(second == first)
        #expect(PackageManifest.verify(folder: second))
        #expect(try FileManager.default.contentsOfDirectory(atPath: second + "/csv").sorted() == ["表1.csv", "表2.csv"])
        #expect(try String(contentsOfFile: second + "/单位预算.html", encoding: .utf8) == "<p>v2</p>")
        #expect(try FileManager.default.contentsOfDirectory(atPath: writer.directory) == ["单位预算"])
        let manifest = try #require(PackageManifest.read(folder: second))
        #expect(manifest.files.map(\.path) == ["csv/表1.csv", "csv/表2.csv", "单位预算.html"])
        #expect(manifest.files[2].sha256 == SHA256.hex(Data("<p>v2</p>".utf8)))
    }

    @Test func aFolderGongkaiDidNotWriteIsNeverReplaced() throws {
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("单位预算"), withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: folder.appendingPathComponent("单位预算/mine.txt").path, contents: Data("keep".utf8))
        let error = #expect(throws: GongkaiError.self) {
            try PackageWriter(directory: folder.path).write(name: "单位预算", files: files("v1", tables: 1))
        }
        #expect(error?.message.contains("manifest.json") == true)
        #expect(try String(contentsOfFile: folder.appendingPathComponent("单位预算/mine.txt").path, encoding: .utf8) == "keep")
    }

    @Test func aKilledSwitchIsFinishedAndAnUnfinishedStagingRemovedByTheNextRun() throws {
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dead = try TestFiles.endedProcessID()
        // A complete package staged for a place that is empty (killed mid-switch): moved in.
        let complete = folder.appendingPathComponent(".gongkai-\(dead)-00000001-staging")
        try FileManager.default.createDirectory(at: complete.appendingPathComponent("package"), withIntermediateDirectories: true)
        let content = Data("完整".utf8)
        try content.write(to: complete.appendingPathComponent("package/a.html"))
        try PackageManifest(package: "甲", files: [PackageFile(path: "a.html", data: content)]).json()
            .write(to: complete.appendingPathComponent("package/manifest.json"))
        try Data("甲".utf8).write(to: complete.appendingPathComponent("target"))
        // An incomplete one (no manifest): removed.
        let partial = folder.appendingPathComponent(".gongkai-\(dead)-00000002-staging")
        try FileManager.default.createDirectory(at: partial.appendingPathComponent("package"), withIntermediateDirectories: true)
        try Data("半".utf8).write(to: partial.appendingPathComponent("package/a.html"))
        try Data("乙".utf8).write(to: partial.appendingPathComponent("target"))
        try PackageWriter(directory: folder.path).prepare()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["甲"])
        #expect(PackageManifest.verify(folder: folder.appendingPathComponent("甲").path))
    }

    @Test func anAlteredPackageFailsVerification() throws {
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let package = try PackageWriter(directory: folder.path).write(name: "甲", files: files("v1", tables: 2))
        try Data("changed".utf8).write(to: URL(fileURLWithPath: package + "/csv/表1.csv"))
        #expect(!PackageManifest.verify(folder: package))
        try Data("v1,1\n".utf8).write(to: URL(fileURLWithPath: package + "/csv/表1.csv"))
        #expect(PackageManifest.verify(folder: package))
        _ = FileManager.default.createFile(atPath: package + "/extra.csv", contents: Data())
        #expect(!PackageManifest.verify(folder: package))
    }
}
