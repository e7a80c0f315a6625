import Foundation
import GongkaiCore
import GongkaiFiles
import GongkaiXLSX

/// Measures how each reader's time and memory grow with its input (`gongkai bench-bounds`): for every
/// family of oversized input — the shapes that were once quadratic or unbounded — it writes the input
/// at 1×, 2×, 4× and 8× its base size, checks it in a child `gongkai check` and reads the child's wall
/// time and peak memory. Numbers go to BENCHMARKS.md; nothing here is asserted by tests.
public enum BoundsBenchmark {
    /// A family of inputs that grow with a scale.
    public struct Family: Sendable {
        /// Its name in the table.
        public var name: String
        /// What one unit of scale is.
        public var unit: String
        /// The file extension of its inputs.
        var fileExtension: String
        /// The input at a scale.
        var make: @Sendable (Int) throws -> Data
    }

    /// One measured input.
    public struct Result: Sendable {
        /// The family.
        public var family: String
        /// The scale (1, 2, 4, 8).
        public var scale: Int
        /// Bytes of the input file.
        public var bytes: Int
        /// Wall-clock seconds of the child check.
        public var seconds: Double
        /// The child's peak resident memory, MiB.
        public var peakMemoryMiB: Double
        /// “checked”, or the reason it was refused.
        public var outcome: String
    }

    /// The families measured.
    public static let families: [Family] = [
        Family(name: "text, one long line of amounts", unit: "1 MB", fileExtension: "txt") { scale in
            Data(String(repeating: "预算支出123.45万元，", count: 45_590 * scale).utf8)
        },
        Family(name: "text, short unpunctuated lines", unit: "0.76 MB", fileExtension: "txt") { scale in
            Data(String(repeating: "预算支出说明文字没有句号\n\n", count: 20_000 * scale).utf8)
        },
        Family(name: "text, a tab-separated table", unit: "9,000 rows", fileExtension: "txt") { scale in
            var text = "2024年部门预算\n\n一、一般公共预算支出表\n单位：万元\n科目\t合计\t基本支出\t项目支出\n"
            for row in 0..<(9_000 * scale) {
                text += "\(2_010_101 + row % 90) 支出项目\(row)\t\(row % 1_000).\(row % 90 + 10)\t\(row % 700).00\t\(row % 300).00\n"
            }
            return Data(text.utf8)
        },
        Family(name: "PDF, pages of number lines", unit: "10 pages of 100 × 100 numbers", fileExtension: "pdf") { scale in
            numberPagesPDF(pages: 10 * scale, rows: 100, columns: 100)
        },
        Family(name: "XLSX, rows of a table", unit: "5,000 rows × 5 cells", fileExtension: "xlsx") { scale in
            try workbook(rows: 5_000 * scale, padding: 0)
        },
        Family(name: "XLSX, a sheet that inflates", unit: "32 MB inflated (2,000 rows)", fileExtension: "xlsx") { scale in
            try workbook(rows: 2_000 * scale, padding: 16_000)
        },
        Family(name: "XLSX, a million rows", unit: "131,072 rows × 5 cells", fileExtension: "xlsx") { scale in
            try workbook(rows: 131_072 * scale, padding: 0)
        },
    ]

    /// Measures every family whose name contains `filter` (all when nil) at `scales`, with the
    /// `gongkai` executable at `executable`.
    public static func run(executable: String, scales: [Int], filter: String?,
                           progress: (Result) throws -> Void) throws {
        try TemporaryFolder.with(suffix: "-bounds") { folder in
            for family in families where filter.map({ family.name.contains($0) }) ?? true {
                try measure(family, scales: scales, in: folder, executable: executable, progress: progress)
            }
        }
    }

    /// Measures `family` at `scales`, its inputs written into `folder` one at a time.
    private static func measure(_ family: Family, scales: [Int], in folder: URL, executable: String,
                                progress: (Result) throws -> Void) throws {
        for scale in scales {
            let input = folder.appendingPathComponent("input-\(scale).\(family.fileExtension)")
            let data = try family.make(scale)
            try data.write(to: input)
            let report = folder.appendingPathComponent("report.txt")
            let measured = try ChildProcessMeasurement.measure(executable: executable, arguments: ["check", input.path], output: report.path)
            let text = (try? String(contentsOf: report, encoding: .utf8)) ?? ""
            try progress(Result(family: family.name, scale: scale, bytes: data.count, seconds: measured.seconds,
                                peakMemoryMiB: measured.peakMiB, outcome: outcome(of: text)))
            try? FileManager.default.removeItem(at: input)
        }
    }

