import ArgumentParser
import Foundation
import GongkaiReport
import GongkaiRules

/// `gongkai rules [ID]`
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "rules", abstract: "列出全部检查规则，或显示一条规则的说明和示例。")

    @Argument(help: "规则 ID，例如 hierarchy-sum。")
    var id: String?

    func run() throws {
        guard let id else {
            FileHandle.standardOutput.write(Data((RuleFormatter.list(RuleCatalog.all) + "\n" + RuleFormatter.list(budgetRules: BudgetRuleCatalog.all)).utf8))
            return
        }
        if let rule = BudgetRuleCatalog.rule(id) {
            FileHandle.standardOutput.write(Data(RuleFormatter.detail(rule).utf8))
            return
        }
        guard let rule = RuleCatalog.rule(id) else {
            FileHandle.standardError.write(Data("gongkai: 没有规则“\(id)”；用 `gongkai rules` 查看全部规则\n".utf8))
            throw ExitCode(2)
        }
        FileHandle.standardOutput.write(Data(RuleFormatter.detail(rule).utf8))
    }
}
