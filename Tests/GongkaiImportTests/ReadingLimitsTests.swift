import Foundation
import GongkaiCore
import GongkaiImport
import GongkaiTestSupport
import Testing

/// A document past one of the reading limits is refused as soon as it is counted, with a
/// `limit-exceeded` error that names the limit; one within them is read as before. The limits are set
/// low here so that ordinary example files pass them.
@Suite struct ReadingLimitsTests {
    private func importer(_ limits: ReadingLimits) -> DisclosureImporter {
        DisclosureImporter(options: ImportOptions(limits: limits))
    }

    private func refusal(_ body: () throws -> Disclosure) -> GongkaiError? {
        do {
            _ = try body()
            return nil
        } catch let error as GongkaiError {
            return error
        } catch {
            return nil
        }
    }

    @Test func aTextWithMoreLinesThanTheLimitIsRefusedBeforeItIsLaidOut() throws {
        let path = TestFiles.example("chongqing-unit-budget-2024.md")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(try importer(ReadingLimits(lines: lines + 5)).read(text: text, path: path).tables.count > 5)
        let error = try #require(refusal { try importer(ReadingLimits(lines: 50)).read(path: path) })
        #expect(error.code == .limitExceeded)
        #expect(error.message.contains("上限为 50 行"))
        #expect(error.path == path)
    }

    @Test func aTableTextWithMoreCellsThanTheLimitIsRefused() throws {
        var text = "2024年部门预算\n\n一、一般公共预算支出表\n单位：万元\n科目\t合计\t基本支出\n"
        for row in 0..<400 { text += "\(2_010_101 + row % 90) 行政运行\t\(row).00\t\(row).00\n" }
        #expect(try importer(ReadingLimits(cells: 2_000)).read(text: text, path: "table.md").tables.first?.rows.count == 400)
        let error = try #require(refusal { try importer(ReadingLimits(cells: 1_000)).read(text: text, path: "table.md") })
        #expect(error.code == .limitExceeded)
        #expect(error.message.contains("单元格"))
    }

    @Test func aParagraphLongerThanTheLimitIsRefusedWithItsPlace() throws {
        let paragraph = String(repeating: "本部门预算支出用于保障机构正常运转和各项事业发展", count: 200)
        let text = "示例区2024年部门预算\n\n一、部门主要职能\n\n" + paragraph + "\n"
        let error = try #require(refusal { try importer(ReadingLimits(paragraphCharacters: 1_000)).read(text: text, path: "long.md") })
        #expect(error.code == .limitExceeded)
        #expect(error.message.contains("一段文字长达 \(paragraph.unicodeScalars.count) 字"))
        #expect(error.location?.line == 5)
        #expect(throws: Never.self) { try importer(ReadingLimits(paragraphCharacters: 10_000)).read(text: text, path: "long.md") }
    }

    @Test func aWorkbookWithMoreCellsThanTheLimitIsRefusedAsTooLargeNotAsDamaged() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestFiles.example("shanghai-unit-budget-2025.xlsx")))
        #expect(try importer(.standard).read(spreadsheet: data, path: "unit.xlsx").tables.count > 5)
        let error = try #require(refusal { try importer(ReadingLimits(cells: 100)).read(spreadsheet: data, path: "unit.xlsx") })
        #expect(error.code == .limitExceeded)
        #expect(error.message.contains("100"))
        #expect(error.location?.sheet != nil)
    }

    @Test(.enabled(if: TestFiles.hasCorpus && TestFiles.hasPDFReader, "needs ../shared/corpus and mutool"))
    func aPDFWithMorePagesOrWordsThanTheLimitsIsRefusedWhileItIsExtracted() throws {
        let path = try #require(TestFiles.corpus("D01-"))
        #expect(try importer(.standard).read(path: path).tables.count > 5)
        let pages = try #require(refusal { try importer(ReadingLimits(pages: 3)).read(path: path) })
        #expect(pages.code == .limitExceeded)
        #expect(pages.message.contains("超过 3 页"))
        let words = try #require(refusal { try importer(ReadingLimits(words: 200)).read(path: path) })
        #expect(words.code == .limitExceeded)
        #expect(words.message.contains("文字块超过 200 个"))
    }
}