    /// “checked”, or the start of the refusal's reason.
    private static func outcome(of report: String) -> String {
        guard let range = report.range(of: "无法读取：") else { return "checked" }
        let reason = report[range.upperBound...].prefix { $0 != "\n" && $0 != "；" }
        return "refused: " + reason.prefix(60)
    }

    /// A PDF of `pages` pages sharing one content stream of `rows` × `columns` two-digit numbers in
    /// 3 pt Helvetica: a few KB that extract to hundreds of thousands of words.
    static func numberPagesPDF(pages: Int, rows: Int, columns: Int) -> Data {
        var content = "BT /F1 3 Tf\n"
        for row in 0..<rows {
            content += "1 0 0 1 10 \(830 - row * 8) Tm\n"
            content += (0..<columns).map { "(\((row * columns + $0) % 100)) Tj 5.8 0 Td" }.joined(separator: " ") + "\n"
        }
        content += "ET"
        var objects = ["<< /Type /Catalog /Pages 2 0 R >>", "",
                       "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
                       "<< /Length \(content.utf8.count) >>\nstream\n\(content)\nendstream"]
        let kids = (0..<pages).map { "\(objects.count + 1 + $0) 0 R" }
        objects[1] = "<< /Type /Pages /Kids [\(kids.joined(separator: " "))] /Count \(pages) >>"
        for _ in 0..<pages {
            objects.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>")
        }
        var pdf = "%PDF-1.7\n"
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(pdf.utf8.count)
            pdf += "\(index + 1) 0 obj\n\(object)\nendobj\n"
        }
        let xref = pdf.utf8.count
        pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { pdf += String(format: "%010d 00000 n \n", offset) }
        pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return Data(pdf.utf8)
    }

    /// A one-sheet workbook: a titled 一般公共预算支出表 with `rows` rows of code, name and three
    /// amounts, each row followed by `padding` spaces (which inflate the sheet and hold no cells).
    static func workbook(rows: Int, padding: Int) throws -> Data {
        func text(_ reference: String, _ value: String) -> String { "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(value)</t></is></c>" }
        var sheet = Data(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
            + "<row r=\"1\">" + text("A1", "2024年一般公共预算支出表") + "</row><row r=\"2\">" + text("A2", "单位：万元") + "</row>"
            + "<row r=\"3\">" + text("A3", "科目编码") + text("B3", "科目名称") + text("C3", "合计") + text("D3", "基本支出") + text("E3", "项目支出") + "</row>").utf8)
        let spaces = Data(repeating: 0x20, count: padding)
        for row in 4..<(rows + 4) {
            let amounts = ["C", "D", "E"].map { "<c r=\"\($0)\(row)\"><v>\(row % 1_000).\(row % 90 + 10)</v></c>" }.joined()
            sheet.append(Data(("<row r=\"\(row)\">" + text("A\(row)", String(2_010_101 + row % 90)) + text("B\(row)", "支出\(row)") + amounts + "</row>").utf8))
            sheet.append(spaces)
        }
        sheet.append(Data("</sheetData></worksheet>".utf8))
        let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let package = "http://schemas.openxmlformats.org/package/2006/relationships"
        return try XLSXPartPacker.archive([
            ("[Content_Types].xml", Data(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>").utf8)),
            ("_rels/.rels", Data(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"\(package)\"><Relationship Id=\"rId1\" "
                + "Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>").utf8)),
            ("xl/workbook.xml", Data(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheets>"
                + "<sheet name=\"一般公共预算支出表\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>").utf8)),
            ("xl/_rels/workbook.xml.rels", Data(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"\(package)\"><Relationship Id=\"rId1\" "
                + "Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>").utf8)),
            ("xl/worksheets/sheet1.xml", sheet),
        ])
    }
}
