import Foundation
import GongkaiCore

/// Reads a budget from its JSON form (`docs/budget-format.md`), turning decoding failures into a
/// message that names the field (`expenditure[3].function`) and what was expected.
public enum BudgetJSONReader {
    /// The budget in `data`, read from `path` (for messages). The text is checked strictly first
    /// (`StrictJSON`): syntax errors and repeated keys are reported with their line and column.
    public static func read(_ data: Data, path: String) throws -> Budget {
        let bytes = try utf8(data, path: path)
        do {
            try StrictJSON.validate(bytes)
        } catch let failure as StrictJSON.Failure {
            throw GongkaiError(.budgetInvalid, "JSON 格式错误（\(failure.position)）：\(failure.message)", path: path)
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Data(bytes.dropFirst(3)) : Data(bytes)
        do {
            return try JSONDecoder().decode(Budget.self, from: body)
        } catch let error as DecodingError {
            let position = StrictJSON.position(of: components(codingPath(of: error)), in: bytes)
            throw GongkaiError(.budgetInvalid, message(for: error) + (position.map { "（\($0)）" } ?? ""), path: path)
        } catch {
            throw GongkaiError(.budgetInvalid, "无法读取预算数据：\(error)", path: path)
        }
    }

    /// The bytes as UTF-8: UTF-16 with a byte-order mark is converted; anything else that is not
    /// UTF-8 (GB18030, GBK) is refused with the place of the first bad byte.
    private static func utf8(_ data: Data, path: String) throws -> [UInt8] {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard let text = String(data: data, encoding: .utf16) else {
                throw GongkaiError(.budgetInvalid, "文件以 UTF-16 字节顺序标记开头，但内容不是有效的 UTF-16：请另存为 UTF-8", path: path)
            }
            return Array(text.utf8)
        }
        if String(validating: bytes, as: UTF8.self) != nil { return bytes }
        // Not UTF-8: find the first bad byte for the message.
        var line = 1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            let length = byte < 0x80 ? 1 : byte >= 0xF0 && byte <= 0xF4 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC2 && byte < 0xE0 ? 2 : 0
            let valid = length > 0 && index + length <= bytes.count && bytes[index + 1 ..< index + length].allSatisfy { $0 & 0xC0 == 0x80 }
                && String(validating: bytes[index ..< index + length], as: UTF8.self) != nil
            guard valid else {
                throw GongkaiError(.budgetInvalid, "不是 UTF-8 编码（第 \(line) 行，第 \(index + 1) 字节起无效）：预算数据 JSON 须为 UTF-8，若是 GB18030/GBK 请另存为 UTF-8",
                                   path: path)
            }
            if byte == 0x0A { line += 1 }
            index += length
        }
        throw GongkaiError(.budgetInvalid, "不是 UTF-8 编码：预算数据 JSON 须为 UTF-8", path: path)
    }

    private static func codingPath(of error: DecodingError) -> [any CodingKey] {
        switch error {
        case .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return context.codingPath
        @unknown default:
            return []
        }
    }

    private static func components(_ path: [any CodingKey]) -> [StrictJSON.Component] {
        path.map { key in key.intValue.map(StrictJSON.Component.index) ?? .key(key.stringValue) }
    }

    /// The budget in the file at `path`.
    public static func read(contentsOf path: String) throws -> Budget {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GongkaiError(.fileNotFound, "找不到或无法读取预算数据文件", path: path)
        }
        return try read(data, path: path)
    }

    static func message(for error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, let context):
            return "字段 \(fieldPath(context.codingPath + [key])) 缺失"
        case .typeMismatch(let type, let context):
            return "字段 \(fieldPath(context.codingPath)) 类型不对（应为\(typeName(type))）"
        case .valueNotFound(let type, let context):
            return "字段 \(fieldPath(context.codingPath)) 为空（应为\(typeName(type))）"
        case .dataCorrupted(let context):
            // The syntax was checked before decoding: what fails here is a value of the wrong kind.
            if context.codingPath.isEmpty { return "有数值无法按要求的类型读取（例如应为整数处写了小数，或数字过大）" }
            return "字段 \(fieldPath(context.codingPath))：\(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    /// `expenditure[3].function`.
    static func fieldPath(_ path: [any CodingKey]) -> String {
        path.isEmpty ? "（根）" : StrictJSON.describe(components(path))
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "文本"
        case is Int.Type: "整数"
        case is Decimal.Type, is Double.Type: "数字"
        case is Bool.Type: "true 或 false"
        case is [String: Any].Type: "对象"
        default: type is any Collection.Type ? "列表" : "对象"
        }
    }
}
