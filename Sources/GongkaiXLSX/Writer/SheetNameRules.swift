/// Excel's rules for sheet names, checked before writing so that the file opens without a repair prompt.
enum SheetNameRules {
    /// The longest name Excel accepts, in UTF-16 code units.
    static let maxLength = 31
    static let forbiddenCharacters: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]

    /// Throws `.invalidSheetName` for the first name that breaks a rule or repeats an earlier one
    /// (Excel compares names without case).
    static func validate(_ names: [String]) throws {
        var seen: [String: String] = [:]
        for name in names {
            if let problem = problem(with: name) {
                throw XLSXError(kind: .invalidSheetName, message: "工作表名称「\(name)」无效：\(problem)", sheet: name)
            }
            let key = name.lowercased()
            if let earlier = seen[key] {
                throw XLSXError(kind: .invalidSheetName,
                                message: "工作表名称「\(name)」与「\(earlier)」重复（Excel 不区分大小写）", sheet: name)
            }
            seen[key] = name
        }
    }

    private static func problem(with name: String) -> String? {
        if name.isEmpty { return "名称不能为空" }
        if name.utf16.count > maxLength { return "不能超过 \(maxLength) 个字符" }
        if name.contains(where: forbiddenCharacters.contains) { return "不能含有 [ ] : * ? / \\ 这些字符" }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || OOXMLCharacterEscapes.needsEscape($0) }) {
            return "不能含有换行符等控制字符"
        }
        if name.hasPrefix("'") || name.hasSuffix("'") { return "不能以单引号开头或结尾" }
        return nil
    }
}
