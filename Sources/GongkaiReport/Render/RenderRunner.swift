import Foundation
import GongkaiCore
import GongkaiFiles
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
    /// The package folder written (nil when refused).
    public var package: String?
    /// The files written, one per format asked for (a folder for CSV and FDP); empty when refused.
    public var written: [String]

    /// All error findings.
    public var errors: [Diagnostic] { (budgetDiagnostics + outputDiagnostics).filter { $0.severity == .error } }
}

/// `gongkai render`: reads a budget, checks it with the budget rules, renders the profile's package,
/// checks the package with the disclosure rules, and — only when neither finds an error, or errors
/// are explicitly allowed — writes the formats asked for as one package folder `OUT/NAME/` with a
/// manifest, switched in whole (`PackageWriter`): the old package or the new one, never a mix.
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
    /// processor cores at once; PDFs go through the one Chromium, one at a time. Two budgets whose
    /// packages would have the same name are refused before anything is written.
    public func render(paths: [String]) -> [Result<RenderOutcome, any Error>] {
        run(count: paths.count) { index in
            let input = try BudgetReader.read(path: paths[index])
            return try prepare(input.budget, path: paths[index], sources: input.sources)
        }
    }

    /// Renders budgets already read (each with the path its messages name), as `render(paths:)` does.
    public func render(budgets: [(budget: Budget, path: String)]) -> [Result<RenderOutcome, any Error>] {
        run(count: budgets.count) { try prepare(budgets[$0].budget, path: budgets[$0].path, sources: [:]) }
    }

    /// Ends the PDF printer (Chromium) and removes its temporary profile; call when done rendering.
    public func close() {
        printer.close()
    }

    /// Renders the budget in the file at `path`.
    public func render(path: String) throws -> RenderOutcome {
        let input = try BudgetReader.read(path: path)
        return try render(input.budget, path: path, sources: input.sources)
    }

    /// Renders a budget already read.
    public func render(_ budget: Budget, path: String, sources: [String: SourceLocation] = [:]) throws -> RenderOutcome {
        let item = try prepare(budget, path: path, sources: sources)
        if item.shouldWrite { try PackageWriter(directory: options.outputDirectory).prepare() }
        return try write(item)
    }

    /// A budget rendered and checked, not yet written.
    private struct Prepared: Sendable {
        var outcome: RenderOutcome
        var budget: Budget
        var catalog: Catalog
        var name: String
        var shouldWrite: Bool
    }

    private func run(count: Int, prepare job: @escaping @Sendable (Int) throws -> Prepared) -> [Result<RenderOutcome, any Error>] {
        let sequential = options.formats.contains(.pdf) || count < 2
        let prepared = Slots<Result<Prepared, any Error>>(count: count)
        each(count, sequential: sequential) { index in prepared.set(index, Result { try job(index) }) }
        let preparedResults = prepared.values
        let collisions = Self.collisions(preparedResults.map { try? $0.get() })
        // The output folder is made and swept of killed runs' leftovers once, not per package.
        var preparationError: (any Error)?
        if preparedResults.contains(where: { (try? $0.get())?.shouldWrite == true }) {
            do { try PackageWriter(directory: options.outputDirectory).prepare() } catch { preparationError = error }
        }
        let folderError = preparationError
        let results = Slots<Result<RenderOutcome, any Error>>(count: count)
        each(count, sequential: sequential) { index in
            results.set(index, Result {
                let item = try preparedResults[index].get()
                if let collision = collisions[index] { throw collision }
                if let folderError, item.shouldWrite { throw folderError }
                if !collisions.isEmpty, item.shouldWrite {
                    throw GongkaiError(.writeFailed, "未写出：本次运行中有预算生成同名的文件包（见其他错误），为免混淆，本次一个文件包也没有写出", path: item.outcome.path)
                }
                return try write(item)
            })
        }
        return results.values
    }

    private func each(_ count: Int, sequential: Bool, _ body: @escaping @Sendable (Int) -> Void) {
        if sequential {
            for index in 0..<count { body(index) }
        } else {
            DispatchQueue.concurrentPerform(iterations: count, execute: body)
        }
    }

    /// The errors of budgets whose packages would take the same name, by index.
    private static func collisions(_ prepared: [Prepared?]) -> [Int: GongkaiError] {
        var byName: [String: [Int]] = [:]
        for (index, item) in prepared.enumerated() {
            guard let item, item.shouldWrite else { continue }
            byName[item.name, default: []].append(index)
        }
        var errors: [Int: GongkaiError] = [:]
        for (name, indices) in byName where indices.count > 1 {
            let files = indices.compactMap { prepared[$0]?.outcome.path }
            for index in indices {
                let others = files.filter { $0 != prepared[index]?.outcome.path }
                errors[index] = GongkaiError(.writeFailed, "与 \(others.joined(separator: "、")) 生成同名的文件包「\(name)」（单位名称、年度和种类相同）：请分两次运行并写到不同的 --out 文件夹，或修改其中一个的单位名称",
                                             path: prepared[index]?.outcome.path)
            }
        }
        return errors
    }

    /// Reads nothing and writes nothing: the budget rules, the package, and the package's check.
    private func prepare(_ budget: Budget, path: String, sources: [String: SourceLocation]) throws -> Prepared {
        let profile = try chooseProfile(for: budget, path: path)
        let renderProfile = try RenderProfile.named(profile.id)
        var catalog = try Catalog.bundled(year: budget.year)
        if let override = options.catalogPath { catalog = catalog.overriding(with: try Catalog.readOverride(at: override), origin: override) }
        let budgetDiagnostics = BudgetChecker().check(BudgetCheckContext(budget: budget, profile: profile, catalog: catalog, path: path, sources: sources))
        let document = DisclosureRenderer(profile: renderProfile, catalog: catalog).render(budget)
        let outputDiagnostics = try Self.check(document, profile: profile, catalog: catalog, path: path)
        let outcome = RenderOutcome(path: path, profile: profile, document: document, budgetDiagnostics: budgetDiagnostics,
                                    outputDiagnostics: outputDiagnostics, package: nil, written: [])
        return Prepared(outcome: outcome, budget: budget, catalog: catalog, name: FileNames.base(for: document),
                        shouldWrite: outcome.errors.isEmpty || options.allowErrors)
    }

    /// A budget's package as its profile renders it, without the rules (the portal shows published
    /// versions, which the rules passed), and the bundled catalog of its year.
    public static func document(for budget: Budget) throws -> (document: RenderedDocument, catalog: Catalog) {
        let profile = try profile(for: budget, path: budget.unit.name)
        let catalog = try Catalog.bundled(year: budget.year)
        return (DisclosureRenderer(profile: try RenderProfile.named(profile.id), catalog: catalog).render(budget), catalog)
    }

    /// The disclosure rules' findings on a rendered package, read back from its text form.
    public static func check(_ document: RenderedDocument, profile: Profile, catalog: Catalog, path: String) throws -> [Diagnostic] {
        let disclosure = try DisclosureImporter().read(text: TextWriter.text(document), path: path + "（生成结果）")
        return Checker().check(disclosure, profile: profile, catalog: catalog)
    }

    private func chooseProfile(for budget: Budget, path: String) throws -> Profile {
        if let id = options.profile { return try Profile.named(id) }
        return try Self.profile(for: budget, path: path)
    }

    /// The renderable profile the budget's own region, level and phase choose, or an error listing
    /// the renderable ones.
    public static func profile(for budget: Budget, path: String) throws -> Profile {
        let renderable = try RenderProfile.all().map(\.id)
        let place = budget.unit.region ?? budget.unit.name
        guard let profile = ProfileDetector.profiles(for: place, level: budget.unit.level, kind: budget.phase, among: try Profile.bundled())
            .first(where: { renderable.contains($0.id) }) else {
            throw GongkaiError(.profileInvalid, "无法从预算数据判断公开口径（unit.region “\(place)”不属于可生成的地区），请用 --profile 指定：\(renderable.joined(separator: "、"))",
                               path: path)
        }
        return profile
    }

    /// Renders and checks a budget and returns the files of its package, one per format asked for
    /// (CSV and FDP as several), without writing anything; no files when an error finding refuses it.
    public func package(_ budget: Budget, path: String) throws -> (outcome: RenderOutcome, files: [PackageFile]) {
        let item = try prepare(budget, path: path, sources: [:])
        guard item.shouldWrite else { return (item.outcome, []) }
        return (item.outcome, try files(of: item).files)
    }

    /// The package's files, and the entries `written` lists (one per format; a folder for CSV and FDP).
    private func files(of item: Prepared) throws -> (files: [PackageFile], entries: [String]) {
        let document = item.outcome.document
        let base = item.name
        let html = options.formats.contains(.html) ? HTMLWriter.html(document) : ""
        var files: [PackageFile] = []
        var entries: [String] = []
        for format in options.formats {
            switch format {
            case .html: files.append(PackageFile(path: "\(base).html", data: Data(html.utf8)))
            case .pdf: files.append(PackageFile(path: "\(base).pdf", data: try printer.printer().pdf(document)))
            case .xlsx: files.append(PackageFile(path: "\(base).xlsx", data: try WorkbookWriter.workbook(document)))
            case .json: files.append(PackageFile(path: "\(base).json", data: Data(try DocumentJSONWriter.json(document).utf8)))
            case .text: files.append(PackageFile(path: "\(base).md", data: Data(TextWriter.text(document).utf8)))
            case .csv: files += CSVWriter.files(document).map { PackageFile(path: "csv/\($0.name)", data: Data($0.contents.utf8)) }
            case .fdp:
                files += try FiscalDataPackageWriter.files(item.budget, catalog: item.catalog).map { PackageFile(path: "fdp/\($0.name)", data: Data($0.contents.utf8)) }
            }
            let entry = format == .csv ? "csv" : format == .fdp ? "fdp" : files[files.count - 1].path
            if !entries.contains(entry) { entries.append(entry) }
        }
        return (files, entries)
    }

    /// Writes every format as one package folder, switched in whole.
    private func write(_ item: Prepared) throws -> RenderOutcome {
        var outcome = item.outcome
        guard item.shouldWrite else { return outcome }
        let (files, entries) = try files(of: item)
        let package = try PackageWriter(directory: options.outputDirectory).write(name: item.name, files: files)
        outcome.package = package
        outcome.written = entries.map { (package as NSString).appendingPathComponent($0) }
        return outcome
    }
}

/// Results filled in from several threads, each slot once.
private final class Slots<Value: Sendable>: @unchecked Sendable {
    private var slots: [Value?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Value) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// Every slot, each set by now.
    var values: [Value] {
        lock.lock()
        defer { lock.unlock() }
        return slots.map { $0! }
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

    func close() {
        lock.lock()
        defer { lock.unlock() }
        started?.close()
        started = nil
    }
}
