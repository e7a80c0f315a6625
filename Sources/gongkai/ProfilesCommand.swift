import ArgumentParser
import Foundation
import GongkaiCore
import GongkaiFiles

/// `gongkai profiles`
struct ProfilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "profiles", abstract: "列出检查口径及其要求的表格和说明内容。")

    func run() throws {
        var lines: [String] = []
        for profile in try Profile.bundled() {
            lines.append("\(profile.id)：\(profile.title)")
            let scope = [profile.region ?? "全国", profile.kind?.chineseName ?? "预算和决算", profile.level?.chineseName ?? "部门和单位",
                         profile.years.map { "\($0.lowerBound)–\($0.upperBound)年" } ?? "各年度"]
            lines.append("  适用：" + scope.joined(separator: "，"))
            lines.append("  表格：" + profile.requiredTables.map(\.title).joined(separator: "、"))
            lines.append("  说明：" + profile.requiredSections.map(\.title).joined(separator: "、"))
            let names = profile.detection.nameKeywords.map { ["名称含" + $0.joined(separator: "、")] } ?? []
            if !(profile.detection.keywords.isEmpty && names.isEmpty) {
                lines.append("  识别：" + (profile.detection.keywords + names).joined(separator: "、"))
            }
            if let weights = profile.performanceWeights {
                lines.append("  绩效指标权重合计：\(weights.indicatorTotal)" + (weights.executionRateWeight.map { "（预算执行率权重 \($0) 另计）" } ?? ""))
            }
            if let layout = profile.render {
                lines.append("  可生成（gongkai render）：" + layout.tables.map(\.title).joined(separator: "、"))
            }
        }
        try StandardStream.output.write((lines.joined(separator: "\n") + "\n"))
    }
}
