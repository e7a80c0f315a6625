/// Bounds the reader keeps to so that a hostile or broken file cannot exhaust memory.
public struct XLSXLimits: Sendable {
    /// The most bytes the reader decompresses, summed over every part it reads (zip-bomb guard).
    public var maxUncompressedBytes: Int
    /// The most cells with a value, summed over every sheet.
    public var maxCells: Int

    /// Creates limits; the defaults are those of `XLSXLimits.default`.
    public init(maxUncompressedBytes: Int = 256 * 1024 * 1024, maxCells: Int = 5_000_000) {
        self.maxUncompressedBytes = maxUncompressedBytes
        self.maxCells = maxCells
    }

    /// 256 MiB of decompressed parts and 5,000,000 cells.
    public static let `default` = XLSXLimits()
}
