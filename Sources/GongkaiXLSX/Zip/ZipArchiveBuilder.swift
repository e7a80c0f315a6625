import Foundation
import ZIPFoundation

/// Packs parts into a deflate-compressed ZIP archive in memory with ZIPFoundation.
enum ZipArchiveBuilder {
    /// Every entry carries this date so that the same content always gives the same bytes.
    private static let entryDate = Date(timeIntervalSince1970: 1_577_836_800)

    /// The archive holding `entries` in the given order.
    static func archive(_ entries: [(path: String, data: Data)]) throws -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            for entry in entries {
                let bytes = entry.data
                try archive.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(bytes.count),
                                     modificationDate: entryDate, compressionMethod: .deflate,
                                     provider: { position, size in
                                         let start = bytes.startIndex + Int(position)
                                         return bytes.subdata(in: start..<(start + size))
                                     })
            }
            guard let data = archive.data else { throw Archive.ArchiveError.unwritableArchive }
            return data
        } catch {
            throw XLSXError.writeFailed(sheet: nil, "打包 ZIP 压缩包时出错（\(error)）")
        }
    }
}
