import Foundation

/// Edits fields of a ZIP archive's central directory in place, to fake damaged or hostile archives.
enum ArchivePatching {
    private static let entrySignature: [UInt8] = [0x50, 0x4B, 0x01, 0x02]

    /// Field offsets inside a central-directory entry.
    enum Field: Int {
        case crc32 = 16
        case uncompressedSize = 24
    }

    /// `archive` with the 4-byte `field` of the entry named `path` set to `value`.
    static func setting(_ field: Field, of path: String, to value: UInt32, in archive: Data) -> Data? {
        var bytes = [UInt8](archive)
        var offset = 0
        while offset + 46 <= bytes.count {
            if Array(bytes[offset..<(offset + 4)]) == entrySignature {
                let nameLength = Int(bytes[offset + 28]) | Int(bytes[offset + 29]) << 8
                let nameEnd = offset + 46 + nameLength
                if nameEnd <= bytes.count, String(decoding: bytes[(offset + 46)..<nameEnd], as: UTF8.self) == path {
                    for index in 0..<4 {
                        bytes[offset + field.rawValue + index] = UInt8(truncatingIfNeeded: value >> (8 * UInt32(index)))
                    }
                    return Data(bytes)
                }
            }
            offset += 1
        }
        return nil
    }
}
