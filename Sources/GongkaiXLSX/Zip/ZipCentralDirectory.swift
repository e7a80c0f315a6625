import Foundation

/// Reads the list of entries from a ZIP archive's end records and central directory, checking
/// every offset and length against the data.
///
/// ZIPFoundation's own reader trusts these fields (it seeks and converts without bounds checks and
/// can loop forever on a truncated deflate stream), so the reader parses them here and only asks
/// ZIPFoundation to inflate bytes already known to be inside the archive.
enum ZipCentralDirectory {
    private static let endRecordSignature: UInt32 = 0x0605_4b50
    private static let zip64LocatorSignature: UInt32 = 0x0706_4b50
    private static let zip64EndRecordSignature: UInt32 = 0x0606_4b50
    private static let entrySignature: UInt32 = 0x0201_4b50
    private static let endRecordSize = 22
    private static let entryHeaderSize = 46
    private static let maxCommentLength = 0xFFFF

    /// The entries of the archive in directory order.
    static func entries(in reader: ZipByteReader) throws -> [ZipEntry] {
        let endRecord = try findEndRecord(in: reader)
        let layout = try directoryLayout(endRecordOffset: endRecord, in: reader)
        var entries: [ZipEntry] = []
        entries.reserveCapacity(layout.entryCount)
        var offset = layout.offset
        let directoryEnd = layout.offset + layout.size
        for _ in 0..<layout.entryCount {
            let (entry, length) = try readEntry(at: offset, directoryEnd: directoryEnd, in: reader)
            entries.append(entry)
            offset += length
        }
        return entries
    }

    /// The offset of the end-of-central-directory record, searched backwards past a possible comment.
    private static func findEndRecord(in reader: ZipByteReader) throws -> Int {
        guard reader.count >= endRecordSize else {
            throw XLSXError.notAnArchive("文件太短（\(reader.count) 字节），不是 ZIP 压缩包")
        }
        let latest = reader.count - endRecordSize
        let earliest = max(0, latest - maxCommentLength)
        for offset in stride(from: latest, through: earliest, by: -1)
        where reader.uint32(at: offset) == endRecordSignature {
            return offset
        }
        throw XLSXError.notAnArchive("找不到 ZIP 压缩包的目录记录（文件可能被截断）")
    }

    private struct DirectoryLayout {
        let entryCount: Int
        let offset: Int
        let size: Int
    }

    private static func directoryLayout(endRecordOffset: Int, in reader: ZipByteReader) throws -> DirectoryLayout {
        guard let count16 = reader.uint16(at: endRecordOffset + 10),
              let size32 = reader.uint32(at: endRecordOffset + 12),
              let offset32 = reader.uint32(at: endRecordOffset + 16)
        else { throw XLSXError.notAnArchive("ZIP 目录记录不完整") }
        var entryCount = UInt64(count16)
        var size = UInt64(size32)
        var offset = UInt64(offset32)
        if count16 == 0xFFFF || size32 == 0xFFFF_FFFF || offset32 == 0xFFFF_FFFF,
           let zip64 = zip64Layout(endRecordOffset: endRecordOffset, in: reader) {
            (entryCount, size, offset) = zip64
        }
        guard let directoryOffset = Int(exactly: offset), let directorySize = Int(exactly: size),
              reader.contains(offset: directoryOffset, length: directorySize)
        else { throw XLSXError.notAnArchive("ZIP 目录的位置超出了文件范围（文件可能被截断）") }
        // Every entry needs at least a fixed-size header, so a larger count cannot be genuine.
        guard entryCount <= UInt64(directorySize / entryHeaderSize) else {
            throw XLSXError.notAnArchive("ZIP 目录声明的条目数（\(entryCount)）与目录大小不符")
        }
        return DirectoryLayout(entryCount: Int(entryCount), offset: directoryOffset, size: directorySize)
    }

    /// The count, size and offset from the ZIP64 end record, when the archive has one.
    private static func zip64Layout(endRecordOffset: Int, in reader: ZipByteReader) -> (UInt64, UInt64, UInt64)? {
        let locatorOffset = endRecordOffset - 20
        guard reader.uint32(at: locatorOffset) == zip64LocatorSignature,
              let recordOffset64 = reader.uint64(at: locatorOffset + 8),
              let recordOffset = Int(exactly: recordOffset64),
              reader.uint32(at: recordOffset) == zip64EndRecordSignature,
              let count = reader.uint64(at: recordOffset + 32),
              let size = reader.uint64(at: recordOffset + 40),
              let offset = reader.uint64(at: recordOffset + 48)
        else { return nil }
        return (count, size, offset)
    }

    private static func readEntry(at offset: Int, directoryEnd: Int, in reader: ZipByteReader) throws -> (ZipEntry, Int) {
        guard offset <= directoryEnd - entryHeaderSize,
              reader.uint32(at: offset) == entrySignature,
              let flags = reader.uint16(at: offset + 8),
              let method = reader.uint16(at: offset + 10),
              let crc = reader.uint32(at: offset + 16),
              let compressed32 = reader.uint32(at: offset + 20),
              let uncompressed32 = reader.uint32(at: offset + 24),
              let nameLength = reader.uint16(at: offset + 28),
              let extraLength = reader.uint16(at: offset + 30),
              let commentLength = reader.uint16(at: offset + 32),
              let localOffset32 = reader.uint32(at: offset + 42)
        else { throw XLSXError.notAnArchive("ZIP 目录中的条目记录已损坏") }
        let length = entryHeaderSize + Int(nameLength) + Int(extraLength) + Int(commentLength)
        guard length <= directoryEnd - offset,
              let nameBytes = reader.bytes(at: offset + entryHeaderSize, length: Int(nameLength)),
              let extra = reader.bytes(at: offset + entryHeaderSize + Int(nameLength), length: Int(extraLength))
        else { throw XLSXError.notAnArchive("ZIP 目录中的条目记录超出了目录范围") }
        var sizes = Zip64ExtraField.Sizes(uncompressed: UInt64(uncompressed32), compressed: UInt64(compressed32),
                                          localHeaderOffset: UInt64(localOffset32))
        Zip64ExtraField.apply(extra, to: &sizes)
        let entry = ZipEntry(path: String(decoding: nameBytes, as: UTF8.self), compressionMethod: method, flags: flags,
                             crc32: crc, compressedSize: sizes.compressed, uncompressedSize: sizes.uncompressed,
                             localHeaderOffset: sizes.localHeaderOffset)
        return (entry, length)
    }
}
