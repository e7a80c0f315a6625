import GongkaiCore

/// A file with no table at all, or no 情况说明 at all: the other part is published as another file,
/// or could not be read. Said once, instead of every required table or section as missing.
public struct DocumentPartAbsentRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "document-part-absent",
        title: "文件中没有公开表格或情况说明",
        category: .structure,
        severity: .warning,
        rationale: "预决算公开常把公开表格和情况说明分成两个文件发布。一个文件中一张表也没有（或没有任何说明文字）时，逐项报告“缺少某表”会把另行发布的部分当成遗漏；此时只提示一次，请把另一个文件一并检查；如果本应在此文件中，再按缺项处理。",
        triggering: [
            RuleExample("""
            ↓# 示例县老年大学2024年单位预算
            ## 一、单位基本情况
            本单位承担全县老年教育工作，设有教务、学员服务等部门，现有在职人员12人，离退休人员5人，负责组织老年人学习文化、艺术、健康等课程。
            ## 二、收支总体情况
            2024年收入预算236.84万元，支出预算236.84万元，均为一般公共预算拨款，比2023年增加15.54万元，主要是新增老年教育教学经费。
            ## 三、“三公”经费情况
            2024年“三公”经费预算0万元，与上年持平，本单位无因公出国（境）、公务用车和公务接待安排。
            """),
        ],
        nonTriggering: [
            RuleExample("""
            # 示例县老年大学2024年单位预算
            ## 一、单位基本情况
            本单位承担全县老年教育工作，设有教务、学员服务等部门，现有在职人员12人，离退休人员5人，负责组织老年人学习文化、艺术、健康等课程。
            ## 二、收支总体情况
            2024年收入预算10.00万元，支出预算10.00万元，均为一般公共预算拨款，与2023年持平。本单位支出全部用于机关事业单位基本养老保险缴费等基本支出，无项目支出安排。
            ## 三、“三公”经费情况
            2024年“三公”经费预算0万元，与上年持平，本单位无因公出国（境）、公务用车和公务接待安排。
            ## 2024年一般公共预算财政拨款支出预算表
            单位：万元
            科目编码\t科目名称\t合计\t基本支出\t项目支出
            合计\t\t10.00\t10.00\t
            208\t社会保障和就业支出\t10.00\t10.00\t
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        guard !context.disclosure.metadata.isExcerpt else { return [] }
        let place = context.disclosure.metadata.titleLocation ?? SourceLocation(file: context.disclosure.path)
        var result: [Diagnostic] = []
        if !context.hasTablesPart, !context.profile.requiredTables.isEmpty {
            let listed = context.disclosure.contents.filter { $0.tableKind != nil }.count
            result.append(diagnostic(
                "本文件中没有读到任何公开表格" + (listed > 0 ? "（目录列有 \(listed) 张）" : "") + "：表格可能另行发布为附件，或未能读取；请一并检查表格文件",
                at: place, found: "无表格", expected: "公开表格（本文件或另一文件）"))
        }
        if !context.hasNarrativePart, !context.profile.requiredSections.isEmpty, context.hasTablesPart {
            result.append(diagnostic("本文件中没有情况说明文字：说明可能另行发布；请一并检查说明文件",
                                     at: place, found: "无情况说明", expected: "情况说明（本文件或另一文件）"))
        }
        return result
    }
}
