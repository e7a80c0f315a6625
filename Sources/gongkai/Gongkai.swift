import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiFiles

/// The `gongkai` command: check published disclosures, list the rules, show what was read.
@main
struct Gongkai: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongkai",
        abstract: "Gongkai（公开）：检查部门和单位预决算公开文件，并由预算数据生成公开文件。",
        subcommands: [CheckCommand.self, RenderCommand.self, ServeCommand.self, SetupCommand.self, WorkerCommand.self, AuditCommand.self, BenchServeCommand.self, BenchChecksCommand.self, TemplateCommand.self, ConsolidateCommand.self, ImportCommand.self, RulesCommand.self, ProfilesCommand.self,
                      CatalogCommand.self, CorpusScoreCommand.self, BenchCommand.self, BenchRenderCommand.self, BenchBatchCommand.self, BenchPerturbCommand.self, BenchBoundsCommand.self],
        defaultSubcommand: CheckCommand.self)

    /// Runs the command. Usage errors exit with 2, as documented, instead of ArgumentParser's 64;
    /// a file or output that fails is reported in Chinese with exit status 2, never as a trap.
    static func main() {
        StandardStream.guardClosedStreams()
        Interruption.install()
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as GongkaiError {
            StandardStream.error.writeIfPossible("gongkai: \(error)\n")
            Interruption.exit(2)
        } catch {
            let code = exitCode(for: error)
            let message = UsageMessage.chinese(fullMessage(for: error))
            if code == .success {
                if !message.isEmpty {
                    do { try StandardStream.output.write(message + "\n") } catch {
                        StandardStream.error.writeIfPossible("gongkai: \(error)\n")
                        Interruption.exit(2)
                    }
                }
                Interruption.exit(0)
            }
            if !message.isEmpty { StandardStream.error.writeIfPossible(message + "\n") }
            Interruption.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}

/// ArgumentParser's usage errors, in Chinese (the usage lines after them stay as they are).
enum UsageMessage {
    private static let patterns: [(prefix: String, chinese: @Sendable (String) -> String)] = [
        ("Error: Missing expected argument ", { "错误：缺少参数 \($0)" }),
        ("Error: Missing value for ", { "错误：选项 \($0) 缺少值（负数或以 - 开头的值请写成 --选项=值）" }),
        ("Error: Unknown option ", { "错误：未知选项 \($0)" }),
        ("Error: Unexpected argument ", { "错误：多余的参数 \($0)" }),
        ("Error: Unexpected arguments ", { "错误：多余的参数 \($0)" }),
    ]

    /// `message` with its first line in Chinese when it is one of the usual usage errors.
    static func chinese(_ message: String) -> String {
        var lines = message.components(separatedBy: "\n")
        guard let first = lines.first else { return message }
        if let match = patterns.first(where: { first.hasPrefix($0.prefix) }) {
            lines[0] = match.chinese(String(first.dropFirst(match.prefix.count)))
        } else if first.hasPrefix("Error: The value "), let range = first.range(of: " is invalid for ") {
            let value = first[first.index(first.startIndex, offsetBy: "Error: The value ".count)..<range.lowerBound]
            let rest = first[range.upperBound...]
            lines[0] = "错误：\(rest) 的值 \(value) 无效"
        } else if first.hasPrefix("Error: ") {
            lines[0] = "错误：" + first.dropFirst("Error: ".count)
        }
        return lines.joined(separator: "\n")
    }
}
