import Foundation
import GongkaiCore
import GongkaiImport
import GongkaiRender
import GongkaiReport
import GongkaiTestSupport
import Testing

/// The layout of a package comes from the profile's data: changing the data changes the package, every
/// renderable profile draws the tables it requires, and no region is named in code.
@Suite struct RenderLayoutTests {
    private func render(_ profile: RenderProfile) throws -> RenderedDocument {
        let budget = try BudgetJSONReader.read(contentsOf: TestFiles.laoganbu)
        return DisclosureRenderer(profile: profile, catalog: try Catalog.bundled(year: budget.year)).render(budget)
    }

    @Test func changingTheLayoutDataChangesHowCodesAndTotalsArePrinted() throws {
        var profile = try RenderProfile.named("chongqing-unit-budget")
        let joined = try #require(try render(profile).tables.first { $0.kind == .generalBudgetExpenditure })
        #expect(joined.columnCount == 5)
        #expect(joined.rows.first?.isTotal == true)
        #expect(joined.number == "表二")
        #expect(joined.title == "石柱土家族自治县老干部活动中心一般公共预算财政拨款支出预算表")

        profile.layout.codes = .split
        profile.layout.totals = .bottom
        profile.layout.numbersTables = false
        profile.layout.tableTitle = "{year}年{name}"
        let split = try #require(try render(profile).tables.first { $0.kind == .generalBudgetExpenditure })
        #expect(split.columnCount == 7)
        #expect(split.rows.last?.isTotal == true)
        #expect(split.rows.first?.isTotal == false)
        #expect(split.number == nil)
        #expect(split.title == "2023年一般公共预算财政拨款支出预算表")
        #expect(split.header.last?.map(\.text) == ["类", "款", "项"])
        #expect(split.rows.first?.cells.prefix(3).map(\.content) == [.code("201"), .blank, .blank])
        #expect(split.rows.dropFirst(2).first?.cells.prefix(3).map(\.content) == [.code("201"), .code("32"), .code("01")])
    }

    @Test func theTableListOfTheDataIsTheTableListOfThePackage() throws {
        var profile = try RenderProfile.named("chongqing-unit-budget")
        profile.layout.tables = profile.layout.tables.filter { $0.kind != .threePublicCosts }.reversed()
        let tables = try render(profile).tables
        #expect(!tables.contains { $0.kind == .threePublicCosts })
        #expect(tables.first?.kind == .projectPerformanceGoals)
        #expect(tables.last?.kind == .fiscalSummary)
    }

    @Test func everyRenderableProfileDrawsTheTablesItRequires() throws {
        let renderable = try RenderProfile.all()
        #expect(renderable.count >= 4)
        for profile in renderable {
            let drawn = Set(profile.layout.tables.map(\.kind))
            let required = try Profile.named(profile.id).requiredTables.map(\.kind)
            #expect(required.allSatisfy(drawn.contains), "\(profile.id) draws \(drawn), requires \(required)")
            #expect(!profile.layout.glossary.isEmpty, "\(profile.id) has no 名词解释")
        }
    }

    /// Region names (上海市 and 上海, 江苏省 and 江苏 …) taken from the profiles' own data, searched for in
    /// the code of every module (comments aside): knowledge of a region lives in its profile file.
    @Test func noRegionIsNamedInCode() throws {
        let names = Set(try Profile.bundled().compactMap(\.region).flatMap { region -> [String] in
            let stem = region.hasSuffix("市") || region.hasSuffix("省") ? String(region.dropLast()) : region
            return stem.count >= 2 ? [region, stem] : [region]
        }).subtracting(["高等学校", "中央部门"])
        #expect(names.contains("上海"))
        let sources = TestFiles.root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        #expect(files.count > 100)
        var found: [String] = []
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let code = line.trimmingCharacters(in: .whitespaces).hasPrefix("//") ? "" : line.components(separatedBy: "//").first ?? ""
                if let name = names.first(where: { code.contains($0) }) { found.append("\(file):\(number + 1) \(name)") }
            }
        }
        #expect(found.isEmpty, "\(found)")
    }
}

/// The 目录 of a package lists its sections and tables, is read back as the document's contents, and
/// the checklist judges the 目录 row from the document.
@Suite struct ContentsTests {
    @Test func theTextOfAPackageOpensWithItsContentsReadBackAsTheTables() throws {
        let example = try RenderedExample.laoganbu.get()
        #expect(example.document.contents.first == "一、单位基本情况")
        #expect(example.document.contents.contains("表一 财政拨款收支总表"))
        let disclosure = try DisclosureImporter().read(text: TextWriter.text(example.document), path: "package.md")
        let kinds = Set(disclosure.contents.compactMap(\.tableKind))
        for table in example.document.tables where table.kind != .projectPerformanceGoals {
            #expect(kinds.contains(table.kind), "\(table.title) not in the contents read back")
        }
        #expect(disclosure.tables.count == example.document.tables.count)
        #expect(HTMLWriter.html(example.document).contains("<nav class=\"contents\"><h1>目录</h1><ol><li><span class=\"entry\"><span class=\"w\">一、</span><span class=\"w\">单位</span><span class=\"w\">基本情况</span></span><span class=\"leader\"></span></li>"))
    }

    @Test func theChecklistMarksTheContentsFromTheDocument() throws {
        let example = try RenderedExample.eldercare.get()
        let text = TextWriter.text(example.document)
        let runner = CheckRunner(options: CheckOptions(profile: "shanghai-unit-budget"))
        let withContents = try runner.check(try DisclosureImporter().read(text: text, path: "with.md"))
        let withoutContents = try runner.check(try DisclosureImporter().read(text: String(text.drop { $0 != "#" }), path: "without.md"))
        func verdict(_ report: DocumentReport) -> String? {
            ChecklistBuilder.entries(for: report).first { $0.label.contains("目录") }?.verdict
        }
        #expect(verdict(withContents) == "是")
        #expect(verdict(withoutContents) == "否")
    }
}
