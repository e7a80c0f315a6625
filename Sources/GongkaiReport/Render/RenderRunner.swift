import Foundation
import GongkaiCore
import GongkaiImport
import GongkaiRender
import GongkaiRules

/// The formats `gongkai render` writes.
public enum RenderFormat: String, Sendable, CaseIterable {
    /// Print-ready HTML.
    case html
    /// PDF printed by headless Chromium.
    case pdf
    /// XLSX, one sheet per table.
    case xlsx
    /// The rendered package as JSON.
    case json
    /// One CSV file per table.
    case csv
    /// OpenSpending Fiscal Data Package.
    case fdp
    /// Text in the seed's layout (markdown with tab-separated tables).
    case text
}

/// What to render and how.
public struct RenderOptions: Sendable {
    /// The profile id; nil to choose from the budget's region, level and phase.
    public var profile: String?
    /// The formats to write.
    public var formats: [RenderFormat]
    /// The folder to write into.
    public var outputDirectory: String
    /// Write even when the budget or the rendered package has error findings.
    public var allowErrors: Bool
    /// A catalog CSV overriding the bundled one.
    public var catalogPath: String?

    /// Creates options.
    public init(profile: String? = nil, formats: [RenderFormat] = [.html], outputDirectory: String, allowErrors: Bool = false, catalogPath: String? = nil) {
        self.profile = profile
        self.formats = formats
        self.outputDirectory = outputDirectory
        self.allowErrors = allowErrors
        self.catalogPath = catalogPath
    }
}

/// The outcome of rendering one budget.
public struct RenderOutcome: Sendable {
    /// The budget file.
    public var path: String
    /// The profile used.
    public var profile: Profile
    /// The rendered package.
    public var document: RenderedDocument
    /// Findings on the budget data.
    public var budgetDiagnostics: [Diagnostic]
    /// Findings of the disclosure rules on the rendered package.
    public var outputDiagnostics: [Diagnostic]
    /// Files written (empty when refused).
    public var written: [String]

    /// All error findings.
    public var errors: [Diagnostic] { (budgetDiagnostics + outputDiagnostics).filter { $0.severity == .error } }
}

/// `gongkai render`: reads a budget, checks it with the budget rules, renders the profile's package,
/// checks the package with the disclosure rules, and — only when neither finds an error, or errors
/// are explicitly allowed — writes the formats asked for. Files appear complete or not at all.
public struct RenderRunner: Sendable {
    /// The options.
    public var options: RenderOptions
    private let printer: PDFPrinterProvider

    /// Creates a runner; a PDF printer is started on first need and reused for every budget.
    public init(options: RenderOptions) {
        self.options = options
        printer = PDFPrinterProvider()
    }

    /// Renders the budgets in `paths`, in order. Without PDF output the budgets are rendered on all
    /// processor cores at once; PDFs go through the one Chromium, one at a time.
    public func render(paths: [String]) -> [Result<RenderOutcome, any Error>] {
        render(count: paths.count) { try render(path: paths[$0]) }
    }

    /// Renders budgets already read (each with the path its messages name), as `render(paths:)` does.
    public func render(budgets: [(budget: Budget, path: String)]) -> [Result<RenderOutcome, any Error>] {
        render(count: budgets.count) { try render(budgets[$0].budget, path: budgets[$0].path) }
    }

    private func render(count: Int, job: @escaping @Sendable (Int) throws -> RenderOutcome) -> [Result<RenderOutcome, any Error>] {
        let results = ResultSlots(count: count)
        if options.formats.contains(.pdf) || count < 2 {
            for index in 0..<count { results.set(index, Result { try job(index) }) }
        } else {
            DispatchQueue.concurrentPerform(iterations: count) { index in results.set(index, Result { try job(index) }) }
        }
        return results.values
    }

    /// Renders the budget in the file at `path`.
    public func render(path: String) throws -> RenderOutcome {
        let input = try BudgetReader.read(path: path)
        return try render(input.budget, path: path, sources: input.sources)
    }

