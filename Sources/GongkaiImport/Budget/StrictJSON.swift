import Foundation
import GongkaiCore

/// A strict reading of budget JSON before it is decoded: the syntax (RFC 8259, no comments, no
/// trailing text), no key twice in one object (a second `"year"` would otherwise be ignored), a
/// nesting depth a budget can have, and for every problem the line and column. It can also find
/// where a field is, so that a decoding error names its line.
enum StrictJSON {
    /// A place in the text, 1-based.
    struct Position: Equatable, CustomStringConvertible {
        var line: Int
        var column: Int
        var description: String { "第 \(line) 行第 \(column) 列" }
    }

    /// A path component: an object key or an array index.
    enum Component: Equatable {
        case key(String)
        case index(Int)
    }

    /// Why the text is not acceptable, and where.
    struct Failure: Error {
        var message: String
        var position: Position
    }

    /// The deepest nesting accepted (a budget needs fewer than ten levels).
    static let maxDepth = 64

    /// Checks `bytes` (UTF-8); throws a `Failure` for the first problem.
    static func validate(_ bytes: [UInt8]) throws {
        var scanner = Scanner(bytes: bytes, target: nil)
        try scanner.document()
    }

    /// Where the value at `path` starts, or nil.
    static func position(of path: [Component], in bytes: [UInt8]) -> Position? {
        var scanner = Scanner(bytes: bytes, target: path)
        try? scanner.document()
        return scanner.found
    }

    /// `expenditure[3].function`.
    static func describe(_ path: [Component]) -> String {
        var text = ""
        for component in path {
            switch component {
            case let .key(key): text += (text.isEmpty ? "" : ".") + key
            case let .index(index): text += "[\(index)]"
            }
        }
        return text
    }

    private struct Scanner {
        let bytes: [UInt8]
        let target: [Component]?
        var index = 0
        var line = 1
        var lineStart = 0
        var path: [Component] = []
        var found: Position?

        init(bytes: [UInt8], target: [Component]?) {
            self.bytes = bytes
            self.target = target
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = 3; lineStart = 3 }
        }

        var position: Position {
            // The column counts characters: UTF-8 continuation bytes are not counted.
            let column = bytes[lineStart..<min(index, bytes.count)].filter { $0 & 0xC0 != 0x80 }.count + 1
            return Position(line: line, column: column)
        }

        func failure(_ message: String) -> Failure { Failure(message: message, position: position) }

        mutating func document() throws {
            skipSpace()
            guard index < bytes.count else { throw failure("文件是空的（没有 JSON 内容）") }
            try value(depth: 0)
            skipSpace()
            if index < bytes.count { throw failure("JSON 在此处之前已结束，后面还有多余的内容") }
        }

        mutating func skipSpace() {
            while index < bytes.count {
                switch bytes[index] {
                case 0x20, 0x09, 0x0D: index += 1
                case 0x0A:
                    index += 1
                    line += 1
                    lineStart = index
                default: return
                }
            }
        }

        mutating func value(depth: Int) throws {
            if let target, found == nil, path == target { found = position }
            guard depth <= StrictJSON.maxDepth else { throw failure("嵌套超过 \(StrictJSON.maxDepth) 层，不是预算数据的结构") }
            guard index < bytes.count else { throw failure("JSON 不完整：文件在此处意外结束") }
            switch bytes[index] {
            case UInt8(ascii: "{"): try object(depth: depth)
            case UInt8(ascii: "["): try array(depth: depth)
            case UInt8(ascii: "\""): _ = try string()
            case UInt8(ascii: "t"): try literal("true")
            case UInt8(ascii: "f"): try literal("false")
            case UInt8(ascii: "n"): try literal("null")
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
            case UInt8(ascii: "/"): throw failure("JSON 不允许注释（/* */ 或 //）")
            case UInt8(ascii: "'"): throw failure("JSON 的文本要用双引号 \"，不能用单引号")
            default: throw failure("此处应为一个值（对象、列表、文本、数字、true、false 或 null）")
            }
        }

