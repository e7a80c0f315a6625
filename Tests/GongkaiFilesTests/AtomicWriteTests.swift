import Foundation
import GongkaiCore
import GongkaiTestSupport
import Testing
@testable import GongkaiFiles

@Suite struct AtomicWriteTests {
    @Test func replacingAnExistingFileKeepsOneCompleteFileAndNoTemporaries() throws {
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("report.json").path
        for round in 1...4 {
            try AtomicFile.write(Data("round \(round)\n".utf8), to: path)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "round \(round)\n")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["report.json"])
    }

    @Test func aDiscardedWriteLeavesTheOldFileAsItWas() throws {
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("r.txt").path
        try AtomicFile.write(Data("old".utf8), to: path)
        let staged = try StagedFile(replacing: path)
        try staged.write("new, half written")
        staged.discard()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["r.txt"])
    }

    @Test func replacingKeepsThePermissionsOfTheOldFile() throws {
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("r.txt").path
        try AtomicFile.write(Data("old".utf8), to: path)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        try AtomicFile.write(Data("new".utf8), to: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        #expect(mode?.intValue == 0o600)
    }

    @Test func aMissingFolderIsNamedInChinese() throws {
        let error = #expect(throws: GongkaiError.self) {
            try AtomicFile.write(Data(), to: "/nonexistent-gongkai-folder/r.json")
        }
        #expect(error?.message.contains("文件夹不存在") == true)
        #expect(error?.path == "/nonexistent-gongkai-folder/r.json")
    }

    @Test func leftoversOfADeadProcessAreRemovedAndThoseOfALiveOneKept() throws {
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let dead = try TestFiles.endedProcessID()
        let deadName = ".r.json.gongkai-\(dead)-0000abcd.tmp"
        let liveName = ".r.json.gongkai-\(getpid())-0000abcd.tmp"
        for name in [deadName, liveName, ".unrelated", "r.json"] {
            _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data("x".utf8))
        }
        Leftovers.sweep(folder: folder.path)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == [liveName, ".unrelated", "r.json"])
    }

    @Test func temporaryNamesCarryTheirProcess() {
        let name = TemporaryName.make(prefix: ".r.json.", suffix: ".tmp")
        #expect(TemporaryName.ownerProcess(of: name) == getpid())
        #expect(!TemporaryName.isAbandoned(name))
        #expect(TemporaryName.ownerProcess(of: ".gongkai-3F2504E0-4F89-11D3-9A0C-0305E82C3301") == nil)
        #expect(TemporaryName.ownerProcess(of: "gongkai-12-xyz") == nil)
    }

    @Test func digestsMatchSha256sum() throws {
        var generator = SplitMix64(seed: 7)
        let samples: [Data] = [Data(), Data("abc".utf8), Data((0..<1_000).map { _ in UInt8.random(in: 0...255, using: &generator) }),
                               Data(repeating: 0x61, count: 64), Data(repeating: 0x62, count: 55), Data(repeating: 0x63, count: 56)]
        #expect(SHA256.hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Data()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (index, sample) in samples.enumerated() {
            let file = folder.appendingPathComponent("s\(index)")
            try sample.write(to: file)
            let output = TestFiles.run("/usr/bin/sha256sum", [file.path]).output
            #expect(output.hasPrefix(SHA256.hex(sample)), "sample \(index)")
        }
        var incremental = SHA256()
        for piece in [Data(repeating: 1, count: 10), Data(repeating: 2, count: 100), Data(repeating: 3, count: 1)] { incremental.update(piece) }
        #expect(incremental.finalHex() == SHA256.hex(Data(repeating: 1, count: 10) + Data(repeating: 2, count: 100) + Data(repeating: 3, count: 1)))
    }
}
