import ArgumentParser
import Foundation
import GongkaiFiles
import GongkaiRules

/// `gongkai profiles`
struct ProfilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "profiles", abstract: "列出检查口径及其要求的表格和说明内容。")

    func run() throws {
        var lines: [String] = []
        for profile in try Profile.bundled() {
            lines.append("\(profile.id)：\(profile.title)")
            lines.append("  表格：" + profile.requiredTables.map(\.title).joined(separator: "、"))
            lines.append("  说明：" + profile.requiredSections.map(\.title).joined(separator: "、"))
            if let weights = profile.performanceWeights {
                lines.append("  绩效指标权重合计：\(weights.indicatorTotal)" + (weights.executionRateWeight.map { "（预算执行率权重 \($0) 另计）" } ?? ""))
            }
        }
        try StandardStream.output.write((lines.joined(separator: "\n") + "\n"))
    }
}
