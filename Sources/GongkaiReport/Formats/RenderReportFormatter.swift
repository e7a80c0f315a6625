import GongkaiCore
import GongkaiRules

/// Formats the outcome of `gongkai render` for a terminal: the findings on the budget data, those on
/// the rendered package, and what was written — or why nothing was.
public enum RenderReportFormatter {
    /// The outcome as text.
    public static func format(_ outcome: RenderOutcome, minimumSeverity: Severity = .warning) -> String {
        var lines = ["== \(outcome.path)", "   \(outcome.document.title)；公开口径：\(outcome.profile.title)（\(outcome.profile.id)）；生成表格 \(outcome.document.tables.count) 张"]
        let budget = outcome.budgetDiagnostics.filter { $0.severity >= minimumSeverity }
        let output = outcome.outputDiagnostics.filter { $0.severity >= minimumSeverity }
        if !budget.isEmpty {
            lines.append("   预算数据的问题：")
            lines += budget.flatMap(TextReportFormatter.lines(for:))
        }
        if !output.isEmpty {
            lines.append("   生成结果的检查：")
            lines += output.flatMap(TextReportFormatter.lines(for:))
        }
        let errors = outcome.errors.count
        if outcome.written.isEmpty {
            lines.append("   未写出任何文件：发现 \(errors) 个错误。请修改预算数据后重试，或用 --allow-errors 强制生成（不建议公开）。")
        } else {
            if errors > 0 { lines.append("   注意：有 \(errors) 个错误，因指定了 --allow-errors 仍已生成。") }
            lines.append("   已写入：")
            lines += outcome.written.map { "     \($0)" }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
