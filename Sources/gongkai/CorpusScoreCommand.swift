import ArgumentParser
import Foundation
import GongkaiFiles
import GongkaiImport
import GongkaiReport

/// `gongkai corpus-score [TRUTH-FOLDER] [--corpus DIR]`
struct CorpusScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "corpus-score",
        abstract: "用人工阅读写成的真值文件评估检查结果：按地区列出读取的文件、识别的表格和科目行、每个文件的错误数、准确率和召回率。",
        discussion: "真值文件的格式见 docs/corpus-truth.md。")

    @Argument(help: "真值文件所在的文件夹。")
    var truth = "Tests/CorpusTruth"

    @Option(help: "真值文件中 document 路径的根文件夹。")
    var corpus = "../shared/corpus"

    @OptionGroup var pdfReader: PDFReaderOption

    @Option(name: .customLong("require-precision"), help: "全部文件的准确率低于此值（0–1）时以状态 1 退出（CI 用来防止退步）。")
    var requiredPrecision: Double?

    @Option(name: .customLong("require-recall"), help: "全部文件的召回率低于此值（0–1）时以状态 1 退出。")
    var requiredRecall: Double?

    @Option(name: .customLong("max-median-errors"), help: "每个文件错误数的中位数高于此值时以状态 1 退出。")
    var maximumMedianErrors: Double?

    func validate() throws {
        for value in [requiredPrecision, requiredRecall].compactMap({ $0 }) where !(0...1).contains(value) {
            throw ValidationError("准确率和召回率的要求应在 0 到 1 之间，收到 \(value)")
        }
        if let maximumMedianErrors, maximumMedianErrors < 0 { throw ValidationError("--max-median-errors 不能为负数") }
    }

    func run() throws {
        let runner = CheckRunner(options: CheckOptions(importOptions: ImportOptions(pdfExtractor: pdfReader.extractor, ocr: pdfReader.ocr)))
        let regions = try CorpusScore.run(truthFolder: truth, corpus: corpus, runner: runner)
        try StandardStream.output.write(CorpusScore.format(regions))
        let all = CorpusScore.Region(name: "all", documents: regions.flatMap(\.documents))
        var shortfalls: [String] = []
        let misdetected = all.documents.filter { !$0.profileAsExpected }
        if !misdetected.isEmpty {
            shortfalls.append("\(misdetected.count) 个文件的检查口径与真值不符（\(misdetected.map(\.document).joined(separator: "、"))）")
        }
        if let requiredPrecision, (all.precision ?? 1) < requiredPrecision {
            shortfalls.append("准确率 \(percent(all.precision)) 低于要求的 \(percent(requiredPrecision))")
        }
        if let requiredRecall, (all.recall ?? 1) < requiredRecall {
            shortfalls.append("召回率 \(percent(all.recall)) 低于要求的 \(percent(requiredRecall))")
        }
        if let maximumMedianErrors, all.medianErrors > maximumMedianErrors {
            shortfalls.append("每个文件错误数的中位数 \(all.medianErrors) 高于允许的 \(maximumMedianErrors)")
        }
        guard shortfalls.isEmpty else {
            try StandardStream.error.write("gongkai corpus-score: " + shortfalls.joined(separator: "；") + "\n")
            throw ExitCode(1)
        }
    }

    private func percent(_ value: Double?) -> String { value.map { String(format: "%.1f%%", $0 * 100) } ?? "—" }
}
