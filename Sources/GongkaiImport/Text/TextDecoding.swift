import Foundation
import GongkaiCore

/// Decodes the bytes of a text file: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK.
///
/// It never guesses silently: bytes that are valid in no supported encoding, or that decode to
/// something that is not text (control characters, private-use characters in bulk), are an error.
enum TextDecoding {
    /// The GB18030 encoding as Foundation on Linux names it (CFStringEncoding GB_18030_2000).
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// The decoded text and the encoding name, or a thrown `GongkaiError`.
    static func decode(_ data: Data, path: String) throws -> (text: String, encoding: String) {
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(data: data.dropFirst(3), encoding: .utf8) else {
                throw GongkaiError(.undecodableText, "文件以 UTF-8 BOM 开头，但内容不是有效的 UTF-8（文件可能已损坏）", path: path)
            }
            return (try plausible(text, path: path), "UTF-8")
        }
        if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else {
                throw GongkaiError(.undecodableText, "文件以 UTF-16 BOM 开头，但内容无法按 UTF-16 解码", path: path)
            }
            return (try plausible(text, path: path), "UTF-16")
        }
        if let text = String(data: data, encoding: .utf8) {
            return (try plausible(text, path: path), "UTF-8")
        }
        if let text = String(data: data, encoding: gb18030), !text.isEmpty {
            return (try plausible(text, path: path, encodingName: "GB18030"), "GB18030")
        }
        throw GongkaiError(.undecodableText, "无法识别文本编码：内容既不是 UTF-8 也不是 GB18030/GBK。若这是二进制文件（如 Word 文档），请先另存为 PDF、XLSX 或 UTF-8 文本", path: path)
    }

    /// Rejects decoded text that is mostly not text (binary data that happened to decode).
    private static func plausible(_ text: String, path: String, encodingName: String = "UTF-8") throws -> String {
        var total = 0
        var suspicious = 0
        var cjk = 0
        for scalar in text.unicodeScalars {
            total += 1
            let value = scalar.value
            if (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D && value != 0x0C) || value == 0x7F
                || (0x80...0x9F).contains(value) || (0xE000...0xF8FF).contains(value) || value == 0xFFFD {
                suspicious += 1
            } else if (0x4E00...0x9FFF).contains(value) {
                cjk += 1
            }
        }
        guard total > 0 else { return text }
        if suspicious * 20 > total {
            throw GongkaiError(.undecodableText, "内容按 \(encodingName) 解码后含大量控制字符或私用区字符（\(suspicious)/\(total)），不像文本文件；若这是二进制文件，请先另存为 PDF、XLSX 或 UTF-8 文本", path: path)
        }
        if encodingName == "GB18030", cjk * 4 < total / 4 {
            // GB18030 decodes almost any byte sequence; real GB-encoded disclosures are mostly Chinese.
            throw GongkaiError(.undecodableText, "无法可靠识别文本编码：按 GB18030 解码后中文字符过少（\(cjk)/\(total)），可能不是 GB18030 文本", path: path)
        }
        return text
    }
}
