import Foundation
import GongkaiCore
@testable import GongkaiReport
import GongkaiRules
import GongkaiXLSX
import Testing
import GongkaiTestSupport

@Suite struct FormatTests {
    private func report() throws -> CheckReport {
        try CheckRunner(options: CheckOptions(minimumSeverity: .warning)).run(paths: [TestFiles.example("chongqing-unit-budget-2024.md"), "/nonexistent.pdf"])
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let json = JSONReportFormatter.format(try report())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let documents = try #require(object["documents"] as? [[String: Any]])
        #expect(documents.count == 2)
        let first = documents[0]
        #expect(Array(first.keys).sorted() == ["diagnostics", "error", "metadata", "path", "profile", "status", "summary", "tables"])
        #expect((first["metadata"] as? [String: Any])?["unit"] as? String == "示例县老年大学")
        #expect((first["metadata"] as? [String: Any])?["kind"] as? String == "budget")
        let diagnostic = try #require((first["diagnostics"] as? [[String: Any]])?.first { $0["rule"] as? String == "narrative-amount-mismatch" })
        #expect(diagnostic["severity"] as? String == "error")
        #expect(diagnostic["line"] as? Int == 17)
        #expect(diagnostic["found"] as? String == "186.86万元")
        #expect(diagnostic["expected"] as? String == "196.84万元")
        let tables = try #require(first["tables"] as? [[String: Any]])
        #expect(tables.map { $0["kind"] as? String }.contains("general-budget-expenditure"))
        #expect(documents[1]["status"] as? String == "unreadable")
        #expect((documents[1]["error"] as? [String: Any])?["code"] as? String == "file-not-found")
    }

    @Test func jsonKeyOrderIsStable() throws {
        let json = JSONReportFormatter.format(try report())
        let keys = ["\"path\"", "\"status\"", "\"error\"", "\"profile\"", "\"metadata\"", "\"tables\"", "\"diagnostics\"", "\"summary\""]
        let positions = keys.compactMap { json.range(of: $0)?.lowerBound }
        #expect(positions == positions.sorted())
    }

    @Test func csvHasOneRowPerFindingAndEscapesFields() throws {
        let report = try report()
        let csv = CSVReportFormatter.format(report)
        #expect(csv.hasPrefix("\u{FEFF}path,status,rule,severity"))
        let rows = csv.split(separator: "\r\n")
        #expect(rows.count == 1 + report.documents[0].diagnostics.count + 1)
        #expect(rows.contains { $0.contains(",file-not-found,error,") })
    }

    @Test func textReportShowsPlaceSeverityRuleAndFoundExpected() throws {
        let text = TextReportFormatter.format(try report())
        #expect(text.contains("第17行  错误  [narrative-amount-mismatch]"))
        #expect(text.contains("发现：186.86万元  应为：196.84万元"))
        #expect(text.contains("无法读取：文件不存在或无法访问"))
        #expect(text.contains("共 2 个文件"))
    }

    @Test func checklistMarksRowsWithFindingsAsNo() throws {
        let document = try report().documents[0]
        let entries = ChecklistBuilder.entries(for: document)
        #expect(entries.first?.verdict == "—")
        #expect(entries.first { $0.label.contains("三公") && $0.label.hasPrefix("《") }?.verdict == "否")
        #expect(entries.first { $0.label == "专业性名词解释" }?.verdict == "是")
        #expect(entries.first { $0.label == "单位收支总体情况" }?.problems.contains { $0.contains("7.51%") } == true)
    }

    @Test func checklistWorkbookReadsBack() throws {
        let data = try ChecklistWorkbookWriter.workbook(try report())
        let workbook = try XLSXReader.read(data: data)
        #expect(workbook.sheets.map(\.name).suffix(1) == ["汇总"] && workbook.sheets.count == 3)
        let sheet = workbook.sheets[0]
        #expect(sheet.name == "示例县老年大学")
        #expect(sheet.cell(row: 1, column: 1)?.value == .text("2024年度单位预算公开情况检查表"))
        #expect(sheet.cell(row: 5, column: 4)?.value == .text("符合要求"))
        #expect(sheet.mergedRanges.contains(XLSXRange(reference: "A1:E1")!))
    }

    @Test(.enabled(if: TestFiles.hasOpenpyxl, "python3 with openpyxl is not installed"))
    func checklistWorkbookOpensInOpenpyxl() throws {
        let directory = try TestFiles.temporaryDirectory()
        let path = directory.appendingPathComponent("checklist.xlsx").path
        try ChecklistWorkbookWriter.workbook(try report()).write(to: URL(fileURLWithPath: path))
        let script = "import openpyxl,sys\nwb=openpyxl.load_workbook(sys.argv[1])\nws=wb.worksheets[0]\nprint(ws.title)\nprint(ws['A1'].value)\nprint(ws['D7'].value)\nprint(sorted(str(r) for r in ws.merged_cells.ranges)[0])"
        let result = TestFiles.python(["-c", script, path])
        #expect(result.status == 0)
        let lines = result.output.split(separator: "\n").map(String.init)
        #expect(lines.first == "示例县老年大学")
        #expect(lines.dropFirst().first == "2024年度单位预算公开情况检查表")
        #expect(["是", "否"].contains(lines.dropFirst(2).first ?? ""))
    }

    @Test(.enabled(if: TestFiles.hasLibreOffice, "libreoffice is not installed (.ci/run installs libreoffice-calc-nogui); skipped"))
    func checklistWorkbookConvertsInLibreOffice() throws {
        let directory = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("checklist.xlsx").path
        try ChecklistWorkbookWriter.workbook(try report()).write(to: URL(fileURLWithPath: path))
        let result = TestFiles.run("/usr/bin/libreoffice", ["-env:UserInstallation=\(directory.appendingPathComponent("profile").absoluteString)",
                                                            "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1",
                                                            "--outdir", directory.path, path])
        #expect(result.status == 0)
        let csv = try String(contentsOf: directory.appendingPathComponent("checklist.csv"), encoding: .utf8)
        #expect(csv.hasPrefix("\"2024年度单位预算公开情况检查表\""))
        #expect(csv.contains("\"符合要求\""))
    }
}

/// The district's own checklist for D03 compared with the one Gongkai fills from the PDF.
@Suite(.enabled(if: TestFiles.hasCorpus && TestFiles.hasPDFReader, "needs ../shared/corpus and mutool; skipped when either is absent"))
struct InspectorChecklistTests {
    @Test func rowsTheInspectorMarkedNoAreNoInTheFilledChecklist() throws {
        let path = TestFiles.corpus.appendingPathComponent("D03-sh-putuo-justice-2026-dept-budget.pdf").path
        let document = try CheckRunner().run(paths: [path]).documents[0]
        let verdicts = Dictionary(uniqueKeysWithValues: ChecklistBuilder.entries(for: document).map { ($0.label, $0.verdict) })
        let inspector = try XLSXReader.read(contentsOf: TestFiles.corpus.appendingPathComponent("D03-sh-putuo-justice-2026-dept-budget.xlsx"))
        let form = inspector.sheets[0]
        for row in 7...23 {
            guard case let .text(label)? = form.cell(row: row, column: 2)?.value, case .text("否")? = form.cell(row: row, column: 4)?.value else { continue }
            #expect(verdicts[label] == "否", "the inspector marked \(label) 否")
        }
    }
}
