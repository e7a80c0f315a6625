import Foundation
import GongkaiCore
import GongkaiImport
import GongkaiReport
import GongkaiTestSupport
import GongkaiXLSX
import Testing

/// The checklist is written for any unit name: rare CJK Extension B characters (two UTF-16 units
/// each), apostrophes, control characters, names that differ only in case.
@Suite struct ChecklistNameTests {
    @Test func everyUnitNameGivesAValidUniqueSheet() throws {
        let extensionB = String(String.UnicodeScalarView((0..<20).compactMap { Unicode.Scalar(0x20000 + $0) })) + "老年大学"
        let names = [extensionB, "'示例'单位'", "铃\u{7}声\n单位", "Unit", "unit", "[甲]:乙*丙?/丁\\", "'''", String(repeating: "长", count: 40)]
        let text = try String(contentsOfFile: TestFiles.example("chongqing-unit-budget-2024.md"), encoding: .utf8)
        var documents: [ChecklistDocument] = []
        for name in names {
            let report = try CheckRunner().check(try DisclosureImporter().read(text: text, path: "a.md"))
            var renamed = report
            renamed.disclosure?.metadata.unitName = name
            documents.append(ChecklistDocument(renamed, dimensions: try DimensionMap.standard()))
        }
        let workbook = try XLSXReader.read(data: try ChecklistWorkbookWriter.workbook(documents))
        #expect(workbook.sheets.last?.name == ChecklistWorkbookWriter.summarySheetName)
        let sheetNames = workbook.sheets.dropLast().map(\.name)
        #expect(sheetNames.count == names.count)
        #expect(Set(sheetNames.map { $0.lowercased() }).count == names.count)
        #expect(sheetNames.allSatisfy { $0.utf16.count <= 31 && !$0.hasPrefix("'") && !$0.hasSuffix("'") })
        #expect(sheetNames.allSatisfy { !$0.unicodeScalars.contains { $0.value < 0x20 } && !$0.contains(where: "[]:*?/\\".contains) })
        #expect(sheetNames[0].hasPrefix(String(extensionB.prefix(15))))
        #expect(sheetNames[1] == "示例'单位")
    }
}
