import Foundation
import GongkaiTestSupport
import GongkaiXLSX
import Testing
import ZIPFoundation

/// The workbook written row by row: what comes out, read back by this project's reader and by
/// ZIPFoundation, is what went in, across sheets continued when a table is longer than a sheet.
@Suite struct StreamWriterTests {
    static let columns = [
        XLSXStreamWriter.Column("单位", width: 30),
        XLSXStreamWriter.Column("年度", width: 8, kind: .number),
        XLSXStreamWriter.Column("金额（元）", width: 16, kind: .amount),
    ]

    /// Row `index` of the test table: Chinese text, text that looks like a formula, an empty amount.
    static func row(_ index: Int) -> [String] {
        [index % 7 == 0 ? "=SUM(A1) 第\(index)行 <&>" : "区民政局第\(index)所属单位", "2025", index % 5 == 0 ? "" : "\(index * 3).\(index % 10)5"]
    }

    static func workbook(rows: Int, rowsPerSheet: Int) throws -> Data {
        let writer = XLSXStreamWriter(rowsPerSheet: rowsPerSheet)
        var bytes = try writer.beginTable("支出明细", columns: columns)
        for index in 1...rows { bytes += try writer.append(row(index)) }
        bytes += try writer.beginTable("数据字典", columns: [.init("列", width: 12), .init("含义", width: 40)])
        bytes += try writer.append(["金额（元）", "金额，单位元"])
        bytes += try writer.finish()
        return Data(bytes)
    }

    @Test func aTableLongerThanASheetGoesOnInNamedSheetsWithItsHeader() throws {
        let workbook = try XLSXReader.read(data: try Self.workbook(rows: 25, rowsPerSheet: 10))
        #expect(workbook.sheets.map(\.name) == ["支出明细", "支出明细（2）", "支出明细（3）", "数据字典"])
        var rows: [[String]] = []
        for sheet in workbook.sheets.prefix(3) {
            let byRow = Dictionary(grouping: sheet.cells, by: \.row)
            #expect(byRow[1]?.sorted { $0.column < $1.column }.map(\.value.displayText) == Self.columns.map(\.name))
            for number in byRow.keys.sorted() where number > 1 {
                let cells = byRow[number] ?? []
                rows.append((1...3).map { column in cells.first { $0.column == column }?.value.displayText ?? "" })
            }
        }
        #expect(rows == (1...25).map(Self.row))
        let amount = try #require(workbook.sheets[0].cells.first { $0.row == 2 && $0.column == 3 })
        #expect(amount.value == .number("3.15") && amount.numberFormat == "#,##0.00")
        #expect(workbook.sheets[0].cells.first { $0.row == 8 && $0.column == 1 }?.value == .text("=SUM(A1) 第7行 <&>"))
        #expect(workbook.sheets[3].cells.map(\.value.displayText) == ["列", "含义", "金额（元）", "金额，单位元"])
    }

    @Test func aLongSheetIsDeflatedAcrossManyChunksAndChecksOut() throws {
        let data = try Self.workbook(rows: 40_000, rowsPerSheet: 1_048_576)
        let archive = try Archive(data: data, accessMode: .read)
        let sheet = try #require(archive["xl/worksheets/sheet1.xml"])
        #expect(sheet.uncompressedSize > 3_000_000 && sheet.compressedSize < sheet.uncompressedSize / 5)
        var inflated = Data()
        _ = try archive.extract(sheet, skipCRC32: false) { inflated.append($0) }
        #expect(inflated.count == Int(sheet.uncompressedSize))
        let cells = try #require(XLSXReader.read(data: data).sheets.first?.cells)
        #expect(cells.filter { $0.row == 40_000 }.map(\.value.displayText) == Self.row(39_999))
    }

