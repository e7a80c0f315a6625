import GongkaiCore
@testable import GongkaiImport
import Testing

/// What a title names and what a numbered line is: the standard tables recognised by their titles in
/// any region's wording, and entries that begin a paragraph told from headings.
@Suite struct TitleAndHeadingTests {
    @Test(arguments: [
        ("项目支出总表", nil), ("一般公共预算项目支出情况表（按经济分类科目）", nil), ("部门预算项目支出及其他支出预算表", nil),
        ("表10：2026年市级部门项目支出预算表", nil), ("支出总表", TableKind.expenditureSummary),
        ("一般公共预算支出情况表（按功能分类科目）", .generalBudgetExpenditure), ("项目支出绩效目标表", .projectPerformanceGoals),
        ("一般公共预算基本支出情况表（按经济分类科目）", .generalBudgetBasicExpenditure),
    ] as [(String, TableKind?)])
    func aTitleNamesItsKind(title: String, kind: TableKind?) {
        #expect(TableKindClassifier.kind(forTitle: title) == kind)
    }

    /// A glossary printed double-spaced, each entry a numbered line that goes on after its colon.
    static let glossary = """
    # 示例市XX局2026年部门预算

    ## 第四部分 名词解释
    一、财政拨款收入：指预算单位从本级财政部门取得的财政
    预算资金收入。
    二、事业收入：指事业单位开展专业业务活动及辅助活动所
    取得的收入。
    """

    @Test func aNumberedEntryThatGoesOnAfterItsColonIsNoHeading() throws {
        let lines = TextLayoutReader.read(Self.glossary, path: "g.md").lines
        let entry = try #require(lines.first { $0.normalizedText.hasPrefix("一、财政拨款收入") })
        #expect(DocumentSegmenter.headingLevel(entry) == nil)
        let heading = try #require(TextLayoutReader.read("一、部门主要职责：\n", path: "h.md").lines.first)
        #expect(DocumentSegmenter.headingLevel(heading) == false)
        // A part heading stays a major heading whatever follows its colon.
        let part = try #require(TextLayoutReader.read("第一部分：部门概况\n", path: "p.md").lines.first)
        #expect(DocumentSegmenter.headingLevel(part) == true)
    }
}
