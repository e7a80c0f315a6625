import Foundation

/// The ZIP64 extended-information extra field (id 0x0001), which carries 64-bit sizes and offsets
/// for the 32-bit directory fields that are set to 0xFFFFFFFF.
enum Zip64ExtraField {
    /// The directory values that the field may replace.
    struct Sizes {
        var uncompressed: UInt64
        var compressed: UInt64
        var localHeaderOffset: UInt64
    }

    private static let headerID: UInt16 = 0x0001
    private static let placeholder = UInt64(UInt32.max)

    /// Replaces each placeholder in `sizes` with its 64-bit value from `extra`, when present.
    static func apply(_ extra: Data, to sizes: inout Sizes) {
        let reader = ZipByteReader(extra)
        var offset = 0
        while let id = reader.uint16(at: offset), let length = reader.uint16(at: offset + 2) {
            let body = offset + 4
            guard reader.contains(offset: body, length: Int(length)) else { return }
            if id == headerID {
                // The field lists only the values whose directory slot holds the placeholder, in this order.
                var cursor = body
                let end = body + Int(length)
                func next(_ value: inout UInt64) {
                    guard value == placeholder, cursor + 8 <= end, let wide = reader.uint64(at: cursor) else { return }
                    value = wide
                    cursor += 8
                }
                next(&sizes.uncompressed)
                next(&sizes.compressed)
                next(&sizes.localHeaderOffset)
                return
            }
            offset = body + Int(length)
        }
    }
}
