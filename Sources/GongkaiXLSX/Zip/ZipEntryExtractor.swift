import Foundation
import ZIPFoundation

/// Decompresses one entry, checking its local header, its size and its CRC-32.
///
/// Inflating is ZIPFoundation's `Data.decompress`; the provider given to it here hands out only
/// bytes inside the entry and throws once they are used up, because on Linux that routine would
/// otherwise read past its buffer or loop forever on a stream that never ends.
enum ZipEntryExtractor {
    private static let localHeaderSignature: UInt32 = 0x0403_4b50
    private static let localHeaderSize = 30
    private static let chunkSize = 64 * 1024

    private enum Method: UInt16 {
        case stored = 0
        case deflate = 8
    }

    /// The uncompressed bytes of `entry`; `budget` is the number of bytes that may still be
    /// decompressed and shrinks by the entry's size.
    static func extract(_ entry: ZipEntry, from reader: ZipByteReader, budget: inout Int) throws -> Data {
        var output = Data()
        output.reserveCapacity(min(Int(clamping: entry.uncompressedSize), 16 * 1024 * 1024))
        try stream(entry, from: reader, budget: &budget) { output.append($0) }
        return output
    }

    /// Hands the uncompressed bytes of `entry` to `consume` a chunk at a time, none of them held
    /// after it returns; the size and CRC-32 are checked once the last has been handed over (a
    /// consumer that stops early by throwing gets its error back). `budget` shrinks by the entry's size.
    static func stream(_ entry: ZipEntry, from reader: ZipByteReader, budget: inout Int, _ consume: (Data) throws -> Void) throws {
        let part = entry.path
        guard entry.flags & 1 == 0 else { throw XLSXError.damagedEntry(part, "条目已加密，无法读取") }
        guard let method = Method(rawValue: entry.compressionMethod) else {
            throw XLSXError.damagedEntry(part, "不支持的压缩方式 \(entry.compressionMethod)")
        }
        guard entry.uncompressedSize <= UInt64(max(budget, 0)) else {
            throw XLSXError.limitExceeded(part: part, sheet: nil,
                                          "解压后的大小（\(entry.uncompressedSize) 字节）超出了解压总量上限的剩余部分（\(max(budget, 0)) 字节）")
        }
        let expectedSize = Int(entry.uncompressedSize)
        let stored = try storedBytes(of: entry, in: reader)
        let (size, checksum) = switch method {
        case .stored: try copyStored(stored, expectedSize: expectedSize, part: part, consume)
        case .deflate: try inflate(stored, expectedSize: expectedSize, part: part, consume)
        }
        guard size == expectedSize else {
            throw XLSXError.damagedEntry(part, "解压后的大小（\(size) 字节）与记录的 \(expectedSize) 字节不符")
        }
        guard checksum == entry.crc32 else { throw XLSXError.damagedEntry(part, "CRC 校验失败") }
        budget -= size
    }

    /// The entry's bytes as stored, located through its local header.
    private static func storedBytes(of entry: ZipEntry, in reader: ZipByteReader) throws -> Data {
        guard let headerOffset = Int(exactly: entry.localHeaderOffset),
              reader.uint32(at: headerOffset) == localHeaderSignature,
              let nameLength = reader.uint16(at: headerOffset + 26),
              let extraLength = reader.uint16(at: headerOffset + 28)
        else { throw XLSXError.damagedEntry(entry.path, "找不到条目的本地文件头") }
        let dataOffset = headerOffset + localHeaderSize + Int(nameLength) + Int(extraLength)
        guard let length = Int(exactly: entry.compressedSize),
              let stored = reader.bytes(at: dataOffset, length: length)
        else { throw XLSXError.damagedEntry(entry.path, "条目数据超出了文件范围（文件可能被截断）") }
        return stored
    }

    private static func copyStored(_ stored: Data, expectedSize: Int, part: String, _ consume: (Data) throws -> Void) throws -> (Int, UInt32) {
        guard stored.count == expectedSize else {
            throw XLSXError.damagedEntry(part, "未压缩条目的大小（\(stored.count) 字节）与记录的 \(expectedSize) 字节不符")
        }
        let checksum = stored.crc32(checksum: 0)
        try consume(stored)
        return (stored.count, checksum)
    }

    private static func inflate(_ compressed: Data, expectedSize: Int, part: String, _ consume: (Data) throws -> Void) throws -> (Int, UInt32) {
        var size = 0
        var consumerFailure: (any Error)?
        do {
            let checksum = try Data.decompress(
                size: Int64(compressed.count), bufferSize: chunkSize, skipCRC32: false,
                provider: { position, size in try chunk(of: compressed, at: position, size: size) },
                consumer: { piece in
                    // The declared size was checked against the budget, so holding the output to it
                    // also holds it to the limit, whatever the stream really expands to.
                    guard piece.count <= expectedSize - size else { throw InflateFailure.longerThanDeclared }
                    size += piece.count
                    do {
                        try consume(piece)
                    } catch {
                        consumerFailure = error
                        throw error
                    }
                })
            return (size, checksum)
        } catch InflateFailure.longerThanDeclared {
            throw XLSXError.damagedEntry(part, "解压后的数据比记录的 \(expectedSize) 字节更长")
        } catch InflateFailure.truncated {
            throw XLSXError.damagedEntry(part, "压缩数据不完整")
        } catch {
            if let consumerFailure { throw consumerFailure }
            throw XLSXError.damagedEntry(part, "压缩数据无法解压")
        }
    }

    private enum InflateFailure: Error {
        case truncated
        case longerThanDeclared
    }

    /// Exactly `size` bytes from `position`, zero-padded past the end: ZIPFoundation's Linux
    /// inflater always tells zlib a full buffer is available, so a short chunk would be over-read.
    /// Whatever a damaged stream makes of the zeros, the size and CRC checks reject it, and asking
    /// again after the end throws instead of returning nothing forever.
    private static func chunk(of compressed: Data, at position: Int64, size: Int) throws -> Data {
        guard position >= 0, position < Int64(compressed.count), size > 0 else { throw InflateFailure.truncated }
        let start = compressed.startIndex + Int(position)
        let end = min(start + size, compressed.endIndex)
        var piece = Data(compressed[start..<end])
        if piece.count < size { piece.append(Data(count: size - piece.count)) }
        return piece
    }
}
