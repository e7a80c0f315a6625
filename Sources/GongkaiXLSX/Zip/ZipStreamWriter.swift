/// Writes a ZIP archive front to back, never going back: each entry's header carries no sizes, a
/// data descriptor after its deflated content gives them, and the central directory closes the
/// archive. Every call returns the bytes to send next, so an archive of any length is written while
/// its content is produced. Entries and the archive stay under 4 GiB (no ZIP64).
struct ZipStreamWriter {
    private struct Written {
        var path: [UInt8]
        var offset: UInt32
        var crc32: UInt32
        var compressedSize: UInt32
        var size: UInt32
    }

    private var entries: [Written] = []
    private var offset: UInt64 = 0
    private var current: (path: [UInt8], offset: UInt64, deflater: RawDeflater)?

    /// Starts the entry `path`; the previous one must have been ended.
    mutating func beginEntry(_ path: String) throws -> [UInt8] {
        guard current == nil else { throw XLSXError.writeFailed(sheet: nil, "ZIP 条目“\(path)”开始前上一条目未结束") }
        let name = Array(path.utf8)
        var header = ByteWriter()
        header.u32(0x0403_4B50)
        header.entryFields(crc32: 0, compressedSize: 0, size: 0, nameLength: name.count)
        header.bytes.append(contentsOf: name)
        current = (name, offset, try RawDeflater())
        return advance(header.bytes)
    }

    /// Adds `bytes` to the entry in progress.
    mutating func write(_ bytes: [UInt8]) throws -> [UInt8] {
        guard let current else { throw XLSXError.writeFailed(sheet: nil, "写入 ZIP 内容前未开始条目") }
        return advance(try current.deflater.compress(bytes))
    }

    /// Ends the entry in progress with its data descriptor.
    mutating func endEntry() throws -> [UInt8] {
        guard let entry = current else { throw XLSXError.writeFailed(sheet: nil, "没有要结束的 ZIP 条目") }
        var bytes = try entry.deflater.finish()
        let limit = UInt64(UInt32.max)
        guard entry.deflater.inputSize < limit, entry.deflater.outputSize < limit, entry.offset < limit else {
            throw XLSXError.writeFailed(sheet: nil, "ZIP 条目“\(String(decoding: entry.path, as: UTF8.self))”超过 4 GiB")
        }
        var descriptor = ByteWriter()
        descriptor.u32(0x0807_4B50)
        descriptor.u32(entry.deflater.crc32)
        descriptor.u32(UInt32(entry.deflater.outputSize))
        descriptor.u32(UInt32(entry.deflater.inputSize))
        bytes += descriptor.bytes
        entries.append(Written(path: entry.path, offset: UInt32(entry.offset), crc32: entry.deflater.crc32,
                               compressedSize: UInt32(entry.deflater.outputSize), size: UInt32(entry.deflater.inputSize)))
        current = nil
        return advance(bytes)
    }

    /// One whole entry.
    mutating func entry(_ path: String, _ bytes: [UInt8]) throws -> [UInt8] {
        try beginEntry(path) + write(bytes) + endEntry()
    }

    /// The central directory and its end record; nothing may follow.
    mutating func finish() throws -> [UInt8] {
        guard current == nil else { throw XLSXError.writeFailed(sheet: nil, "ZIP 条目未结束") }
        let start = offset
        var directory = ByteWriter()
        for entry in entries {
            directory.u32(0x0201_4B50)
            directory.u16(20)
            directory.entryFields(crc32: entry.crc32, compressedSize: entry.compressedSize, size: entry.size, nameLength: entry.path.count)
            directory.u16(0)
            directory.u16(0)
            directory.u16(0)
            directory.u32(0)
            directory.u32(entry.offset)
            directory.bytes.append(contentsOf: entry.path)
        }
        let size = UInt64(directory.bytes.count)
        guard start + size < UInt64(UInt32.max), entries.count < Int(UInt16.max) else {
            throw XLSXError.writeFailed(sheet: nil, "ZIP 压缩包超过 4 GiB 或 65,535 个条目")
        }
        directory.u32(0x0605_4B50)
        directory.u16(0)
        directory.u16(0)
        directory.u16(UInt16(entries.count))
        directory.u16(UInt16(entries.count))
        directory.u32(UInt32(size))
        directory.u32(UInt32(start))
        directory.u16(0)
        return advance(directory.bytes)
    }

    private mutating func advance(_ bytes: [UInt8]) -> [UInt8] {
        offset += UInt64(bytes.count)
        return bytes
    }
}

/// Little-endian fields, as ZIP writes them.
private struct ByteWriter {
    /// 2020-01-01 00:00 in MS-DOS time and date, for every entry, so the same content gives the same bytes.
    private static let dosTime: UInt16 = 0
    private static let dosDate: UInt16 = (40 << 9) | (1 << 5) | 1
    /// Bit 3: sizes in a data descriptor; bit 11: names in UTF-8.
    private static let flags: UInt16 = 0x0808

    var bytes: [UInt8] = []

    /// The fields a local header and a central directory entry share, from “version needed” to the
    /// extra field's length: deflated, dated, flagged as above, without extra fields.
    mutating func entryFields(crc32: UInt32, compressedSize: UInt32, size: UInt32, nameLength: Int) {
        u16(20)
        u16(Self.flags)
        u16(8)
        u16(Self.dosTime)
        u16(Self.dosDate)
        u32(crc32)
        u32(compressedSize)
        u32(size)
        u16(UInt16(nameLength))
        u16(0)
    }

    mutating func u16(_ value: UInt16) {
        bytes.append(UInt8(value & 0xFF))
        bytes.append(UInt8(value >> 8))
    }

    mutating func u32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
