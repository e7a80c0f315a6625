import Foundation

/// Little-endian reads from archive bytes that answer nil instead of trapping when a field would
/// run past the end, so that damaged headers become errors rather than crashes.
struct ZipByteReader {
    private let bytes: Data

    /// Wraps `data`; any slice is re-based so that offsets count from its first byte.
    init(_ data: Data) {
        bytes = data.startIndex == 0 ? data : Data(data)
    }

    /// The number of bytes.
    var count: Int { bytes.count }

    /// The 2-byte field at `offset`.
    func uint16(at offset: Int) -> UInt16? {
        unsigned(at: offset, width: 2).map { UInt16(truncatingIfNeeded: $0) }
    }

    /// The 4-byte field at `offset`.
    func uint32(at offset: Int) -> UInt32? {
        unsigned(at: offset, width: 4).map { UInt32(truncatingIfNeeded: $0) }
    }

    /// The 8-byte field at `offset`.
    func uint64(at offset: Int) -> UInt64? {
        unsigned(at: offset, width: 8)
    }

    /// `length` bytes starting at `offset`.
    func bytes(at offset: Int, length: Int) -> Data? {
        guard contains(offset: offset, length: length) else { return nil }
        return bytes.subdata(in: offset..<(offset + length))
    }

    /// Whether `length` bytes starting at `offset` lie inside the data.
    func contains(offset: Int, length: Int) -> Bool {
        offset >= 0 && length >= 0 && offset <= bytes.count && length <= bytes.count - offset
    }

    private func unsigned(at offset: Int, width: Int) -> UInt64? {
        guard contains(offset: offset, length: width) else { return nil }
        var value: UInt64 = 0
        for index in (0..<width).reversed() {
            value = value << 8 | UInt64(bytes[offset + index])
        }
        return value
    }
}
