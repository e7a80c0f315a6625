import GongkaiCore

/// A page with no text at all inside a PDF.
public struct BlankPageRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "blank-page",
        title: "多余的空白页",
        category: .structure,
        severity: .warning,
        rationale: "公开文件中间夹有空白页（常见于目录后或表格导出时多出的空表页），影响阅读，应删除。检查 PDF 的页面和文本文件中以换页符分隔的页面。",
        triggering: [
            RuleExample("""
            目录
            一、部门主要职能……………………
            \u{0C}↓
            \u{0C}## 部门主要职能
            负责本区司法行政工作。本年度预算按规定公开。
            """),
        ],
        nonTriggering: [
            RuleExample("""
            目录
            一、部门主要职能……………………
            \u{0C}## 部门主要职能
            负责本区司法行政工作。本年度预算按规定公开。
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let pages = context.disclosure.pages
        guard pages.count > 1 else { return [] }
        var result: [Diagnostic] = []
        var section: NarrativeSectionKind?
        for page in pages {
            if page.lines.isEmpty, page.number < pages.count || pages.count > 2 {
                result.append(diagnostic("第\(page.number)页是空白页", at: page.location,
                                         found: "空白页", expected: "删除空白页", section: section ?? .contents))
            } else if !page.lines.isEmpty {
                section = sectionOf(page: page.number, context) ?? section
            }
        }
        return result
    }

    /// The section of the last paragraph printed on a page (目录 when the page is the table of contents).
    private func sectionOf(page: Int, _ context: CheckContext) -> NarrativeSectionKind? {
        if context.disclosure.contents.contains(where: { $0.location.page == page }) { return .contents }
        return context.disclosure.narrative.last { $0.location?.page == page }?.effectiveSection
    }
}
