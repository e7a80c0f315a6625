import Foundation
import GongkaiCore
import GongkaiImport
import GongkaiRender
import GongkaiRules

/// Test inputs and tools: the repository's example budgets, the shared corpus beside the
/// repository, and the programs some tests need (skipped, with a reason, when absent).
enum TestFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    static var hasCorpus: Bool { FileManager.default.fileExists(atPath: corpus.appendingPathComponent("README.md").path) }
    static var hasPdftotext: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") }
    static var hasChromium: Bool { ["chromium", "chromium-browser", "google-chrome"].contains { FileManager.default.isExecutableFile(atPath: "/usr/bin/\($0)") } }
    static var hasLibreOffice: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/libreoffice") }
    static var hasOpenpyxl: Bool { run("/usr/bin/env", ["python3", "-c", "import openpyxl"]).status == 0 }

    static func example(_ name: String) -> String { root.appendingPathComponent("examples/\(name)").path }
    static let laoganbu = example("chongqing-laoganbu-2023-budget.json")
    static let eldercare = example("shanghai-civil-affairs-2025/eldercare-centre.json")
    static let bureau = example("shanghai-civil-affairs-2025/bureau.json")
    static let finalAccounts = example("shanghai-civil-affairs-2024-final-accounts.json")

    static func corpus(_ prefix: String) -> String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.sorted().first { $0.hasPrefix(prefix) }.map { corpus.appendingPathComponent($0).path }
    }

    /// A new empty folder under the temporary directory.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-render-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs a program and returns its status and output.
    @discardableResult
    static func run(_ executable: String, _ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = Pipe()
        do { try process.run() } catch { return (-1, "") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
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