    @Test func eachEntryIsFollowedByADataDescriptorThatAgreesWithTheDirectory() throws {
        // A reader that streams the archive from its start (no central directory yet) relies on these.
        let data = try Self.workbook(rows: 300, rowsPerSheet: 100)
        let archive = try Archive(data: data, accessMode: .read)
        let bytes = [UInt8](data)
        func u32(_ at: Int) -> UInt32 { (0..<4).reduce(UInt32(0)) { $0 | UInt32(bytes[at + $1]) << (8 * UInt32($1)) } }
        func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
        var offset = 0
        var names: [String] = []
        while u32(offset) == 0x0403_4B50 {
            #expect(u16(offset + 6) == 0x0808)
            let nameLength = u16(offset + 26)
            let name = String(decoding: bytes[(offset + 30)..<(offset + 30 + nameLength)], as: UTF8.self)
            let entry = try #require(archive[name])
            let descriptor = offset + 30 + nameLength + Int(entry.compressedSize)
            #expect(u32(descriptor) == 0x0807_4B50)
            #expect(u32(descriptor + 4) == entry.checksum)
            #expect(u32(descriptor + 8) == UInt32(entry.compressedSize) && u32(descriptor + 12) == UInt32(entry.uncompressedSize))
            names.append(name)
            offset = descriptor + 16
        }
        #expect(names.count == Array(archive).count && names.count == 4 + 1 + 7)
        #expect(u32(offset) == 0x0201_4B50)
    }

    @Test func textWithControlCharactersAndEscapeLookalikesReadsBackAsWritten() throws {
        let texts = ["第一行\r\n第二行", "制表\t符与\u{1}控制符", "_x0041_ 不是 A", "  前后空格  "]
        let writer = XLSXStreamWriter()
        var bytes = try writer.beginTable("文字", columns: [.init("文字", width: 20)])
        for text in texts { bytes += try writer.append([text]) }
        bytes += try writer.finish()
        let cells = try #require(XLSXReader.read(data: Data(bytes)).sheets.first?.cells)
        #expect(cells.dropFirst().map(\.value) == texts.map { .text($0) })
        #expect(throws: XLSXError.self) { try writer.append(["结束后"]) }
    }

    @Test func aCellThatIsNotWhatItsColumnHoldsIsRefusedByItsReference() throws {
        let writer = XLSXStreamWriter()
        _ = try writer.beginTable("支出明细", columns: Self.columns)
        _ = try writer.append(Self.row(1))
        #expect(throws: XLSXError.self) { try writer.append(["某单位", "二〇二五", "1.00"]) }
        do {
            _ = try writer.append(["某单位", "2025", "1,000.00"])
            Issue.record("an amount with a thousands separator was written as a number")
        } catch let error as XLSXError {
            #expect(error.message.contains("C3") && error.message.contains("1,000.00"))
        }
        #expect(throws: XLSXError.self) { try writer.append(["某单位"]) }
        let empty = XLSXStreamWriter()
        #expect(throws: XLSXError.self) { try empty.finish() }
    }

    @Test(.enabled(if: TestFiles.hasLibreOffice, "libreoffice is not installed (.ci/run installs libreoffice-calc-nogui); skipped"))
    func libreOfficeReadsEverySheetOfAStreamedWorkbook() throws {
        let folder = try TestFiles.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("streamed.xlsx")
        try Self.workbook(rows: 25, rowsPerSheet: 10).write(to: file)
        // Sheet -1: every sheet to its own CSV, named after the sheet.
        let result = TestFiles.run("/usr/bin/libreoffice", ["-env:UserInstallation=\(folder.appendingPathComponent("lo-profile").absoluteString)",
                                                            "--headless", "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                                                            "--outdir", folder.path, file.path])
        #expect(result.status == 0)
        let third = try String(contentsOf: folder.appendingPathComponent("streamed-支出明细（3）.csv"), encoding: .utf8)
        #expect(third.split(separator: "\n").first == "单位,年度,金额（元）")
        #expect(third.contains("区民政局第23所属单位,2025,69.35"))
        let dictionary = try String(contentsOf: folder.appendingPathComponent("streamed-数据字典.csv"), encoding: .utf8)
        #expect(dictionary.contains("金额（元）,金额，单位元"))
    }
}
