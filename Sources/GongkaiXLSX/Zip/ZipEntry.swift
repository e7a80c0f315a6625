/// One file recorded in a ZIP archive's central directory.
struct ZipEntry {
    /// The entry's path as stored in the archive.
    let path: String
    /// 0 = stored, 8 = deflate; anything else cannot be read.
    let compressionMethod: UInt16
    /// Bit 0 marks an encrypted entry.
    let flags: UInt16
    /// The CRC-32 of the uncompressed bytes.
    let crc32: UInt32
    /// The size of the bytes as stored.
    let compressedSize: UInt64
    /// The size the entry claims to have once decompressed.
    let uncompressedSize: UInt64
    /// Where the entry's local header starts.
    let localHeaderOffset: UInt64

    /// Whether the entry names a directory rather than a file.
    var isDirectory: Bool { path.hasSuffix("/") }
}
