import GongkaiCore

/// An amount the narrative states that differs from the table showing the same quantity.
public struct NarrativeAmountMismatchRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "narrative-amount-mismatch",
        title: "说明中的金额与表格不一致",
        category: .narrative,
        severity: .error,
        rationale: "情况说明中的收入、支出、基本支出、“三公”经费、各科目金额都应与公开表格一致（按说明的单位和小数位四舍五入后相等）；不一致时读者无法判断哪个数正确。",
        triggering: [
            RuleExample("""
            ## 三、单位预算情况说明
            2023年一般公共预算财政拨款支出190.98万元，其中：↓基本支出68.54万元，项目支出0万元。

            ## 2023年一般公共预算财政拨款支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            合计\t\t190.98\t190.98\t
            201\t一般公共服务支出\t190.98\t190.98\t
            """),
            // The parts 其中 lists after the whole spending are parts of all money, whatever fund the
            // paragraph names elsewhere.
            RuleExample("""
            ## 一、预算收支总体情况
            2026年收入预算300.00万元，主要原因是一般公共预算拨款收入增加。相应安排支出预算300.00万元。其中：基本支出200.00万元、↓项目支出40.00万元。

            \(Self.spendingTables)
            """),
        ],
        nonTriggering: [
            // The fiscal summary lists 上年结转 and prints no 本年收入 row: its 收入总计 is not the year's
            // 财政拨款收入, but it is the 财政拨款收支总预算.
            RuleExample("""
            ## 2025年部门预算编制说明
            2025年，本单位收入预算110.00万元，其中：财政拨款收入100.00万元。2025年财政拨款收支总预算110.00万元。

            ## 2025年预算单位财务收支预算总表
            单位：万元
            本年收入\t\t本年支出\t
            项目\t预算数\t项目\t预算数
            一、财政拨款收入\t100.00\t一、社会保障和就业支出\t110.00
            二、上年结转\t10.00\t\t
            收入总计\t110.00\t支出总计\t110.00

            ## 2025年预算单位财政拨款收支预算总表
            单位：万元
            财政拨款收入\t\t财政拨款支出\t
            项目\t预算数\t项目\t预算数
            一、一般公共预算\t100.00\t一、社会保障和就业支出\t110.00
            二、上年结转\t10.00\t\t
            收入总计\t110.00\t支出总计\t110.00
            """),
            // 使用非财政拨款结余 is money that is not appropriations.
            RuleExample("""
            ## 2021年部门预算编制说明
            我校2021年收入预算120.00万元，其中：财政拨款收入100.00万元，使用非财政拨款结余20.00万元。
            
            ## 2021年收支预算总表
            单位：万元
            收入\t\t支出\t
            项目\t预算数\t项目\t预算数
            一、财政拨款\t100.00\t一、教育支出\t120.00
            使用非财政拨款结余\t20.00\t\t
            收入总计\t120.00\t支出总计\t120.00
            """),
            RuleExample("""
            ## 一、预算收支总体情况
            2026年收入预算300.00万元，主要原因是一般公共预算拨款收入增加。相应安排支出预算300.00万元。其中：基本支出200.00万元、项目支出100.00万元。

            \(Self.spendingTables)
            """),
            // A class of the whole budget's spending, though a later sentence speaks of 一般公共预算.
            RuleExample("""
            ## 二、收支总体情况
            （二）支出预算：2026年年初预算数300.00万元，其中：一般公共服务支出预算300.00万元。支出预算较2025年增加10.00万元，主要是一般公共预算基本支出预算增加10.00万元。

            \(Self.spendingTables)
            """),
            // Parts of the appropriations' spending, which no table here splits.
            RuleExample("""
            ## 一、预算收支总体情况
            2026年财政拨款支出总计为250.00万元，其中基本支出210.00万元，占总支出的84%；项目支出40.00万元，占总支出的16%。

            \(Self.spendingTables)
            """),
            // What an expense item costs (委托业务费) is in no table, whatever fund pays for it.
            RuleExample("""
            ## 三、单位预算情况说明
            2023年本单位一般公共预算安排委托业务费12.50万元，委托业务费财政拨款预算总额12.50万元。

            ## 2023年一般公共预算财政拨款支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            合计\t\t190.98\t190.98\t
            201\t一般公共服务支出\t190.98\t190.98\t
            """),
            RuleExample("""
            ## 三、单位预算情况说明
            2023年一般公共预算财政拨款支出190.98万元，其中：基本支出190.98万元，项目支出0万元。

            ## 2023年一般公共预算财政拨款支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            合计\t\t190.98\t190.98\t
            201\t一般公共服务支出\t190.98\t190.98\t
            """),
            // 基本支出预算 is the basic spending, whatever fund it names; what 会议费 costs is in no table.
            RuleExample("""
            ## 三、单位预算情况说明
            某某局2023年度一般公共预算财政拨款基本支出预算190.98万元。一般公共预算拨款安排的会议费预算支出0.70万元。

            ## 2023年一般公共预算财政拨款支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            合计\t\t250.98\t190.98\t60.00
            201\t一般公共服务支出\t250.98\t190.98\t60.00
            """),
            // 一般公共预算拨款 listed for this year and as carried over: 110.00 is both together.
            RuleExample("""
            ## 三、单位预算情况说明
            2023年一般公共预算拨款110.00万元，其中上年结转结余的一般公共预算收入10.00万元。

            ## 2023年财政拨款收支总表
            单位：万元
            收入\t\t支出\t
            项目\t预算数\t项目\t预算数
            一、本年收入\t100.00\t一、一般公共服务支出\t110.00
            （一）一般公共预算拨款\t100.00\t\t
            二、上年结转\t10.00\t\t
            （一）一般公共预算拨款\t10.00\t\t
            收入总计\t110.00\t支出总计\t110.00
            """),
        ])

    /// The examples' 支出总表 (all money: 基本 200, 项目 100) and 一般公共预算支出表 (基本 200, 项目 40).
    private static let spendingTables = """
        ## 2026年部门支出总表
        单位：万元
        科目编码\t科目名称\t合计\t基本支出\t项目支出
        合计\t\t300.00\t200.00\t100.00
        201\t一般公共服务支出\t300.00\t200.00\t100.00

        ## 2026年一般公共预算财政拨款支出预算表
        单位：万元
        科目编码\t科目名称\t合计\t基本支出\t项目支出
        合计\t\t240.00\t200.00\t40.00
        201\t一般公共服务支出\t240.00\t200.00\t40.00
        """

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for statement in context.statements where statement.role == .value {
            let paragraph = context.paragraph(of: statement)
            guard paragraph.effectiveSection != .glossary, let figure = statement.figure, let key = context.key(of: statement),
                  let table = context.facts.figure(for: key) else { continue }
            guard case .mismatch = SumCheck.compareSame(figure, table.cell.figure) else { continue }
            let expected = table.cell.amount.formatted(in: figure.unit, decimals: max(2, figure.decimals)) + figure.unit.chineseName
            let place = [table.row.rawCode, table.row.name.isEmpty ? nil : table.row.name].compactMap { $0 }.joined(separator: " ")
            let converted = table.cell.figure.unit == figure.unit ? "" : "（折合 \(expected)）"
            result.append(diagnostic(
                "说明中“\(statement.lead)\(statement.mention.text)”与《\(table.table.title)》不一致：表中“\(place)”行的\(key.chineseName)为 \(table.cell.text)\(table.cell.figure.unit.chineseName)\(converted)",
                at: statement.location, table: table.table, code: table.row.code?.digits, column: key.chineseName,
                found: statement.mention.text, expected: expected, section: paragraph.effectiveSection, related: [table.cell.location]))
        }
        return result
    }
}
