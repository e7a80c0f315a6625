import ArgumentParser
import Foundation
import GongkaiImport
import GongkaiReport
import GongkaiRules

/// `gongkai check PATH...`
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "检查预决算公开文件（PDF、XLSX、文本），列出每个问题及其位置。",
        discussion: "退出码：0 = 未发现错误；1 = 发现错误；2 = 有文件无法读取或用法错误（其余文件照常检查）。")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv
        case checklistXLSX = "checklist-xlsx"
    }

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

    @Option(name: .customLong("max-file-size"), help: "单个文件大小上限（MB）。")
    var maxFileSize: Int = 100

    @Option(name: [.short, .long], help: "输出到文件（checklist-xlsx 必须指定）。")
    var output: String?

    mutating func validate() throws {
        if format == .checklistXLSX, output == nil {
            throw ValidationError("checklist-xlsx 格式需要 --output 指定输出的 .xlsx 文件")
        }
    }

    func run() throws {
        let options = CheckOptions(profile: profile, catalogPath: catalog, minimumSeverity: minSeverity,
                                   importOptions: ImportOptions(maxFileSize: maxFileSize * 1_048_576))
        let report: CheckReport
        do {
            report = try CheckRunner(options: options).run(paths: paths)
        } catch {
            FileHandle.standardError.write(Data("gongkai: \(error)\n".utf8))
            throw ExitCode(2)
        }
        switch format {
        case .text: try emit(TextReportFormatter.format(report))
        case .json: try emit(JSONReportFormatter.format(report))
        case .csv: try emit(CSVReportFormatter.format(report))
        case .checklistXLSX:
            let data = try ChecklistWorkbookWriter.workbook(report)
            try write(data, to: output ?? "")
            FileHandle.standardError.write(Data("检查表已写入 \(output ?? "")\n".utf8))
        }
        for document in report.documents where document.status == .unreadable && format != .text {
            FileHandle.standardError.write(Data("gongkai: \(document.path): \(document.error?.message ?? "无法读取")\n".utf8))
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }

    private func emit(_ text: String) throws {
        if let output {
            try write(Data(text.utf8), to: output)
        } else {
            FileHandle.standardOutput.write(Data(text.utf8))
        }
    }

    private func write(_ data: Data, to path: String) throws {
        do {
            // Write beside, then move: a failed run never leaves a half-written report.
            let url = URL(fileURLWithPath: path)
            let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
            try data.write(to: temporary)
            if FileManager.default.fileExists(atPath: path) { _ = try FileManager.default.replaceItemAt(url, withItemAt: temporary) }
            else { try FileManager.default.moveItem(at: temporary, to: url) }
        } catch {
            FileHandle.standardError.write(Data("gongkai: 无法写入 \(path)：\(error.localizedDescription)\n".utf8))
            throw ExitCode(2)
        }
    }
}

extension Severity: ExpressibleByArgument {}
