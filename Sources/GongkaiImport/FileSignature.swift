import Foundation
import GongkaiCore

/// Tells a file's format from its first bytes, and says so when the name promises another format:
/// a PDF may have bytes before `%PDF-` (a BOM or line break from a web script; readers accept up to
/// 1 KB), and an HTML error page saved under a `.pdf` name is not read as a disclosure.
enum FileSignature {
    /// How a file is read.
    enum Kind {
        case pdf, zip, text
    }

    /// How many leading bytes are searched for a PDF header.
    static let searchedBytes = 1024

    /// The kind of the file whose first bytes are `head`; throws for an old binary Office file and
    /// for a `.pdf` or `.xlsx` name whose content is something else.
    static func kind(of head: Data, path: String) throws -> Kind {
        let bytes = [UInt8](head)
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) || bytes.starts(with: [0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0]) {
            throw GongkaiError(.unsupportedFormat, "这是旧版 Office 二进制文件（.xls/.doc）：请另存为 .xlsx 或 PDF 后再检查", path: path)
        }
        let named = (path as NSString).pathExtension.lowercased()
        if let offset = firstIndex(of: Array("%PDF-".utf8), in: bytes), offset == 0 || !textExtensions.contains(named) { return .pdf }
        if named == "pdf" || named == "xlsx" {
            let expected = named == "pdf" ? "PDF" : "XLSX 工作簿"
            throw GongkaiError(.unsupportedFormat, "扩展名为 .\(named)，但内容不是 \(expected)（\(description(of: bytes))）：请重新下载或重新导出该文件", path: path)
        }
        return .text
    }

    /// What the bytes look like, for the message.
    private static func description(of bytes: [UInt8]) -> String {
        let text = String(decoding: bytes.prefix(512), as: UTF8.self).lowercased()
        let trimmed = text.drop { $0 == "\u{FEFF}" || $0.isWhitespace }
        if trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || text.contains("<head") || text.contains("<body") {
            return "看起来是 HTML 网页，可能是下载失败时保存下来的错误页面"
        }
        if trimmed.hasPrefix("<?xml") || trimmed.hasPrefix("<") { return "看起来是 XML 或网页文本" }
        if trimmed.hasPrefix("{") || trimmed.hasPrefix("[") { return "看起来是 JSON 文本" }
        return "文件开头没有该格式的标记，可能已损坏或是其他格式"
    }

    /// Names under which a `%PDF-` after the first byte is text that mentions it, not a PDF.
    private static let textExtensions = DisclosureImporter.fileExtensions.subtracting(["pdf", "xlsx"])

    private static func firstIndex(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= needle.count else { return nil }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if Array(bytes[start..<start + needle.count]) == needle { return start }
        }
        return nil
    }
}
