import GongkaiCore

/// Zero-width spaces, NUL and other invisible characters in the published text. The reader removes
/// them before reading (so the document is checked as a reader sees it); this rule says that they
/// were there.
public struct InvisibleCharactersRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "invisible-characters",
        title: "含有不可见字符",
        category: .presentation,
        severity: .warning,
        rationale: "零宽空格、NUL 等字符在页面上看不见，却会让复制、检索和统计出错：数字中夹着零宽空格时，复制出来的“1​68.52”不再是数字。它们通常来自网页编辑器或转换工具，发布前应删除。检查时已先去除这些字符，其余问题按去除后的文字判断。",
        triggering: [
            RuleExample("""
            ## 单位基本情况
            本单位主要职责是组织开展老年教育，↓全年预算支出\u{200B}168.52万元。
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 单位基本情况
            本单位主要职责是组织开展老年教育，全年预算支出168.52万元。
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        let removed = context.disclosure.removedCharacters
        guard removed.total > 0 else { return [] }
        let kinds = removed.counts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value) 个" }.joined(separator: "，")
        return [diagnostic("文件中有 \(removed.total) 个不可见字符（\(kinds)），检查前已去除；它们会使复制、检索和数字识别出错，发布前应删除",
                           at: removed.firstLocation, found: "\(removed.total) 个不可见字符", expected: "无不可见字符")]
    }
}
