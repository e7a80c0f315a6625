import Foundation
import GongkaiCore

/// Reads a budget from its JSON form (`docs/budget-format.md`), turning decoding failures into a
/// message that names the field (`expenditure[3].function`) and what was expected.
public enum BudgetJSONReader {
    /// The budget in `data`, read from `path` (for messages).
    public static func read(_ data: Data, path: String) throws -> Budget {
        do {
            return try JSONDecoder().decode(Budget.self, from: data)
        } catch let error as DecodingError {
            throw GongkaiError(.budgetInvalid, message(for: error), path: path)
        } catch {
            throw GongkaiError(.budgetInvalid, "不是有效的 JSON：\(error.localizedDescription)", path: path, cause: GongkaiError.Detail("\(error)"))
        }
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
            if context.codingPath.isEmpty { return "不是有效的 JSON：\(context.underlyingError.map { "\($0)" } ?? context.debugDescription)" }
            return "字段 \(fieldPath(context.codingPath))：\(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }

    /// `expenditure[3].function`.
    static func fieldPath(_ path: [any CodingKey]) -> String {
        var text = ""
        for key in path {
            if let index = key.intValue { text += "[\(index)]" } else { text += (text.isEmpty ? "" : ".") + key.stringValue }
        }
        return text.isEmpty ? "（根）" : text
    }

    private static func typeName(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "文本"
        case is Int.Type: "整数"
        case is Decimal.Type, is Double.Type: "数字"
        case is Bool.Type: "true 或 false"
        default: type is any Collection.Type ? "列表" : "对象"
        }
    }
}
