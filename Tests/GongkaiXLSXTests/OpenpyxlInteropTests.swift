import Foundation
import Testing
import GongkaiXLSX

/// Opens the writer's output with openpyxl 3.1, an independent SpreadsheetML reader. Skipped when
/// python3 with openpyxl is not installed.
@Suite("openpyxl reads what the writer writes")
struct OpenpyxlInteropTests {
    static let openpyxlAvailable = (try? python(["-c", "import openpyxl"]).status) == 0

    private static let script = """
        import json, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        out = {"sheets": wb.sheetnames, "cells": {}, "formats": {}, "merged": {}, "validations": {}}
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for c in row:
                    if c.value is not None:
                        out["cells"][ws.title + "!" + c.coordinate] = c.value
                        out["formats"][ws.title + "!" + c.coordinate] = c.number_format
            out["merged"][ws.title] = sorted(str(r) for r in ws.merged_cells.ranges)
            out["validations"][ws.title] = [[dv.type, dv.formula1, str(dv.sqref)] for dv in ws.data_validations.dataValidation]
        print(json.dumps(out, ensure_ascii=False))
        """

    @Test(.enabled(if: openpyxlAvailable, "python3 with openpyxl is not installed"))
    func openpyxlSeesTheValuesFormatsMergesAndValidations() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-xlsx-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        try SampleWorkbook.data().write(to: file)

        let result = try Self.python(["-c", Self.script, file.path])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: result.output) as? [String: Any])
        let cells = try #require(json["cells"] as? [String: Any])
        let formats = try #require(json["formats"] as? [String: String])
        let merged = try #require(json["merged"] as? [String: [String]])
        let validations = try #require(json["validations"] as? [String: [[String]]])

        #expect(json["sheets"] as? [String] == ["收入预算", "说明"])
        #expect(cells["收入预算!A1"] as? String == SampleWorkbook.title)
        #expect((cells["收入预算!B3"] as? NSNumber)?.doubleValue == 1234.5)
        #expect((cells["收入预算!C4"] as? NSNumber)?.doubleValue == 0.0015)
        #expect(formats["收入预算!B3"] == SampleWorkbook.amountFormat)
        #expect(formats["收入预算!A3"] == "General")
        #expect(cells["说明!A1"] as? String == SampleWorkbook.notes)
        #expect(merged["收入预算"] == ["A1:D1"])
        #expect(validations["收入预算"] == [["list", "\"是,否,说\"\"明\"\"\"", "D3:D10"]])
    }

    @Test(.enabled(if: openpyxlAvailable, "python3 with openpyxl is not installed"))
    func openpyxlReadsAWorkbookWrittenRowByRow() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-xlsx-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: file) }
        try StreamWriterTests.workbook(rows: 25, rowsPerSheet: 10).write(to: file)
        let script = """
            import json, sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1])
            ws = wb.worksheets[0]
            print(json.dumps({"sheets": wb.sheetnames, "a3": ws["A3"].value, "b3": ws["B3"].value, "c3": ws["C3"].value,
                              "format": ws["C3"].number_format, "freeze": ws.freeze_panes, "titles": ws.print_title_rows,
                              "landscape": ws.page_setup.orientation, "last": wb.worksheets[2]["A6"].value}, ensure_ascii=False))
            """
        let result = try Self.python(["-c", script, file.path])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: result.output) as? [String: Any])
        #expect(json["sheets"] as? [String] == ["支出明细", "支出明细（2）", "支出明细（3）", "数据字典"])
        #expect(json["a3"] as? String == "区民政局第2所属单位")
        #expect((json["b3"] as? NSNumber)?.intValue == 2025)
        #expect((json["c3"] as? NSNumber)?.doubleValue == 6.25)
        #expect(json["format"] as? String == "#,##0.00")
        #expect(json["freeze"] as? String == "A2")
        #expect(json["titles"] as? String == "$1:$1")
        #expect(json["landscape"] as? String == "landscape")
        #expect(json["last"] as? String == "区民政局第23所属单位")
    }

    private static func python(_ arguments: [String]) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, data)
    }
}
