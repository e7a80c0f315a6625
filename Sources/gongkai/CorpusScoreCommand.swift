import ArgumentParser
import Foundation
import GongkaiFiles
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

    func run() throws {
        let regions = try CorpusScore.run(truthFolder: truth, corpus: corpus)
        try StandardStream.output.write(CorpusScore.format(regions))
    }
}
