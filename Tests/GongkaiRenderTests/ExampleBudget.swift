import Foundation
import GongkaiCore
import GongkaiImport

/// The budgets kept in `examples/`.
enum ExampleBudget {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples")

    /// The seed unit's budget as data.
    static func laoganbu() throws -> Budget {
        try BudgetJSONReader.read(contentsOf: examples.appendingPathComponent("chongqing-laoganbu-2023-budget.json").path)
    }
}
