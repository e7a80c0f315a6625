import GongkaiCore

/// A table with no data and no 空表说明.
public struct EmptyTableUnexplainedRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "empty-table-unexplained",
        title: "空表未作说明",
        category: .structure,
        severity: .error,
        rationale: "无数据的表格应保留格式，并在表中（或表下）写明“本单位无……，故本表为空表”的空表说明；只在正文某处提及不够，读者看到空表会以为漏填。",
        triggering: [
            RuleExample("""
            ## 三、“三公”经费情况说明
            2023年“三公”经费预算0万元。
            ↓## 2023年一般公共预算“三公”经费支出表
            单位：万元
            合计\t因公出国（境）费\t公务接待费
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 2023年政府性基金预算支出表
            单位：万元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            \t合计\t\t\t
            (备注：本单位无政府性基金收支，故此表无数据。)
            """),
            RuleExample("""
            ## 国有资本经营预算支出预算表
            单位：万元
            科目编码	科目名称	合计	基本支出	项目支出
            	合计			
            注：本表本年无发生额。
            """),
            // A goals form left unfilled, with the sentence under its title saying why.
            RuleExample("""
            ## 七、预算绩效目标情况
            本单位按要求编制绩效目标。
            ## 1.项目支出绩效目标表
            本单位无项目支出绩效目标表。
            """),
            // A heading over the goals tables of the projects that follow it.
            RuleExample("""
            ## 七、预算绩效目标情况
            本单位按要求编制绩效目标。
            ## 1.项目支出绩效目标表
            单位：万元
            ## 2023年示例项目绩效目标表
            单位：万元
            专项资金名称\t示例项目\t业务主管部门\t示例部门
            当年预算\t10.00
            绩效指标\t指标\t指标权重\t计量单位\t指标性质\t指标值
            \t培训人数\t60\t人\t≥\t100
            """),
            // The further columns of a wide table, under its title cut off at the page's edge.
            RuleExample("""
            ## 一、收支情况
            本单位2026年收入预算100元。
            ## 2026年预算单位收入预算总表
            单位：元
            功能分类科目编码\t功能分类科目名称\t合计\t财政拨款收入
            201\t一般公共服务支出\t100\t100
            \t合计\t100\t100
            ## 26年预算单位收入预算总表
            单位：元
            功能分类科目编码\t功能分类科目名称\t其他收入
            201\t一般公共服务支出\t
            \t合计\t
            """),
        ])

    static let explanationWords = ["空表", "无数据", "没有数据", "本表无", "此表无", "无此", "未安排", "没有", "无政府性基金", "无国有资本", "无“三公”", "无三公",
                                   "无发生额", "本年无", "本单位无", "本部门无"]

    public func check(_ context: CheckContext) -> [Diagnostic] {
        // A file of tables only (the 情况说明 published as another file) may explain its empty tables there.
        guard context.hasNarrativePart else { return [] }
        var result: [Diagnostic] = []
        let tables = context.disclosure.tables
        for (index, table) in context.readableTables where table.kind != nil && table.isEmpty && !Self.isPart(of: index, in: tables) {
            let explained = table.notes.contains { note in Self.explanationWords.contains { note.text.contains($0) } }
                || table.rows.contains { row in Self.explanationWords.contains { row.name.contains($0) } }
            guard !explained else { continue }
            result.append(diagnostic("《\(table.title)》没有数据，也没有空表说明", at: table.location, table: context.ref(index),
                                     found: "空表且无说明", expected: "注明“本单位无……，故本表为空表”"))
        }
        return result
    }

    /// Whether the empty table at `index` is part of another table: a heading over the goals tables that
    /// follow it (“1.项目支出绩效目标表”, then one table per project), or the further columns of a wide
    /// table printed under its title cut off at the page edge (“26年预算单位收入预算总表” after
    /// “2026年预算单位收入预算总表”).
    static func isPart(of index: Int, in tables: [DisclosureTable]) -> Bool {
        let table = tables[index]
        if table.kind == .projectPerformanceGoals, index + 1 < tables.count, tables[index + 1].kind == .projectPerformanceGoals,
           !tables[index + 1].isEmpty {
            return true
        }
        let title = ChineseText.comparisonKey(table.title)
        return tables[..<index].contains { earlier in
            let earlierTitle = ChineseText.comparisonKey(earlier.title)
            return earlier.kind == table.kind && !earlier.isEmpty && earlierTitle != title && earlierTitle.hasSuffix(title)
        }
    }
}
