import GongkaiCore

/// "年初预算为 A 万元，支出决算为 B 万元。决算数大于预算数的主要原因…" where B is not larger than A.
public struct FinalVersusBudgetWrongRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "final-versus-budget-wrong",
        title: "决算数与预算数的大小关系说错",
        category: .narrative,
        severity: .error,
        rationale: "决算说明逐项写“年初预算为 A 万元，支出决算为 B 万元，决算数大于（小于、等于）预算数的主要原因是……”；所说的大小关系与前面两个数不符，说明原因也随之写错，多为套用上一项或上一年的文字。",
        triggering: [
            RuleExample("""
            # 示例区财政局2024年度部门决算
            ## 五、一般公共预算财政拨款支出决算情况说明
            1、一般公共服务支出（类）财政事务（款）行政运行（项）。年初预算为1560.05万元，支出决算为1511.89万元，完成年初预算的96.91%。↓决算数大于预算数的主要原因：人员进出及退休变化，减少人员经费开支。
            """),
        ],
        nonTriggering: [
            RuleExample("""
            # 示例区财政局2024年度部门决算
            ## 五、一般公共预算财政拨款支出决算情况说明
            1、一般公共服务支出（类）财政事务（款）行政运行（项）。年初预算为1560.05万元，支出决算为1511.89万元，完成年初预算的96.91%。决算数小于预算数的主要原因：人员进出及退休变化，减少人员经费开支。
            2、卫生健康支出（类）行政事业单位医疗（款）行政单位医疗（项）。年初预算为60.99万元，支出决算为60.99万元。决算数与预算数持平。
            """),
        ])

    /// How far back from the comparison the two amounts may stand, in characters.
    static let reach = 160

    public func check(_ context: CheckContext) -> [Diagnostic] {
        // A sentence may run over a page or a line taken for a heading: read the narrative as one text.
        var text: [Unicode.Scalar] = []
        var starts: [(offset: Int, paragraph: Int)] = []
        for (index, paragraph) in context.disclosure.narrative.enumerated() {
            starts.append((text.count, index))
            text.append(contentsOf: paragraph.text.unicodeScalars)
        }
        var result: [Diagnostic] = []
        var searchFrom = 0
        while let (position, said) = Self.nextComparison(in: text, from: searchFrom) {
            searchFrom = position + 1
            let window = Array(text[max(0, position - Self.reach)..<position])
            guard let budget = Self.lastAmount(after: ["预算数为", "预算为"], in: window),
                  let final = Self.lastAmount(after: ["决算数为", "决算为"], in: window) else { continue }
            let actual: Relation = final.amount > budget.amount ? .larger : final.amount < budget.amount ? .smaller : .equal
            guard actual != said else { continue }
            guard let start = starts.last(where: { $0.offset <= position }) else { continue }
            let paragraph = context.disclosure.narrative[start.paragraph]
            result.append(diagnostic(
                "说明写“决算数\(said.word)预算数”，但前文年初预算为 \(budget.text)万元、决算为 \(final.text)万元，决算数\(actual.word)预算数",
                at: paragraph.location(at: position - start.offset), found: "决算数\(said.word)预算数", expected: "决算数\(actual.word)预算数",
                section: paragraph.effectiveSection))
        }
        return result
    }

    enum Relation {
        case larger, smaller, equal
        var word: String {
            switch self {
            case .larger: "大于"
            case .smaller: "小于"
            case .equal: "等于"
            }
        }
    }

    private static let phrases: [(String, Relation)] = [
        ("决算数大于预算数", .larger), ("决算数高于预算数", .larger), ("决算数小于预算数", .smaller), ("决算数低于预算数", .smaller),
        ("决算数等于预算数", .equal), ("决算数与预算数持平", .equal),
    ]

    /// The next "决算数大于预算数" (or another relation) at or after `start`.
    private static func nextComparison(in text: [Unicode.Scalar], from start: Int) -> (Int, Relation)? {
        guard start < text.count else { return nil }
        var best: (Int, Relation)?
        for (phrase, relation) in phrases {
            let pattern = Array(phrase.unicodeScalars)
            guard pattern.count <= text.count else { continue }
            var index = start
            while index + pattern.count <= text.count, best.map({ index < $0.0 }) ?? true {
                if text[index] == pattern[0], Array(text[index..<(index + pattern.count)]) == pattern {
                    best = (index, relation)
                    break
                }
                index += 1
            }
        }
        return best
    }

    /// The amount after the last of `leads` in `window` ("预算为1560.05万元" → 1560.05), in 万元.
    private static func lastAmount(after leads: [String], in window: [Unicode.Scalar]) -> (amount: Amount, text: String)? {
        var best: (Int, Amount, String)?
        for lead in leads {
            let pattern = Array(lead.unicodeScalars)
            guard window.count >= pattern.count else { continue }
            for index in stride(from: window.count - pattern.count, through: 0, by: -1) where Array(window[index..<(index + pattern.count)]) == pattern {
                var end = index + pattern.count
                while end < window.count, ChineseText.isDigit(window[end]) || window[end] == "." || window[end] == "," { end += 1 }
                let number = String(String.UnicodeScalarView(window[(index + pattern.count)..<end]))
                let unit = String(String.UnicodeScalarView(window[end..<min(window.count, end + 2)]))
                if unit == "万元", let figure = AmountParser.parse(number, unit: .wan), best.map({ index > $0.0 }) ?? true {
                    best = (index, figure.amount, number)
                }
                break
            }
        }
        return best.map { ($0.1, $0.2) }
    }
}
