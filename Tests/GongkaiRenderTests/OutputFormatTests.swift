import Foundation
import GongkaiCore
import GongkaiRender
import GongkaiReport
import Testing
import GongkaiTestSupport

/// What each output format holds, checked with the tools people open them with.
@Suite struct OutputFormatTests {
    /// Renders the seed example into a fresh folder: the folder and the written files by extension.
    private func written(_ formats: [RenderFormat], example: String = TestFiles.laoganbu) throws -> (folder: URL, files: [String]) {
        let folder = try TestFiles.temporaryDirectory()
        let outcome = try RenderRunner(options: RenderOptions(formats: formats, outputDirectory: folder.path)).render(path: example)
        return (folder, outcome.written)
    }

    /// Every amount a rendered table prints.
    private func printedAmounts(_ document: RenderedDocument) -> Set<String> {
        Set(document.tables.flatMap { table in
            table.rows.flatMap(\.cells).compactMap { cell -> String? in
                guard case .amount(let amount) = cell.content else { return nil }
                let text = table.text(of: amount)
                return text.isEmpty ? nil : text
            }
        })
    }

    @Test(.enabled(if: TestFiles.hasOpenpyxl, "python3 with openpyxl is not installed; skipped"))
    func openpyxlSeesNumbersAsNumbersWithTheirFormat() throws {
        let (folder, files) = try written([.xlsx])
        defer { try? FileManager.default.removeItem(at: folder) }
        let script = """
        import openpyxl, sys
        wb = openpyxl.load_workbook(sys.argv[1])
        ws = wb['表二 一般公共预算支出表']
        for row in ws.iter_rows(min_row=5, max_row=6):
            for c in row:
                if c.value is not None: print(c.coordinate, type(c.value).__name__, c.value, c.number_format)
        print('merged', sorted(str(r) for r in ws.merged_cells.ranges))
        print('sheets', len(wb.sheetnames))
        print('contents', wb['目录']['A3'].value, '|', wb['目录']['B3'].value, '|', wb['目录']['A10'].value, '|', wb['目录']['B10'].value)
        print('order', ','.join(wb.sheetnames[:9]))
        print('font', ws['B6'].font.name)
        print('print', ws.page_setup.paperSize, ws.page_setup.orientation, ws.page_setup.fitToWidth, ws.page_setup.fitToHeight,
              ws.sheet_properties.pageSetUpPr.fitToPage, ws.print_title_rows)
        """
        let result = TestFiles.run("/usr/bin/env", ["python3", "-c", script, files[0]])
        #expect(result.status == 0)
        #expect(result.output.contains("C5 float 190.98 #,##0.00"))
        #expect(result.output.contains("A6 str 201 General"))
        #expect(result.output.contains("C6 float 146.07 #,##0.00"))
        #expect(result.output.contains("'A3:B3'") && result.output.contains("'C3:E3'"))
        // 封面, 目录, a sheet for each of the six sections and one for each of the 16 tables, as the
        // official workbooks are laid out; the 目录 names the sheet each entry is on.
        #expect(result.output.contains("sheets 24"))
        #expect(result.output.contains("order 封面,目录,单位基本情况,单位收支总体情况,单位预算情况说明,“三公”经费情况说明,其他重要事项的情况说明,专业性名词解释,表一 财政拨款收支总表"))
        #expect(result.output.contains("contents 一、单位基本情况 | 单位基本情况 | 表一 财政拨款收支总表 | 表一 财政拨款收支总表"))
        // 宋体, A4 landscape scaled to the page's width, the title and header rows on every page.
        #expect(result.output.contains("font 宋体"))
        #expect(result.output.contains("print 9 landscape 1 0 True $1:$4"))
    }

