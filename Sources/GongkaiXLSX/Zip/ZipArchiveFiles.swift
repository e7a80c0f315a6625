import Foundation

/// A file taken out of a ZIP archive.
public struct ZipArchiveFile: Sendable, Equatable {
    /// Its path in the archive; entries whose stored name is not UTF-8 (as Chinese Windows writes
    /// them, in GBK) are named by their position and extension instead.
    public var path: String
    /// Its bytes.
    public var data: Data
}

/// The files of an uploaded ZIP archive (a folder of disclosures sent as one file), decompressed
/// within a byte budget so that a small archive cannot expand without bound.
public enum ZipArchiveFiles {
    /// Every file of the archive in `data`, in archive order, leaving out folders and the metadata
    /// macOS adds (`__MACOSX/`, `.DS_Store`). Throws `XLSXError` when the bytes are not a ZIP
    /// archive, an entry is damaged or encrypted, the files together decompress to more than
    /// `maxUncompressedBytes`, or there are more than `maxFiles`.
    public static func files(in data: Data, maxUncompressedBytes: Int, maxFiles: Int) throws -> [ZipArchiveFile] {
        guard !data.isEmpty else { throw XLSXError.notAnArchive("文件是空的（0 字节）") }
        let reader = ZipByteReader(data)
        var budget = maxUncompressedBytes
        var files: [ZipArchiveFile] = []
        for (index, entry) in try ZipCentralDirectory.entries(in: reader).enumerated() where !entry.isDirectory && !isMetadata(entry.path) {
            guard files.count < maxFiles else {
                throw XLSXError.limitExceeded(part: entry.path, sheet: nil, "压缩包中的文件超过 \(maxFiles) 个")
            }
            let bytes = try ZipEntryExtractor.extract(entry, from: reader, budget: &budget)
            files.append(ZipArchiveFile(path: readableName(entry.path, index: index + 1), data: bytes))
        }
        return files
    }

    private static func isMetadata(_ path: String) -> Bool {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return path.hasPrefix("__MACOSX/") || name == ".DS_Store" || name.hasPrefix("._")
    }

    /// The stored name, or 第N个文件.ext when it was not UTF-8 (decoding left replacement characters).
    private static func readableName(_ path: String, index: Int) -> String {
        guard path.contains("\u{FFFD}") else { return path }
        let suffix = path.split(separator: ".").last.map(String.init)?.lowercased() ?? ""
        let ext = suffix.count <= 5 && suffix.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } ? ".\(suffix)" : ""
        return "第\(index)个文件\(ext)"
    }
}
