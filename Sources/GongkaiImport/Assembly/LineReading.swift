import GongkaiCore

/// Small recognisers for the kinds of lines a disclosure prints around its tables and text.
enum LineReading {
    /// The money unit a cell declares (`单位：万元`, `金额单位:元`), or nil.
    static func declaredUnit(in text: String) -> MoneyUnit? {
        let key = ChineseText.comparisonKey(text)
        guard let range = key.range(of: "单位:") ?? key.range(of: "单位：") else { return nil }
        let before = key[..<range.lowerBound]
        guard before.isEmpty || before.hasSuffix("金额") || before.hasSuffix("计量") || before.hasSuffix(")") else { return nil }
        var rest = key[range.upperBound...]
        for suffix in [")", "）"] where rest.hasSuffix(suffix) { rest = rest.dropLast() }
        return MoneyUnit(chineseName: String(rest))
    }

    /// The preparer a cell names (`编制单位：示例区社会福利院`), or nil.
    static func preparer(in text: String) -> String? {
        let key = ChineseText.removingSpaces(text)
        for label in ["编制单位", "编制部门", "填报单位", "预算单位", "单位名称", "部门名称"] where key.hasPrefix(label) {
            var rest = key.dropFirst(label.count)
            guard let first = rest.first, first == "：" || first == ":" else { continue }
            rest = rest.dropFirst()
            return String(rest)
        }
        return nil
    }

    /// Whether a line is a note printed with a table (注：…, 备注：…, 说明：…).
    static func isNote(_ text: String) -> Bool {
        var key = ChineseText.comparisonKey(text)
        if key.hasPrefix("(") { key.removeFirst() }
        return key.hasPrefix("注:") || key.hasPrefix("注：") || key.hasPrefix("备注") || key.hasPrefix("说明:") || key.hasPrefix("说明：")
            || key.hasPrefix("注1") || key.hasPrefix("本表") || key.hasPrefix("此表")
    }

    /// Whether the line is the heading of the table of contents.
    static func isContentsHeader(_ text: String) -> Bool {
        ChineseText.removingSpaces(text) == "目录"
    }

    /// Whether a label is a total row's (合计, 总计, 收入总计, 本年支出合计 ...).
    static func isTotalLabel(_ text: String) -> Bool {
        let key = ChineseText.comparisonKey(text)
        guard key.unicodeScalars.count <= 10 else { return false }
        return key.hasSuffix("合计") || key.hasSuffix("总计") || key == "小计"
    }

    /// Whether a label is a placeholder row (无, …, ...).
    static func isPlaceholder(_ text: String) -> Bool {
        let key = ChineseText.removingSpaces(text)
        return key == "无" || (!key.isEmpty && key.unicodeScalars.allSatisfy { $0 == "…" || $0 == "." || $0 == "。" })
    }

    /// Whether the text reads as prose rather than a cell or a title.
    static func isProse(_ text: String) -> Bool {
        let count = text.unicodeScalars.count
        return (text.contains("。") && count > 12) || count > 60 || (text.contains("，") && count > 25)
    }

    /// Whether a line holds only a page number (`3`, `- 3 -`, `第3页`).
    static func isPageNumber(_ text: String) -> Bool {
        let key = ChineseText.removingSpaces(text)
        guard !key.isEmpty, key.unicodeScalars.count <= 8 else { return false }
        let stripped = key.unicodeScalars.filter { !["-", "—", "第", "页", "共", "/"].contains($0) }
        return !stripped.isEmpty && stripped.allSatisfy { ("0"..."9").contains($0) }
    }

    /// Whether a cell holds a classification-code fragment: 3–7 ASCII digits, or a split code like `208 05 02`.
    static func isCodeLike(_ text: String) -> Bool {
        let key = ChineseText.removingSpaces(text)
        let count = key.utf8.count
        return count >= 2 && count <= 7 && key.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// A classification code printed in front of its name: glued (`30207邮电费` → `30207`, `邮电费`), in brackets
    /// (`[206]科学技术支出`, `【301】工资福利支出`) or before a dash (`2010801-行政运行`); years (`2023年…`) are not codes.
    static func gluedCode(_ text: String) -> (code: String, name: String)? {
        var rest = Array(ChineseText.removingSpaces(text).unicodeScalars)[...]
        let closing = rest.first.flatMap { codeBrackets[$0] }
        if closing != nil { rest = rest.dropFirst() }
        let digits = rest.prefix { ("0"..."9").contains($0) }.count
        guard [3, 5, 7].contains(digits) else { return nil }
        let code = String(String.UnicodeScalarView(rest.prefix(digits)))
        rest = rest.dropFirst(digits)
        var marked = false
        if let closing {
            guard rest.first == closing else { return nil }
            marked = true
        } else if let first = rest.first, codeDashes.contains(first) {
            marked = true
        }
        if marked { rest = rest.dropFirst() }
        guard let first = rest.first, ChineseText.isCJK(first) else { return nil }
        if !marked, ["年", "月", "日", "号", "个", "人", "元", "万", "、", "．", "。"].contains(first) { return nil }
        return (code, String(String.UnicodeScalarView(rest)))
    }

    /// Brackets a code is printed in before its name, by the opening one.
    private static let codeBrackets: [Unicode.Scalar: Unicode.Scalar] = ["[": "]", "【": "】", "［": "］"]
    /// Dashes between a code and its name.
    private static let codeDashes: Set<Unicode.Scalar> = ["-", "－", "—", "–"]

    /// The table number a title begins with (预算11表 of 预算11表财政拨款政府购买服务明细表), if any: the
    /// shortest prefix ending in 表 that is a table number and is followed by more title.
    static func leadingTableNumber(_ text: String) -> String? {
        var prefix = ""
        for character in text.prefix(8) {
            prefix.append(character)
            if character == "表", isTableNumber(prefix) { return prefix }
        }
        return nil
    }

    /// A table's number printed beside its title: 表1, 表三, 附表2, 预算02表, 表1-1.
    static func isTableNumber(_ text: String) -> Bool {
        let key = ChineseText.removingSpaces(text)
        let scalars = Array(key.unicodeScalars)
        guard scalars.count >= 2, scalars.count <= 8, key.contains("表") else { return false }
        var rest = key
        for prefix in ["附", "预算", "决算", "公开"] where rest.hasPrefix(prefix) { rest.removeFirst(prefix.count) }
        rest = rest.replacingOccurrences(of: "表", with: "")
        let numerals = "0123456789一二三四五六七八九十-－—"
        return !rest.isEmpty && rest.unicodeScalars.allSatisfy { numerals.unicodeScalars.contains($0) }
    }
}
