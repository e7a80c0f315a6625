import ArgumentParser
import Foundation

/// The `gongkai` command: check published disclosures, list the rules, show what was read.
@main
struct Gongkai: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongkai",
        abstract: "Gongkai（公开）：检查部门和单位预决算公开文件，并由预算数据生成公开文件。",
        subcommands: [CheckCommand.self, RenderCommand.self, TemplateCommand.self, ConsolidateCommand.self, ImportCommand.self, RulesCommand.self, ProfilesCommand.self,
                      CatalogCommand.self, BenchCommand.self, BenchRenderCommand.self],
        defaultSubcommand: CheckCommand.self)

    /// Runs the command; usage errors exit with 2, as documented, instead of ArgumentParser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { print(message) }
                Foundation.exit(0)
            }
            if !message.isEmpty { FileHandle.standardError.write(Data((message + "\n").utf8)) }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
