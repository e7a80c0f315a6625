import ArgumentParser
import Foundation
import GongkaiFiles
import GongkaiImport
import GongkaiReport

/// `gongkai import FILE`: show what Gongkai reads from a document.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "显示从文件中识别出的内容：单位、年度、目录、各表（类型、列、行）和说明段落。")

    @Argument(help: "文件路径。")
    var path: String

    @OptionGroup var pdfReader: PDFReaderOption

    @Flag(help: "以 JSON 输出（与 check --format json 的 tables 部分相同）。")
    var json = false

    @Flag(help: "列出识别前的版面行：页码、行号、是否为表格线围成的行、每个单元格的文字和横向位置（排查读错的表格）。")
    var layout = false

    @Option(help: "与 --layout 一起使用：只列出这一页。")
    var page: Int?

    func run() throws {
        do {
            let importer = DisclosureImporter(options: ImportOptions(pdfExtractor: pdfReader.extractor, ocr: pdfReader.ocr))
            if layout {
                try StandardStream.output.write(try importer.layoutListing(path: path, page: page))
                return
            }
            let disclosure = try importer.read(path: path)
            let text = json ? JSONReportFormatter.format(CheckReport(documents: [
                DocumentReport(path: path, status: .checked, disclosure: disclosure, diagnostics: [])])) : DisclosureFormatter.text(disclosure)
            try StandardStream.output.write(text)
        } catch {
            try StandardStream.error.write("gongkai: \(error)\n")
            throw ExitCode(2)
        }
    }
}
