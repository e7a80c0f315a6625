import ArgumentParser

/// The `gongkai` command: check published disclosures, list the rules, show what was read.
@main
struct Gongkai: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gongkai",
        abstract: "Gongkai（公开）：检查部门和单位预决算公开文件。",
        subcommands: [CheckCommand.self, ImportCommand.self, RulesCommand.self, ProfilesCommand.self, CatalogCommand.self],
        defaultSubcommand: CheckCommand.self)
}
