import Foundation
import GongkaiCore
@testable import GongkaiImport
import Testing
import GongkaiTestSupport

@Suite struct EncodingTests {
    @Test func gb18030FileReadsLikeItsUTF8Original() throws {
        let original = try String(contentsOfFile: TestFiles.example("chongqing-unit-budget-2024.md"), encoding: .utf8)
        let bytes = try #require(original.data(using: TextDecoding.gb18030))
        #expect(String(data: bytes, encoding: .utf8) == nil, "the GB18030 bytes must not be valid UTF-8 for this test to mean anything")
        let directory = try TestFiles.temporaryDirectory()
        let path = directory.appendingPathComponent("gb18030.txt").path
        try bytes.write(to: URL(fileURLWithPath: path))
        let fromGB = try DisclosureImporter().read(path: path)
        let fromUTF8 = try DisclosureImporter().read(path: TestFiles.example("chongqing-unit-budget-2024.md"))
        #expect(fromGB.tables.map(\.kind) == fromUTF8.tables.map(\.kind))
        #expect(fromGB.narrative.map(\.text) == fromUTF8.narrative.map(\.text))
    }

    @Test func utf8WithByteOrderMarkIsRead() throws {
        let decoded = try TextDecoding.decode(Data([0xEF, 0xBB, 0xBF]) + Data("预算".utf8), path: "bom.txt")
        #expect(decoded.text == "预算")
        #expect(decoded.encoding == "UTF-8")
    }

    @Test func bytesThatAreNoTextAreRefusedNotGuessed() {
        var generator = SplitMix64(seed: 7)
        let bytes = Data((0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) })
        #expect(throws: GongkaiError.self) { try TextDecoding.decode(bytes, path: "random.bin") }
    }
}

