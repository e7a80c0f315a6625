import Foundation
@testable import GongkaiXLSX
import Testing

@Suite struct ZipArchiveFilesTests {
    @Test func theFilesComeOutInOrderWithoutFoldersOrMacOSMetadata() throws {
        let archive = try ZipArchiveBuilder.archive([
            ("单位预算/甲单位.pdf", Data("%PDF-1.7 甲".utf8)),
            ("__MACOSX/单位预算/._甲单位.pdf", Data("resource fork".utf8)),
            ("单位预算/.DS_Store", Data([0, 0, 0, 1])),
            ("单位预算/乙单位.xlsx", Data("PK 乙".utf8)),
        ])
        let files = try ZipArchiveFiles.files(in: archive, maxUncompressedBytes: 1_000_000, maxFiles: 10)
        #expect(files == [ZipArchiveFile(path: "单位预算/甲单位.pdf", data: Data("%PDF-1.7 甲".utf8)),
                          ZipArchiveFile(path: "单位预算/乙单位.xlsx", data: Data("PK 乙".utf8))])
    }

    @Test func aNameStoredInGBKIsReplacedByItsPositionAndExtension() throws {
        var archive = try ZipArchiveBuilder.archive([("AAAA.pdf", Data("%PDF-1.7".utf8))])
        // 预算 in GBK, in place of AAAA in the local header and in the central directory.
        let gbk = Data([0xD4, 0xA4, 0xCB, 0xE3])
        var searchFrom = archive.startIndex
        while let range = archive.range(of: Data("AAAA".utf8), in: searchFrom..<archive.endIndex) {
            archive.replaceSubrange(range, with: gbk)
            searchFrom = range.upperBound
        }
        let files = try ZipArchiveFiles.files(in: archive, maxUncompressedBytes: 1_000, maxFiles: 10)
        #expect(files.map(\.path) == ["第1个文件.pdf"])
    }

    @Test func anArchiveThatUnpacksPastTheBudgetOrHoldsTooManyFilesIsRefused() throws {
        let bomb = try ZipArchiveBuilder.archive([("zeros.txt", Data(count: 2_000_000))])
        #expect(bomb.count < 20_000)
        #expect(throws: XLSXError.self) { try ZipArchiveFiles.files(in: bomb, maxUncompressedBytes: 1_000_000, maxFiles: 10) }
        let many = try ZipArchiveBuilder.archive((0..<5).map { ("\($0).pdf", Data("%PDF".utf8)) })
        #expect(throws: XLSXError.self) { try ZipArchiveFiles.files(in: many, maxUncompressedBytes: 1_000_000, maxFiles: 4) }
        #expect(try ZipArchiveFiles.files(in: many, maxUncompressedBytes: 1_000_000, maxFiles: 5).count == 5)
    }

    @Test func bytesThatAreNotAnArchiveAreRefused() {
        #expect(throws: XLSXError.self) { try ZipArchiveFiles.files(in: Data("%PDF-1.7 not a zip".utf8), maxUncompressedBytes: 1_000, maxFiles: 10) }
        #expect(throws: XLSXError.self) { try ZipArchiveFiles.files(in: Data(), maxUncompressedBytes: 1_000, maxFiles: 10) }
    }
}
