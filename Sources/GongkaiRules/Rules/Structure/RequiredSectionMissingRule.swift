import GongkaiCore

/// A narrative section the profile requires that the document does not contain.
public struct RequiredSectionMissingRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "required-section-missing",
        title: "缺少规定的说明内容",
        category: .structure,
        severity: .error,
        rationale: "情况说明须包括职能、收支总体情况、“三公”经费、机关运行经费、政府采购、国有资产、绩效目标、名词解释等内容（各地口径不同）；缺少任何一项即公开不完整。",
        triggering: [
            RuleExample("""
            ↓# 示例中心2023年单位预算情况说明
            ## 一、单位基本情况
            （一）职能职责。负责本区老干部服务工作。
            ## 二、单位收支总体情况
            （一）收入预算：2023年年初预算数10.00万元。
            """),
        ],
        nonTriggering: [
            RuleExample("""
            # 示例中心2023年单位预算情况说明
            ## 一、单位基本情况
            （一）职能职责。负责本区老干部服务工作。
            ## 二、单位收支总体情况
            （一）收入预算：2023年年初预算数10.00万元。
            ## 三、“三公”经费情况说明
            2023年“三公”经费预算0万元。
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        guard !context.disclosure.metadata.isExcerpt, context.hasNarrativePart else { return [] }
        var present = Set<NarrativeSectionKind>()
        var headings: [String] = []
        for paragraph in context.disclosure.narrative {
            if let section = paragraph.section { present.insert(section) }
            if let subsection = paragraph.subsection { present.insert(subsection) }
            if paragraph.isHeading { headings.append(ChineseText.comparisonKey(paragraph.text)) }
        }
        for entry in context.disclosure.contents {
            if let kind = entry.sectionKind { present.insert(kind) }
            headings.append(ChineseText.comparisonKey(entry.title))
        }
        let place = context.disclosure.metadata.titleLocation ?? SourceLocation(file: context.disclosure.path)
        return context.profile.requiredSections.filter { required in
            !([required.kind] + (required.alsoIn ?? [])).contains(where: present.contains)
                && !(required.headings ?? []).map(ChineseText.comparisonKey).contains { variant in headings.contains { $0.contains(variant) } }
        }.map { required in
            diagnostic("缺少“\(required.title)”（\(context.profile.title)规定公开的内容）", at: place, found: "无此内容",
                       expected: required.title, section: required.kind)
        }
    }
}
