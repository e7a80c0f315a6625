import ArgumentParser
import Foundation
import GongkaiFiles
import GongkaiReport
import GongkaiRules

/// `gongkai rules [ID]`
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "列出全部检查规则，或显示一条规则的说明和示例。")

    @Argument(help: "规则 ID，例如 hierarchy-sum。")
    var id: String?

    func run() throws {
        guard let id else {
            try StandardStream.output.write((RuleFormatter.list(RuleCatalog.all) + "\n" + RuleFormatter.list(budgetRules: BudgetRuleCatalog.all)))
            return
        }
        if let rule = BudgetRuleCatalog.rule(id) {
            try StandardStream.output.write(RuleFormatter.detail(rule))
            return
        }
        guard let rule = RuleCatalog.rule(id) else {
            try StandardStream.error.write("gongkai: 没有规则“\(id)”；用 `gongkai rules` 查看全部规则\n")
            throw ExitCode(2)
        }
        try StandardStream.output.write(RuleFormatter.detail(rule))
    }
}
