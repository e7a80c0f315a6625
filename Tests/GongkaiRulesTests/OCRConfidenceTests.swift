import GongkaiCore
import GongkaiImport
import GongkaiRules
import Testing

/// Findings on text recognised by OCR are warnings that ask for the original to be compared: a
/// recognised figure may be the recogniser's mistake, not the publisher's.
@Suite struct OCRConfidenceTests {
    static let text = """
    # 示例中心2024年单位预算
    ## 2024年一般公共预算财政拨款支出预算表
    单位：万元
    科目编码\t科目名称\t合计\t基本支出\t项目支出
    \t合计\t30.00\t30.00\t
    208\t社会保障和就业支出\t10.00\t10.00\t
    210\t卫生健康支出\t10.00\t10.00\t
    """

    @Test func errorsOnRecognisedTextAreWarnings() throws {
        var disclosure = try DisclosureImporter().read(text: Self.text, path: "scan.pdf")
        let profile = try Profile.named("generic"), catalog = try Catalog.bundled(year: 2024)
        let asRead = Checker().check(disclosure, profile: profile, catalog: catalog)
        #expect(asRead.contains { $0.rule == "column-total" && $0.severity == .error })
        disclosure.metadata.readByOCR = true
        let recognised = Checker().check(disclosure, profile: profile, catalog: catalog)
        #expect(!recognised.contains { $0.severity == .error })
        #expect(recognised.contains { $0.rule == "column-total" && $0.severity == .warning && $0.message.contains("OCR") })
    }
}
