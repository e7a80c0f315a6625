import Foundation
import GongkaiCore
import GongkaiImport
import GongkaiTestSupport
import Testing
@testable import GongkaiRender

/// The printed package as a reader gets it: the region's page and faces, real (CID) fonts, a 目录
/// whose page numbers are the pages the entries are on, and titles that break between words only.
@Suite struct PrintedPackageTests {
    private let breaks = LineBreaks.standard

    @Test func wordsOfTheVocabularyStayWhole() {
        #expect(breaks.words(in: "2024年预算单位一般公共预算基本支出部门预算经济分类预算表")
            == ["2024年", "预算单位", "一般公共预算", "基本支出", "部门", "预算", "经济分类", "预算表"])
        #expect(breaks.words(in: "表九 2023年重点专项资金绩效目标表（一级项目）").contains("（一级项目）"))
        #expect(breaks.words(in: "表十六 项目支出").first == "表十六")
        // Closing punctuation stays with the word before it, opening punctuation with the word after.
        #expect(breaks.words(in: "四、“三公”经费情况说明") == ["四、", "“三公”经费", "情况说明"])
        #expect(breaks.words(in: "合计37,151.47万元") == ["合计", "37,151.47万元"])
        let name = "上海市普陀区示例社区养老服务中心"
        #expect(breaks.words(in: "\(name)2025年单位预算", names: [name]) == [name, "2025年", "单位", "预算"])
        for text in ["", "a", "（", "收入（", "名词解释：“三公”经费、机关运行经费。"] {
            #expect(breaks.words(in: text).joined() == text)
        }
    }

    @Test func everyTitleHeaderAndLabelIsPrintedAsUnbreakableWords() throws {
        for example in RenderedExample.all {
            let html = HTMLWriter.html(example.document)
            for table in example.document.tables {
                for cell in table.header.flatMap({ $0 }) where cell.text.count > 1 {
                    let words = breaks.words(in: cell.text, names: [example.document.unitName])
                    let expected = words.map { $0.count > 1 ? "<span class=\"w\">\(HTMLEscaping.escape($0))</span>" : HTMLEscaping.escape($0) }.joined()
                    #expect(html.contains(">\(expected)</th>"), "\(cell.text)")
                }
            }
            #expect(html.contains("span.w { white-space: nowrap; }"))
        }
    }

    @Test(.enabled(if: TestFiles.hasChromium && TestFiles.hasPdftotext && TestFiles.hasPDFReader,
                   "needs chromium, pdftotext, pdffonts and mutool (.ci/run installs them); skipped when absent"))
    func thePDFHasRealFontsTheRegionsPageANumberedContentsAndWholeTitles() throws {
        var documents = RenderedExample.all.map(\.document)
        // A name too long for one line of the title, so that the title has to break.
        let example = try RenderedExample.finalAccounts.get()
        var long = example.budget
        long.unit.name = "上海市普陀区示例街道社区长者综合照护与日间照料及助餐助浴服务管理中心和居家养老服务指导中心"
        documents.append(DisclosureRenderer(profile: try RenderProfile.named("shanghai-department-final-accounts"), catalog: example.catalog).render(long))
        let printer = try PDFPrinter()
        defer { printer.close() }
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        var brokenTitles = 0
        for (index, document) in documents.enumerated() {
            let file = folder.appendingPathComponent("package-\(index).pdf").path
            try printer.pdf(document).write(to: URL(fileURLWithPath: file))

            let fonts = TestFiles.run("/usr/bin/pdffonts", [file]).output
            #expect(!fonts.contains("Type 3"), "\(document.title): \(fonts)")
            #expect(fonts.contains("CID TrueType"))

            let size = TestFiles.run("/usr/bin/pdfinfo", ["-f", "3", "-l", "3", file]).output
            let landscape = document.print.orientation == .landscape
            #expect(size.contains(landscape ? "841.92 x 594.96" : "594.96 x 841.92"), "\(document.title): \(size)")

            // Each 目录 entry is on the page the 目录 gives.
            let contentsPage = TestFiles.run("/usr/bin/pdftotext", ["-f", "2", "-l", "3", "-layout", file, "-"]).output
            let outline = try PDFOutline.entries(of: Data(contentsOf: URL(fileURLWithPath: file)))
            let pages = try #require(ContentsPages.pages(for: document, in: outline))
            for (entry, page) in zip(document.contentsEntries, pages) {
                #expect(lineOfContents(contentsPage, entry: entry.text) == page, "\(entry.text) → \(page)")
                let text = compact(TestFiles.run("/usr/bin/pdftotext", ["-f", String(page), "-l", String(page), file, "-"]).output)
                #expect(text.contains(compact(entry.heading)), "\(entry.heading) not on page \(page)")
            }

            // Titles break between words only.
            let lines = TestFiles.run("/usr/bin/pdftotext", ["-raw", file, "-"]).output
                .split(whereSeparator: \.isNewline).map { compact(String($0)) }
            let titles = [document.narrativeTitle] + document.tables.map { [$0.number, $0.title].compactMap { $0 }.joined(separator: " ") }
            for title in titles {
                let breaksAt = try #require(lineBreaks(of: compact(title), in: lines), "\(title) not found in the PDF text")
                brokenTitles += breaksAt.isEmpty ? 0 : 1
                let allowed = boundaries(breaks.words(in: title, names: [document.unitName]))
                #expect(breaksAt.allSatisfy(allowed.contains), "\(title) breaks at \(breaksAt), words end at \(allowed.sorted())")
            }
        }
        #expect(brokenTitles > 0, "no title needed two lines, so none was tested for where it breaks")
    }

    private func compact(_ text: String) -> String { text.filter { !$0.isWhitespace } }

    /// The page number printed after `entry` and its leader dots on the 目录 pages (the entry may wrap;
    /// the number ends its line).
    private func lineOfContents(_ text: String, entry: String) -> Int? {
        var flat: [Character] = [], lineEnds: Set<Int> = []
        for line in text.split(whereSeparator: \.isNewline) {
            flat += compact(String(line))
            lineEnds.insert(flat.count)
        }
        let wanted = Array(compact(entry) + "…")
        guard let start = flat.indices.first(where: { flat[$0...].starts(with: wanted) }) else { return nil }
        var index = start + wanted.count, digits = ""
        while index < flat.count, flat[index] == "…", !lineEnds.contains(index) { index += 1 }
        while index < flat.count, flat[index].isASCII, flat[index].isNumber {
            digits.append(flat[index])
            index += 1
            if lineEnds.contains(index) { break }
        }
        return Int(digits)
    }

    /// Where `title` is broken across consecutive lines (character offsets), or nil when no run of
    /// lines spells it.
    private func lineBreaks(of title: String, in lines: [String]) -> [Int]? {
        for start in lines.indices where !lines[start].isEmpty && title.hasPrefix(lines[start]) {
            var joined = lines[start], offsets: [Int] = [], next = start + 1
            while joined.count < title.count, next < lines.count, title.hasPrefix(joined + lines[next]), !lines[next].isEmpty {
                offsets.append(joined.count)
                joined += lines[next]
                next += 1
            }
            if joined == title { return offsets }
        }
        return nil
    }

    /// The character offsets at which a line may end: after each word (spaces dropped).
    private func boundaries(_ words: [String]) -> Set<Int> {
        var offsets: Set<Int> = []
        var count = 0
        for word in words {
            count += compact(word).count
            offsets.insert(count)
        }
        return offsets
    }
}
