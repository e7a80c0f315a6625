import Foundation
import GongkaiCore
import GongkaiImport
import GongkaiRender
import GongkaiRules
import GongkaiTestSupport

/// The example budgets.
extension TestFiles {
    static let laoganbu = example("chongqing-laoganbu-2023-budget.json")
    static let eldercare = example("shanghai-civil-affairs-2025/eldercare-centre.json")
    static let bureau = example("shanghai-civil-affairs-2025/bureau.json")
    static let finalAccounts = example("shanghai-civil-affairs-2024-final-accounts.json")
}

/// A budget example rendered with its profile.
struct RenderedExample {
    let budget: Budget
    let profile: Profile
    let catalog: Catalog
    let document: RenderedDocument

    init(_ path: String, profile id: String) throws {
        budget = try BudgetJSONReader.read(contentsOf: path)
        profile = try Profile.named(id)
        catalog = try Catalog.bundled(year: budget.year)
        document = DisclosureRenderer(profile: try RenderProfile.named(id), catalog: catalog).render(budget)
    }

    static let laoganbu = Result { try RenderedExample(TestFiles.laoganbu, profile: "chongqing-unit-budget") }
    static let eldercare = Result { try RenderedExample(TestFiles.eldercare, profile: "shanghai-unit-budget") }
    static let finalAccounts = Result { try RenderedExample(TestFiles.finalAccounts, profile: "shanghai-department-final-accounts") }

    /// Every example with its profile.
    static var all: [RenderedExample] { [laoganbu, eldercare, finalAccounts].compactMap { try? $0.get() } }
}

/// The amounts of a table's code rows, by code, in column order (blank cells as zero).
enum CodeRows {
    /// From a table read back by the importer.
    static func read(_ table: DisclosureTable) -> [String: [Amount]] {
        let keys = table.columns.compactMap(\.key)
        var rows: [String: [Amount]] = [:]
        for row in table.rows {
            guard let code = row.code else { continue }
            rows[code.digits] = keys.map { row.values[$0]?.amount ?? .zero }
        }
        return rows
    }

    /// From a rendered table: what its rows print, rounded to the table's unit. Split codes (208 | 05 |
    /// 05) join into one; a row of a two-sided table (30101 … | 30201 …) gives one entry per side.
    static func rendered(_ table: RenderedTable) -> [String: [Amount]] {
        var rows: [String: [Amount]] = [:]
        for row in table.rows {
            var code = ""
            var amountsSinceCode = false
            for cell in row.cells {
                switch cell.content {
                case .code(let digits):
                    code = digits.count == 2 && !code.isEmpty && !amountsSinceCode ? code + digits : digits
                    amountsSinceCode = false
                case .amount(let amount) where !code.isEmpty:
                    rows[code, default: []].append(amount.rounded(to: table.moneyUnit, decimals: table.decimals))
                    amountsSinceCode = true
                default:
                    break
                }
            }
        }
        return rows
    }

    /// The amounts of each code without the zeros (blank and zero cells print alike).
    static func nonZero(_ rows: [String: [Amount]]) -> [String: [Amount]] { rows.mapValues { $0.filter { !$0.isZero } } }
}

/// What a reader sees of an HTML page.
enum HTMLText {
    /// `html` with its tags removed (entities left as written).
    static func visible(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
    }
}
