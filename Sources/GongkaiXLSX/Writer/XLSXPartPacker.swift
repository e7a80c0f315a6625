import Foundation

/// Packs parts a caller wrote itself (SpreadsheetML it generates, such as the oversized workbooks
/// `gongkai bench-bounds` feeds the reader) into a deflate-compressed `.xlsx` archive.
public enum XLSXPartPacker {
    /// The archive holding `parts` (part name, bytes) in the given order.
    public static func archive(_ parts: [(path: String, data: Data)]) throws -> Data {
        try ZipArchiveBuilder.archive(parts)
    }
}
