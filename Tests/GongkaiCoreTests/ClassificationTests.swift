import Testing
@testable import GongkaiCore

@Suite struct ClassificationCodeTests {
    @Test func functionCodesHaveLevelsAndParents() throws {
        let item = try #require(FunctionCode("2013201"))
        #expect(item.level == .item)
        #expect(item.parent == FunctionCode("20132"))
        #expect(item.parent?.parent == FunctionCode("201"))
        #expect(item.classCode == FunctionCode("201"))
        #expect(item.spaced == "201 32 01")
    }

    @Test(arguments: ["20", "2013", "201320", "20132011", "3010", "abc", "7110", "１２３"])
    func malformedFunctionCodesAreRejected(text: String) {
        #expect(FunctionCode(text) == nil)
    }

    @Test func economicCodesDistinguishDepartmentAndGovernmentSchemes() throws {
        #expect(try #require(EconomicCode("30101")).scheme == .economicDepartment)
        #expect(try #require(EconomicCode("50101")).scheme == .economicGovernment)
        #expect(EconomicCode("30101")?.parent == EconomicCode("301"))
        #expect(EconomicCode("3010101") == nil)
    }

    @Test func digitsDecideTheScheme() {
        #expect(ClassificationCode(digits: "2210201")?.scheme == .functional)
        #expect(ClassificationCode(digits: "30239")?.scheme == .economicDepartment)
        #expect(ClassificationCode(digits: "71102") == nil)
    }
}

@Suite struct CatalogTests {
    @Test func bundledCatalogKeepsProvenance() throws {
        let catalog = try Catalog.bundled(year: 2023)
        let entry = try #require(catalog.entry(for: .function(FunctionCode("2013201")!)))
        #expect(entry.name == "行政运行")
        #expect(entry.provenance.status == "verified")
        #expect(catalog.entries(of: .functional).count > 1_000)
    }

    @Test func renamedClassIsRecognisedAsOutdated() throws {
        let catalog = try Catalog.bundled(year: 2024)
        let former = catalog.formerName(of: .function(FunctionCode("210")!), matching: "医疗卫生与计划生育支出")
        #expect(former?.currentName == "卫生健康支出")
        #expect(former?.lastYear == 2018)
        #expect(catalog.codes(named: "医疗卫生与计划生育支出") == ["210"])
    }

    @Test func laterYearsIncludeCodesAddedAfter2023() throws {
        #expect(try Catalog.bundled(year: 2023).entry(for: .function(FunctionCode("20139")!)) == nil)
        #expect(try Catalog.bundled(year: 2025).entry(for: .function(FunctionCode("20139")!))?.name == "社会工作事务")
    }

    @Test func overrideReplacesTheSchemesItBrings() throws {
        let table = CSVTable(parsing: "code,name\n201,一般公共服务\n20101,人大事务\n")
        let rows = try Catalog.parseRows(table, origin: "test.csv", defaultStatus: "user")
        let catalog = try Catalog.bundled(year: 2023).overriding(with: rows, origin: "test.csv")
        #expect(catalog.entry(for: .function(FunctionCode("201")!))?.name == "一般公共服务")
        #expect(catalog.entry(for: .function(FunctionCode("2013201")!)) == nil)
        #expect(catalog.entry(for: .economic(EconomicCode("30101")!))?.name == "基本工资")
    }

    @Test func malformedOverrideRowNamesItsLine() {
        let table = CSVTable(parsing: "code,name\n201,一般公共服务\n20x,坏行\n")
        #expect {
            try Catalog.parseRows(table, origin: "bad.csv", defaultStatus: "user")
        } throws: { error in
            guard let error = error as? GongkaiError else { return false }
            return error.code == .catalogInvalid && error.location?.line == 3
        }
    }
}

@Suite struct ChineseTextTests {
    @Test func removesSpacesBetweenChineseCharactersOnly() {
        #expect(ChineseText.normalizeSpaces("机关事业单位基本养老保险 缴费支出") == "机关事业单位基本养老保险缴费支出")
        #expect(ChineseText.normalizeSpaces("2023 年年初预算数 190.98 万元") == "2023年年初预算数190.98万元")
        #expect(ChineseText.normalizeSpaces("208  05 02") == "208 05 02")
    }

    @Test func comparisonKeyFoldsBracketsAndQuotes() {
        #expect(ChineseText.comparisonKey("因公出国（境）费") == ChineseText.comparisonKey("因公出国(境)费"))
        #expect(ChineseText.comparisonKey("“三公”经费") == "三公经费")
    }

    @Test func stripsInlineMarkup() {
        #expect(Markup.stripInline("<b>190.98</b>") == "190.98")
        #expect(Markup.stripInline("**（一）职能职责。**指导") == "（一）职能职责。指导")
        #expect(Markup.stripInline("a < b") == "a < b")
    }
}
