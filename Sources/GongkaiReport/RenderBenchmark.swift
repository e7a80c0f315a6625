import Foundation
import GongkaiCore
import GongkaiImport
import GongkaiRender
import GongkaiRules

/// Measures `gongkai render` (`gongkai bench-render`): many generated unit budgets rendered to HTML
/// and XLSX through the whole pipeline, and PDF printing with one Chromium kept for many documents
/// against a fresh Chromium per document. Numbers go to BENCHMARKS.md; nothing here is asserted.
public enum RenderBenchmark {
    /// The measurements.
    public struct Result: Sendable {
        /// Budgets rendered.
        public var budgets: Int
        /// Seconds for budget rules + render + check of the output + writing HTML and XLSX, all budgets.
        public var pipelineSeconds: Double
        /// The same on all processor cores (`render` with several budgets).
        public var concurrentPipelineSeconds: Double
        /// Seconds for rendering and writing the two formats alone (no rules), all budgets.
        public var renderOnlySeconds: Double
        /// Milliseconds for the first PDF (Chromium start included).
        public var firstPDFMilliseconds: Double?
        /// Median milliseconds per further PDF with the same Chromium.
        public var reusedPDFMilliseconds: Double?
        /// Median milliseconds per PDF with a new `chromium --print-to-pdf` process each time.
        public var freshProcessPDFMilliseconds: Double?
    }

    /// Renders `count` budgets varied from `bases` (amounts scaled 1.00–1.49, names numbered) and
    /// prints `pdfs` PDFs; files go to a temporary folder that is removed afterwards.
    public static func run(bases: [(budget: Budget, profile: String)], count: Int, pdfs: Int) throws -> Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let budgets = (0..<count).map { index in (variant(of: bases[index % bases.count].budget, number: index), bases[index % bases.count].profile) }
        var start = DispatchTime.now().uptimeNanoseconds
        for (index, (budget, profile)) in budgets.enumerated() {
            let options = RenderOptions(profile: profile, formats: [.html, .xlsx], outputDirectory: folder.appendingPathComponent("s\(index % 50)").path)
            try expectClean(try RenderRunner(options: options).render(budget, path: "generated-\(index)"), index)
        }
        let pipeline = seconds(since: start)
        start = DispatchTime.now().uptimeNanoseconds
        for profile in Set(budgets.map(\.1)) {
            let options = RenderOptions(profile: profile, formats: [.html, .xlsx], outputDirectory: folder.appendingPathComponent("c-\(profile)").path)
            let jobs = budgets.enumerated().filter { $0.element.1 == profile }.map { (budget: $0.element.0, path: "generated-\($0.offset)") }
            for (index, result) in RenderRunner(options: options).render(budgets: jobs).enumerated() { try expectClean(try result.get(), index) }
        }
        let concurrentPipeline = seconds(since: start)
        start = DispatchTime.now().uptimeNanoseconds
        var catalogs: [Int: Catalog] = [:]
        for (index, (budget, profile)) in budgets.enumerated() {
            let catalog = try catalogs[budget.year] ?? Catalog.bundled(year: budget.year)
            catalogs[budget.year] = catalog
            let document = DisclosureRenderer(profile: try RenderProfile.named(profile), catalog: catalog).render(budget)
            let base = folder.appendingPathComponent("r\(index)")
            try Data(HTMLWriter.html(document).utf8).write(to: base.appendingPathExtension("html"))
            try WorkbookWriter.workbook(document).write(to: base.appendingPathExtension("xlsx"))
        }
        var result = Result(budgets: count, pipelineSeconds: pipeline, concurrentPipelineSeconds: concurrentPipeline,
                            renderOnlySeconds: seconds(since: start))
        guard pdfs > 0 else { return result }
        let documents = try budgets.prefix(pdfs).map { budget, profile in
            DisclosureRenderer(profile: try RenderProfile.named(profile), catalog: try Catalog.bundled(year: budget.year)).render(budget)
        }
        let htmls = documents.map { HTMLWriter.html($0) }
        let printer = try PDFPrinter()
        defer { printer.close() }
        var times: [Double] = []
        for document in documents {
            let begin = DispatchTime.now().uptimeNanoseconds
            _ = try printer.pdf(document)
            times.append(seconds(since: begin) * 1_000)
        }
        result.firstPDFMilliseconds = times.first
        result.reusedPDFMilliseconds = median(Array(times.dropFirst()))
        result.freshProcessPDFMilliseconds = try freshProcessMilliseconds(htmls.prefix(3), folder: folder)
        return result
    }

    /// A budget like `base` with every line scaled by 1.00–1.49 and the income, operating costs and
    /// names following, so it stays balanced and passes the rules.
    static func variant(of base: Budget, number: Int) -> Budget {
        var budget = base
        let percent = Int64(100 + number % 50)
        budget.unit.name = base.unit.name + "（示例\(number + 1)）"
        for index in budget.expenditure.indices {
            budget.expenditure[index].amount = Amount(fen: budget.expenditure[index].amount.fen * percent / 100)
        }
        let spent = Dictionary(grouping: budget.expenditure, by: \.fund).mapValues { Amount.sum($0.map(\.amount)) }
        budget.income = IncomeSource.allCases.compactMap { source in spent[source].map { IncomeLine(source: source, amount: $0) } }
        let publicCosts = LineSums.of(budget.lines(paidBy: .generalBudget)).publicCosts
        budget.operatingCosts?.amount = publicCosts
        return budget
    }

    private static func expectClean(_ outcome: RenderOutcome, _ index: Int) throws {
        guard outcome.errors.isEmpty else {
            throw GongkaiError(.budgetInvalid, "生成的第 \(index) 个预算有错误：\(outcome.errors[0].message)")
        }
    }

    private static func freshProcessMilliseconds(_ htmls: ArraySlice<String>, folder: URL) throws -> Double? {
        guard let browser = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"].first(where: {
            FileManager.default.isExecutableFile(atPath: $0)
        }) else { return nil }
        var times: [Double] = []
        for (index, html) in htmls.enumerated() {
            let input = folder.appendingPathComponent("fresh-\(index).html")
            try Data(html.utf8).write(to: input)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: browser)
            process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(folder.path)/fresh-profile-\(index)",
                                 "--print-to-pdf=\(folder.path)/fresh-\(index).pdf", input.absoluteString]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let begin = DispatchTime.now().uptimeNanoseconds
            try process.run()
            process.waitUntilExit()
            times.append(seconds(since: begin) * 1_000)
        }
        return median(times)
    }

    private static func seconds(since start: UInt64) -> Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000_000 }

    private static func median(_ values: [Double]) -> Double? { values.isEmpty ? nil : values.sorted()[values.count / 2] }
}