    @Test(.enabled(if: TestFiles.hasLibreOffice, "libreoffice is not installed (.ci/run installs libreoffice-calc-nogui); skipped"))
    func libreOfficeConvertsTheWorkbookToCSV() throws {
        let (folder, files) = try written([.xlsx])
        defer { try? FileManager.default.removeItem(at: folder) }
        let profile = folder.appendingPathComponent("lo-profile")
        let result = TestFiles.run("/usr/bin/libreoffice", ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--convert-to",
                                                            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                                                            "--outdir", folder.path, files[0]])
        #expect(result.status == 0)
        let csvs = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }
        #expect(csvs.count >= 17)
        let table = try #require(csvs.first { $0.contains("表二") })
        let text = try String(contentsOf: folder.appendingPathComponent(table), encoding: .utf8)
        #expect(text.contains("2013201,行政运行,146.07,146.07"))
    }

    @Test(.enabled(if: TestFiles.hasLibreOffice && TestFiles.hasPdftotext, "needs libreoffice and pdftotext (.ci/run installs both); skipped when absent"))
    func libreOfficePrintsEachSheetOnTheWidthOfItsPages() throws {
        for example in [TestFiles.laoganbu, TestFiles.eldercare] {
            let (folder, files) = try written([.xlsx], example: example)
            defer { try? FileManager.default.removeItem(at: folder) }
            let profile = folder.appendingPathComponent("lo-profile")
            let result = TestFiles.run("/usr/bin/libreoffice", ["-env:UserInstallation=\(profile.absoluteString)", "--headless", "--convert-to", "pdf",
                                                                "--outdir", folder.path, files[0]])
            #expect(result.status == 0)
            let pdf = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".pdf") })
            let text = TestFiles.run("/usr/bin/pdftotext", ["-layout", folder.appendingPathComponent(pdf).path, "-"]).output
            // Each printed page opens with the title of its sheet — a table's title is repeated on the
            // pages it continues on, and a table cut down its width would leave a page of right-hand
            // columns without it — and the sheets follow each other in order.
            let firstLines = text.components(separatedBy: "\u{0C}").compactMap { page in
                page.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.first { !$0.isEmpty }
            }
            let document = try RenderedExample(example, profile: example == TestFiles.laoganbu ? "chongqing-unit-budget" : "shanghai-unit-budget").document
            let sheetTitles = [document.title, "目录"] + document.sectionsBeforeTables.map { _ in document.narrativeTitle }
                + document.tables.map { [$0.number, $0.title].compactMap { $0 }.joined(separator: " ") } + document.trailingSections.map(\.heading)
            func collapsed(_ lines: [String]) -> [String] { lines.enumerated().filter { $0.offset == 0 || lines[$0.offset - 1] != $0.element }.map(\.element) }
            #expect(collapsed(firstLines) == collapsed(sheetTitles))
            #expect(firstLines.count >= sheetTitles.count)
        }
    }

    @Test(.enabled(if: TestFiles.hasChromium && TestFiles.hasPdftotext, "needs chromium and pdftotext; skipped when absent"))
    func pdfTextHoldsEveryTitleAndEveryAmount() throws {
        for example in [TestFiles.laoganbu, TestFiles.eldercare] {
            let (folder, files) = try written([.pdf], example: example)
            defer { try? FileManager.default.removeItem(at: folder) }
            let text = TestFiles.run("/usr/bin/pdftotext", ["-layout", files[0], "-"]).output
            let document = try RenderedExample(example, profile: example == TestFiles.laoganbu ? "chongqing-unit-budget" : "shanghai-unit-budget").document
            for table in document.tables { #expect(text.contains(table.title), "\(table.title)") }
            for amount in printedAmounts(document) { #expect(text.contains(amount), "\(amount)") }
            let info = TestFiles.run("/usr/bin/pdfinfo", [files[0]]).output
            #expect(info.contains("A4"))
        }
    }

    @Test func htmlRepeatsHeadersAndPrintsWideTablesLandscape() throws {
        let document = try RenderedExample.laoganbu.get().document
        let html = HTMLWriter.html(document)
        #expect(html.contains("<html lang=\"zh-CN\">"))
        #expect(html.contains("thead { display: table-header-group; }"))
        #expect(html.contains("@page wide { size: A4 landscape;"))
        #expect(html.contains("counter(page)"))
        #expect(html.components(separatedBy: "<section class=\"table wide\"").count - 1 == document.tables.filter(\.printLayout.isLandscape).count)
        #expect(document.tables.contains { $0.printLayout.isLandscape } && document.tables.contains { !$0.printLayout.isLandscape })
        #expect(html.contains("<td class=\"amount\">146.07</td>"))
        let text = HTMLText.visible(html)
        for table in document.tables { #expect(text.contains(table.title)) }
    }

    @Test func csvFilesHoldOneTableEach() throws {
        let document = try RenderedExample.eldercare.get().document
        let files = CSVWriter.files(document)
        #expect(files.count == document.tables.count)
        let income = try #require(files.first { $0.name.contains("收入总表") })
        let lines = income.contents.components(separatedBy: "\r\n")
        #expect(lines[0] == "\u{FEFF}2025年预算单位收入预算总表")
        #expect(lines.contains("208,10,02,老年福利,2800000,2200000,600000,,"))
        #expect(lines.contains(",,,合计,3858400,3258400,600000,,"))
    }

    @Test func fiscalDataPackageDescribesItsResourcesAndSumsToTheBudget() throws {
        let example = try RenderedExample.eldercare.get()
        let files = try FiscalDataPackageWriter.files(example.budget, catalog: example.catalog)
        #expect(files.map(\.name) == ["datapackage.json", "expenditure.csv", "income.csv"])
        let descriptor = try #require(try JSONSerialization.jsonObject(with: Data(files[0].contents.utf8)) as? [String: Any])
        #expect(descriptor["profile"] as? String == "fiscal-data-package")
        let model = try #require(descriptor["model"] as? [String: Any])
        let measures = try #require(model["measures"] as? [String: [String: Any]])
        #expect(measures["amount"]?["currency"] as? String == "CNY")
        let rows = files[1].contents.split(separator: "\n").dropFirst()
        let total = Amount.sum(rows.compactMap { AmountParser.parse(String($0.split(separator: ",").last!), unit: .yuan)?.amount })
        #expect(total == example.budget.expenditureSums.total)
        #expect(rows.contains { $0.contains("2081002,老年福利,社会保障和就业支出,社会福利,30226,劳务费,商品和服务支出,project,institutionRevenue,P2025-01,600000.00") })
    }

    @Test func jsonCarriesEveryAmountExactlyInYuan() throws {
        let document = try RenderedExample.laoganbu.get().document
        let object = try #require(try JSONSerialization.jsonObject(with: Data(DocumentJSONWriter.json(document).utf8)) as? [String: Any])
        let tables = try #require(object["tables"] as? [[String: Any]])
        #expect(tables.count == document.tables.count)
        let rows = try #require(tables[6]["rows"] as? [[[String: Any]]])
        let total = rows[0][2]
        #expect(total["text"] as? String == "190.98")
        #expect(total["yuan"] as? String == "1909798.00")
    }
}
