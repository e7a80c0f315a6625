import GongkaiCore

/// A code published with a name that is not its official name, an outdated name, or two names in one document.
public struct CodeNameMismatchRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "code-name-mismatch",
        title: "科目名称与编码不符或使用旧名称",
        category: .classification,
        severity: .error,
        rationale: "同一编码在文件中应始终使用同一名称，并与当年分类目录一致。已更名的科目（如 210 类自 2019 年起为“卫生健康支出”，不再是“医疗卫生与计划生育支出”）不得沿用旧名。与内置目录名称不同只作警告，因为目录仅供参考。",
        triggering: [
            RuleExample("""
            ## 2024年单位预算编制说明
            5. “↓医疗卫生与计划生育支出（类）行政事业单位医疗（款）事业单位医疗（项）”50.37万元，主要用于人员医疗保险。
            """),
            RuleExample("""
            ## 2024年一般公共预算支出功能分类预算表
            单位：元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            合计\t\t100\t100\t
            ↓210\t医疗卫生与计划生育支出\t100\t100\t
            """),
            RuleExample("""
            ## 2024年一般公共预算支出表
            单位：万元
            科目编码\t科目名称\t合计
            2010801\t行政运行\t100.00
            ## 2024年支出总表
            单位：万元
            支出功能分类科目\t部门支出经济分类科目\t合计
            ↓2010801-一般行政管理事务\t30101-基本工资\t100.00
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 2024年单位预算编制说明
            5. “卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项）”50.37万元，主要用于人员医疗保险。
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        var firstName: [String: (name: String, location: SourceLocation, title: String)] = [:]
        for (index, table) in context.readableTables {
            for row in table.rows {
                // A row filed under several classifications is checked for each (2010801-行政运行 | 30101-基本工资).
                for (code, name) in row.namedCodes {
                    result += checkRow(code: code, name: name, location: row.location, table: context.ref(index), context: context)
                    let key = ChineseText.comparisonKey(name)
                    guard !key.isEmpty else { continue }
                    if let first = firstName[code.digits], !Self.sameName(ChineseText.comparisonKey(first.name), key) {
                        result.append(diagnostic("科目 \(code) 在《\(first.title)》中名为“\(first.name)”，在《\(table.title)》中名为“\(name)”，同一编码名称不一致",
                                                 at: row.location, table: context.ref(index), code: code.digits, found: name, expected: first.name,
                                                 related: [first.location]))
                    } else if firstName[code.digits] == nil {
                        firstName[code.digits] = (name, row.location, table.title)
                    }
                }
                if row.namedCodes.isEmpty, row.role == .detail, let former = formerClassName(row.name, context: context) {
                    result.append(outdated(former, found: row.name, at: row.location, table: context.ref(index), section: nil))
                }
            }
        }
        for paragraph in context.disclosure.narrative {
            for former in context.catalog.formerNames where former.lastYear < context.catalog.year {
                guard let range = paragraph.text.range(of: former.formerName) else { continue }
                let offset = paragraph.text.unicodeScalars[..<range.lowerBound].count
                result.append(outdated(former, found: former.formerName, at: paragraph.location(at: offset), table: nil,
                                       section: paragraph.effectiveSection))
            }
        }
        return result
    }

    /// Two printings of one name: equal, or one cut off where its cell ends ("机关事业单位基本养老保" in a
    /// narrow column of one table, "机关事业单位基本养老保险缴费" in another), which misnames nothing.
    private static func sameName(_ one: String, _ other: String) -> Bool {
        let (short, long) = one.count <= other.count ? (one, other) : (other, one)
        return short == long || (short.count >= 6 && long.hasPrefix(short))
    }

    private func checkRow(code: ClassificationCode, name: String, location: SourceLocation, table: DisclosureTableRef,
                          context: CheckContext) -> [Diagnostic] {
        guard !name.isEmpty, let entry = context.catalog.entry(for: code) else { return [] }
        let key = ChineseText.comparisonKey(name)
        if key == ChineseText.comparisonKey(entry.name) { return [] }
        if let former = context.catalog.formerName(of: code, matching: name) {
            return [outdated(former, found: name, at: location, table: table, section: nil)]
        }
        return [diagnostic("《\(table.title)》科目 \(code) 名为“\(name)”，分类目录中为“\(entry.name)”（目录仅供参考，来源：\(entry.provenance.status)）",
                           at: location, table: table, code: code.digits, found: name, expected: entry.name, severity: .warning)]
    }

    private func outdated(_ former: FormerName, found: String, at location: SourceLocation?, table: DisclosureTableRef?,
                          section: NarrativeSectionKind?) -> Diagnostic {
        diagnostic("“\(former.formerName)”是 \(former.code) 类科目在 \(former.lastYear + 1) 年以前的名称，现为“\(former.currentName)”",
                   at: location, table: table, code: former.code, found: found, expected: former.currentName, section: section)
    }

    /// A row label (uncoded summary tables) that is a former class name.
    private func formerClassName(_ label: String, context: CheckContext) -> FormerName? {
        let key = TableFacts.label(label)
        for code in context.catalog.codes(named: key) where code.count == 3 {
            guard let parsed = ClassificationCode(digits: code), let former = context.catalog.formerName(of: parsed, matching: key) else { continue }
            return former
        }
        return nil
    }
}
