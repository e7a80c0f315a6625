import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiFiles
import GongkaiImport
import GongkaiReport
import GongkaiRules

/// `gongkai check PATH...`
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "检查预决算公开文件（PDF、XLSX、文本），列出每个问题及其位置。",
        discussion: "退出码：0 = 未发现错误；1 = 发现错误；2 = 有文件无法读取、无法写出报告或用法错误（其余文件照常检查）。")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv
        case checklistXLSX = "checklist-xlsx"
    }

    /// The largest `--max-file-size`, in MB.
    static let maxFileSizeLimit = 102_400

    @Argument(help: "要检查的文件或文件夹（文件夹会递归查找 .pdf .xlsx .txt .md）。")
    var paths: [String]

    @Option(help: "输出格式：text、json、csv、checklist-xlsx（检查表，需 --output）。")
    var format: Format = .text

    @Option(help: "检查口径（不指定则自动识别）。用 `gongkai profiles` 查看可用口径。")
    var profile: String?

    @Option(help: "用 CSV 分类科目文件（code,name[,level,scheme,status,evidence]）替换内置目录的相应部分。")
    var catalog: String?

    @Option(name: .customLong("min-severity"), help: "只报告不低于该级别的问题：info、warning、error。")
    var minSeverity: Severity = .info

    @Option(name: .customLong("max-file-size"), help: "单个文件大小上限（MB，1–\(maxFileSizeLimit)）。")
    var maxFileSize: Int = 100

    @Option(help: "每个文件读取与检查的时限（秒，1–86400）；超时的文件报告为无法读取，其余文件照常检查。")
    var timeout: Double = 300

    @Option(name: [.short, .long], help: "输出到文件（checklist-xlsx 必须指定）。不能是文件夹、要检查的文件或要检查的文件夹之内。")
    var output: String?

    @OptionGroup var pdfReader: PDFReaderOption

    mutating func validate() throws {
        if format == .checklistXLSX, output == nil {
            throw ValidationError("checklist-xlsx 格式需要 --output 指定输出的 .xlsx 文件")
        }
        guard (1...86_400).contains(timeout) else {
            throw ValidationError("--timeout 应在 1 到 86400 秒之间，现为 \(timeout)")
        }
        guard (1...Self.maxFileSizeLimit).contains(maxFileSize) else {
            throw ValidationError("--max-file-size 应在 1 到 \(Self.maxFileSizeLimit) 之间（单位 MB），现为 \(maxFileSize)")
        }
    }

    func run() throws {
        let options = CheckOptions(profile: profile, catalogPath: catalog, minimumSeverity: minSeverity,
                                   importOptions: ImportOptions(maxFileSize: maxFileSize * 1_048_576, pdfExtractor: pdfReader.extractor, ocr: pdfReader.ocr),
                                   timeout: timeout)
        let runner = CheckRunner(options: options)
        // Refuse a bad --output before reading anything, and write the report beside it first.
        let target = try output.map { try OutputTarget.reportFile($0, inputs: paths) }
        let summary: CheckSummary
        if let streamFormat = format.streamFormat {
            let staged = try target.map { try StagedFile(replacing: $0) }
            var stream = ReportStream(format: streamFormat) { text in
                if let staged { try staged.write(text) } else { try StandardStream.output.write(text) }
            }
            try stream.begin()
            summary = try runner.run(paths: paths) { document in
                try stream.add(document)
                if format != .text || staged != nil { try reportUnreadable(document) }
            }
            try stream.finish(summary)
            try staged?.commit()
            if let output { try StandardStream.error.write("报告已写入 \(output)\n") }
        } else {
            var documents: [ChecklistDocument] = []
            let dimensions = try DimensionMap.standard()
            summary = try runner.run(paths: paths) { document in
                documents.append(ChecklistDocument(document, dimensions: dimensions))
                try reportUnreadable(document)
            }
            let data: Data
            do {
                data = try ChecklistWorkbookWriter.workbook(documents)
            } catch {
                throw GongkaiError(.writeFailed, "无法生成检查表：\(error)", path: output)
            }
            if let target, let output {
                try AtomicFile.write(data, to: target)
                try StandardStream.error.write("检查表已写入 \(output)\n")
            }
        }
        if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
    }

    /// A file that could not be read is named on standard error when the report goes elsewhere.
    private func reportUnreadable(_ document: DocumentReport) throws {
        guard document.status == .unreadable else { return }
        try StandardStream.error.write("gongkai: \(document.path): \(document.error?.message ?? "无法读取")\n")
    }
}

extension CheckCommand.Format {
    /// The streamed report of this format; nil for the checklist workbook, which is written whole.
    var streamFormat: ReportStream.Format? {
        switch self {
        case .text: .text
        case .json: .json
        case .csv: .csv
        case .checklistXLSX: nil
        }
    }
}

extension Severity: ExpressibleByArgument {}