    /// Renders a budget already read.
    public func render(_ budget: Budget, path: String, sources: [String: SourceLocation] = [:]) throws -> RenderOutcome {
        let profile = try chooseProfile(for: budget, path: path)
        let renderProfile = try RenderProfile.named(profile.id)
        var catalog = try Catalog.bundled(year: budget.year)
        if let override = options.catalogPath { catalog = catalog.overriding(with: try Catalog.readOverride(at: override), origin: override) }
        let budgetDiagnostics = BudgetChecker().check(BudgetCheckContext(budget: budget, profile: profile, catalog: catalog, path: path, sources: sources))
        let document = DisclosureRenderer(profile: renderProfile, catalog: catalog).render(budget)
        let outputDiagnostics = try Self.check(document, profile: profile, catalog: catalog, path: path)
        var outcome = RenderOutcome(path: path, profile: profile, document: document, budgetDiagnostics: budgetDiagnostics,
                                    outputDiagnostics: outputDiagnostics, written: [])
        guard outcome.errors.isEmpty || options.allowErrors else { return outcome }
        outcome.written = try write(document, budget: budget, catalog: catalog)
        return outcome
    }

    /// The disclosure rules' findings on a rendered package, read back from its text form.
    public static func check(_ document: RenderedDocument, profile: Profile, catalog: Catalog, path: String) throws -> [Diagnostic] {
        let disclosure = try DisclosureImporter().read(text: TextWriter.text(document), path: path + "（生成结果）")
        return Checker().check(disclosure, profile: profile, catalog: catalog)
    }

    private func chooseProfile(for budget: Budget, path: String) throws -> Profile {
        if let id = options.profile { return try Profile.named(id) }
        let region = budget.unit.region ?? budget.unit.name
        let candidate: RenderProfile? = region.contains("上海") ? .defaultProfile(for: budget, region: .shanghai)
            : region.contains("重庆") ? .defaultProfile(for: budget, region: .chongqing) : nil
        guard let candidate else {
            throw GongkaiError(.profileInvalid, "无法从预算数据判断公开口径（unit.region 未写明上海或重庆），请用 --profile 指定：\(RenderProfile.all.map(\.id).joined(separator: "、"))",
                               path: path)
        }
        return try Profile.named(candidate.id)
    }

    /// Writes every format into a staging folder first, then moves the files into place.
    private func write(_ document: RenderedDocument, budget: Budget, catalog: Catalog) throws -> [String] {
        let fileManager = FileManager.default
        let output = URL(fileURLWithPath: options.outputDirectory)
        try fileManager.createDirectory(at: output, withIntermediateDirectories: true)
        let staging = output.appendingPathComponent(".gongkai-\(UUID().uuidString)")
        try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
        defer { try? fileManager.removeItem(at: staging) }
        let base = FileNames.base(for: document)
        let html = options.formats.contains(.html) || options.formats.contains(.pdf) ? HTMLWriter.html(document) : ""
        var files: [(String, Data)] = []
        for format in options.formats {
            switch format {
            case .html: files.append(("\(base).html", Data(html.utf8)))
            case .pdf: files.append(("\(base).pdf", try printer.printer().pdf(html: html)))
            case .xlsx: files.append(("\(base).xlsx", try WorkbookWriter.workbook(document)))
            case .json: files.append(("\(base).json", Data(try DocumentJSONWriter.json(document).utf8)))
            case .text: files.append(("\(base).md", Data(TextWriter.text(document).utf8)))
            case .csv: files += CSVWriter.files(document).map { ("\(base)-csv/\($0.name)", Data($0.contents.utf8)) }
            case .fdp: files += try FiscalDataPackageWriter.files(budget, catalog: catalog).map { ("\(base)-fdp/\($0.name)", Data($0.contents.utf8)) }
            }
        }
        for (name, data) in files {
            let url = staging.appendingPathComponent(name)
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: url)
        }
        var written: [String] = []
        for (name, _) in files {
            let target = output.appendingPathComponent(name)
            try fileManager.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            if fileManager.fileExists(atPath: target.path) { try fileManager.removeItem(at: target) }
            try fileManager.moveItem(at: staging.appendingPathComponent(name), to: target)
            written.append(target.path)
        }
        return written
    }
}

/// Results filled in from several threads, each slot once.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [Result<RenderOutcome, any Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ result: Result<RenderOutcome, any Error>) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    var values: [Result<RenderOutcome, any Error>] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0 ?? .failure(GongkaiError(.writeFailed, "内部错误：未得到结果")) }
    }
}

/// Starts one Chromium on first use and keeps it for the runner's life.
final class PDFPrinterProvider: @unchecked Sendable {
    private var started: PDFPrinter?
    private let lock = NSLock()

    func printer() throws -> PDFPrinter {
        lock.lock()
        defer { lock.unlock() }
        if let started { return started }
        let printer = try PDFPrinter()
        started = printer
        return printer
    }
}
