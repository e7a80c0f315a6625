import GongkaiCore
import GongkaiImport
import GongkaiRules
import Testing

/// Rows filed under several classifications at once are checked for each of their codes.
@Suite struct CrossClassifiedRowTests {
    private func diagnostics(_ document: String) throws -> [Diagnostic] {
        let disclosure = try DisclosureImporter().read(text: document, path: "cross.md")
        let catalog = try Catalog.bundled(year: 2024)
        return Checker().check(disclosure, profile: try Profile.named("generic"), catalog: catalog)
    }

    private static func document(economicName: String) -> String {
        """
        # 示例区审计局2024年部门预算

        ## 2024年一般公共预算基本支出表
        单位：万元
        科目编码\t科目名称\t合计
        合计\t\t100.00
        301\t工资福利支出\t100.00
        30108\t机关事业单位基本养老保险缴费\t100.00

        ## 2024年支出总表
        单位：万元
        支出功能分类科目\t部门支出经济分类科目\t合计\t基本支出
        合计\t\t100.00\t100.00
        2080505-机关事业单位基本养老保险缴费支出\t30108-\(economicName)\t100.00\t100.00
        """
    }

    @Test func anEconomicCodeNamedOtherwiseInAnotherTableIsFound() throws {
        let found = try diagnostics(Self.document(economicName: "职业年金缴费")).of("code-name-mismatch").filter { $0.severity == .error }
        #expect(found.map(\.code) == ["30108"])
        #expect(found.first?.found == "职业年金缴费")
    }

    @Test func aNameCutOffWhereItsCellEndsIsTheSameName() throws {
        // Printed in a narrow column, the name stops at the cell's edge: no contradiction, at most the
        // catalog's note.
        let found = try diagnostics(Self.document(economicName: "机关事业单位基本养老保")).of("code-name-mismatch")
        #expect(!found.contains { $0.severity == .error })
        #expect(found.contains { $0.severity == .warning && $0.expected == "机关事业单位基本养老保险缴费" })
        #expect(try diagnostics(Self.document(economicName: "机关事业单位基本养老保险缴费")).of("code-name-mismatch").isEmpty)
    }
}
