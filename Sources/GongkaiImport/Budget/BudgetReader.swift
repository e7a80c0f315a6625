import Foundation
import GongkaiCore
import GongkaiFiles

/// A budget read from a file, with where each field came from when the file is a workbook.
public struct BudgetInput: Sendable {
    /// The budget.
    public var budget: Budget
    /// Workbook locations by field path (empty for JSON).
    public var sources: [String: SourceLocation]
}

/// Reads a budget from JSON or from a budget workbook (`gongkai template`), by file extension.
public enum BudgetReader {
    /// The budget in the file at `path`.
    public static func read(path: String) throws -> BudgetInput {
        let format = (path as NSString).pathExtension.lowercased()
        guard format == "json" || format == "xlsx" else {
            throw GongkaiError(.unsupportedFormat, "预算数据应为 .json 或 .xlsx（由 gongkai template 生成的填报表）", path: path)
        }
        // Only a regular file is opened: reading a pipe would wait forever.
        if let problem = InputFiles.problem(with: path) { throw problem }
        return format == "json" ? BudgetInput(budget: try BudgetJSONReader.read(contentsOf: path), sources: [:])
            : try BudgetWorkbookReader.read(contentsOf: path)
    }
}
