import Foundation

/// The parts of an XLSX file, looked up by part name and decompressed on demand within a byte budget.
struct ZipPackage {
    private let reader: ZipByteReader
    private var entriesByKey: [String: ZipEntry] = [:]
    private var remainingBytes: Int

    /// Opens the archive in `data`.
    init(data: Data, limits: XLSXLimits) throws {
        try Self.rejectKnownNonZipFormats(data)
        reader = ZipByteReader(data)
        remainingBytes = limits.maxUncompressedBytes
        for entry in try ZipCentralDirectory.entries(in: reader) where !entry.isDirectory {
            // The first of two entries with one name wins, as in ZIPFoundation and most tools.
            let key = Self.key(entry.path)
            if entriesByKey[key] == nil { entriesByKey[key] = entry }
        }
    }

    /// Whether the archive has an entry for the part.
    func contains(_ part: String) -> Bool {
        entriesByKey[Self.key(part)] != nil
    }

    /// The decompressed bytes of the part, or nil when the archive has no such entry.
    mutating func data(of part: String) throws -> Data? {
        guard let entry = entriesByKey[Self.key(part)] else { return nil }
        return try ZipEntryExtractor.extract(entry, from: reader, budget: &remainingBytes)
    }

    /// Hands the decompressed bytes of the part to `consume` a chunk at a time (see
    /// `ZipEntryExtractor.stream`); false when the archive has no such entry.
    mutating func stream(of part: String, _ consume: (Data) throws -> Void) throws -> Bool {
        guard let entry = entriesByKey[Self.key(part)] else { return false }
        try ZipEntryExtractor.stream(entry, from: reader, budget: &remainingBytes, consume)
        return true
    }

    /// Part names compare without case (as OPC requires) and without a leading slash; some writers
    /// also store Windows backslashes.
    private static func key(_ path: String) -> String {
        var normalized = path.replacingOccurrences(of: "\\", with: "/")
        while normalized.hasPrefix("/") { normalized.removeFirst() }
        return normalized.lowercased()
    }

    /// Gives a precise reason for the two mistakes users make most: an empty file and a legacy or
    /// password-protected workbook (both OLE compound files, not ZIP).
    private static func rejectKnownNonZipFormats(_ data: Data) throws {
        if data.isEmpty { throw XLSXError.notAnArchive("文件是空的（0 字节）") }
        let compoundFileSignature: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
        if data.starts(with: compoundFileSignature) {
            throw XLSXError.notAnArchive("这是旧版 Excel（.xls）文件或设置了打开密码的工作簿，不是 XLSX；请在 Excel 或 WPS 中去掉密码并另存为 .xlsx")
        }
    }
}