        mutating func object(depth: Int) throws {
            index += 1
            var keys = Set<String>()
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "}") { index += 1; return }
            while true {
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                    throw failure(index < bytes.count && bytes[index] == UInt8(ascii: "}") ? "最后一项后面不能有逗号" : "此处应为用双引号括起的字段名")
                }
                let keyPosition = position
                let key = try string()
                guard keys.insert(key).inserted else {
                    throw Failure(message: "字段 \(StrictJSON.describe(path + [.key(key)])) 出现了两次；每个字段只能写一次", position: keyPosition)
                }
                skipSpace()
                guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("字段名后应为冒号 :") }
                index += 1
                skipSpace()
                path.append(.key(key))
                try value(depth: depth + 1)
                path.removeLast()
                skipSpace()
                guard index < bytes.count else { throw failure("JSON 不完整：对象没有以 } 结束") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "}") { index += 1; return }
                throw failure("此处应为逗号 , 或 }（可能漏了逗号）")
            }
        }

        mutating func array(depth: Int) throws {
            index += 1
            skipSpace()
            if index < bytes.count, bytes[index] == UInt8(ascii: "]") { index += 1; return }
            var count = 0
            while true {
                skipSpace()
                if index < bytes.count, bytes[index] == UInt8(ascii: "]") { throw failure("最后一项后面不能有逗号") }
                path.append(.index(count))
                try value(depth: depth + 1)
                path.removeLast()
                count += 1
                skipSpace()
                guard index < bytes.count else { throw failure("JSON 不完整：列表没有以 ] 结束") }
                if bytes[index] == UInt8(ascii: ",") { index += 1; continue }
                if bytes[index] == UInt8(ascii: "]") { index += 1; return }
                throw failure("此处应为逗号 , 或 ]（可能漏了逗号）")
            }
        }

        mutating func string() throws -> String {
            let start = position
            index += 1
            var content: [UInt8] = []
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""):
                    index += 1
                    return String(decoding: content, as: UTF8.self)
                case UInt8(ascii: "\\"):
                    guard index + 1 < bytes.count else { break }
                    let escaped = bytes[index + 1]
                    if escaped == UInt8(ascii: "u") {
                        guard index + 5 < bytes.count, bytes[index + 2...index + 5].allSatisfy({ Character(Unicode.Scalar($0)).isHexDigit }) else {
                            throw failure("\\u 后应为 4 位十六进制数字")
                        }
                        content += bytes[index...index + 5]
                        index += 6
                        continue
                    }
                    guard "\"\\/bfnrt".utf8.contains(escaped) else { throw failure("文本中的转义 \\\(Character(Unicode.Scalar(escaped))) 无效") }
                    content += [byte, escaped]
                    index += 2
                    continue
                case 0x00..<0x20:
                    throw failure("文本中不能直接有换行或控制字符（换行请写成 \\n）")
                default:
                    content.append(byte)
                    index += 1
                    continue
                }
                break
            }
            throw Failure(message: "文本没有结束的双引号", position: start)
        }

        mutating func literal(_ word: String) throws {
            let expected = Array(word.utf8)
            guard bytes.count - index >= expected.count, Array(bytes[index..<index + expected.count]) == expected else {
                throw failure("此处应为一个值；文本要加双引号")
            }
            index += expected.count
        }

        mutating func number() throws {
            let start = index
            if bytes[index] == UInt8(ascii: "-") { index += 1 }
            func digits() -> Int {
                let first = index
                while index < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) { index += 1 }
                return index - first
            }
            let integer = digits()
            guard integer > 0 else { throw failure("数字格式不对") }
            if integer > 1, bytes[start + (bytes[start] == UInt8(ascii: "-") ? 1 : 0)] == UInt8(ascii: "0") {
                index = start
                throw failure("数字不能以 0 开头（金额请写成文本，例如 \"0123.00\" 应为 \"123.00\"）")
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
                index += 1
                guard digits() > 0 else { throw failure("小数点后应有数字") }
            }
            if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
                index += 1
                if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
                guard digits() > 0 else { throw failure("指数后应有数字") }
            }
        }
    }
}
