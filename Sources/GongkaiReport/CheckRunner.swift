import Foundation
import GongkaiCore
import GongkaiFiles
import GongkaiImport
import GongkaiRules

/// What a check run should do.
public struct CheckOptions: Sendable {
    /// A profile id to use for every file instead of detecting one.
    public var profile: String?
    /// A catalog CSV that overrides the bundled rows.
    public var catalogPath: String?
    /// Findings below this severity are left out.
    public var minimumSeverity: Severity
    /// Import settings.
    public var importOptions: ImportOptions
    /// Seconds one document may take to be read and checked; past it the document is reported as
    /// unreadable (`timed-out`) and the batch goes on. Nil for no limit.
    public var timeout: Double?

    /// Creates options.
    public init(profile: String? = nil, catalogPath: String? = nil, minimumSeverity: Severity = .info, importOptions: ImportOptions = ImportOptions(),
                timeout: Double? = nil) {
        self.profile = profile
        self.catalogPath = catalogPath
        self.minimumSeverity = minimumSeverity
        self.importOptions = importOptions
        self.timeout = timeout
    }
}

/// Reads, checks and reports on files and folders. All of `gongkai check` except argument parsing
/// and printing lives here.
public struct CheckRunner: Sendable {
    /// The options in use.
    public var options: CheckOptions

    /// Creates a runner.
    public init(options: CheckOptions = CheckOptions()) {
        self.options = options
    }

    /// Checks every file named, walking folders, and hands each document's report to `each` as soon as
    /// it is done — nothing of a document is kept after that, so memory does not grow with the batch.
    /// Files that cannot be read are reported, the rest are still checked. Throws for bad usage (an
    /// unknown profile, a bad catalog file) and whatever `each` throws (an output that failed).
    public func run(paths: [String], each: (DocumentReport) throws -> Void) throws -> CheckSummary {
        let profiles = try Profile.bundled()
        let fixedProfile = try options.profile.map { try Profile.named($0) }
        let overrides = try options.catalogPath.map { try Catalog.readOverride(at: $0) }
        Leftovers.sweepTemporaryFolder()
        var summary = CheckSummary()
        for entry in InputFiles.expand(paths, extensions: DisclosureImporter.fileExtensions) {
            let document: DocumentReport
            switch entry {
            case let .file(path):
                document = check(path: path, profiles: profiles, fixedProfile: fixedProfile, overrides: overrides)
            case let .skipped(path, error):
                document = DocumentReport(path: path, status: .unreadable, error: error, diagnostics: [])
            }
            summary.add(document)
            try each(document)
        }
        return summary
    }

    /// Checks every file named, walking folders, and keeps every report (for callers that want them
    /// all; `gongkai check` streams them with `run(paths:each:)`).
    public func run(paths: [String]) throws -> CheckReport {
        var documents: [DocumentReport] = []
        _ = try run(paths: paths) { documents.append($0) }
        return CheckReport(documents: documents)
    }

    /// Checks a disclosure already read.
    public func check(_ disclosure: Disclosure, profile: Profile? = nil) throws -> DocumentReport {
        let profiles = try Profile.bundled()
        let chosen = try profile ?? options.profile.map { try Profile.named($0) }
            ?? ProfileDetector.detect(disclosure, among: profiles) ?? Profile.named("generic")
        let overrides = try options.catalogPath.map { try Catalog.readOverride(at: $0) }
        return try report(disclosure, profile: chosen, overrides: overrides)
    }

    private func check(path: String, profiles: [Profile], fixedProfile: Profile?, overrides: [CatalogEntry]?) -> DocumentReport {
        let deadline = Deadline(seconds: options.timeout)
        do {
            let disclosure = try DisclosureImporter(options: options.importOptions).read(path: path, deadline: deadline)
            let profile = fixedProfile ?? ProfileDetector.detect(disclosure, among: profiles) ?? profiles[0]
            return try report(disclosure, profile: profile, overrides: overrides, deadline: deadline)
        } catch let error as GongkaiError {
            return DocumentReport(path: path, status: .unreadable, error: error, diagnostics: [])
        } catch {
            return DocumentReport(path: path, status: .unreadable,
                                  error: GongkaiError(.unsupportedFormat, "读取失败", path: path, cause: GongkaiError.Detail(String(describing: error))),
                                  diagnostics: [])
        }
    }

    private func report(_ disclosure: Disclosure, profile: Profile, overrides: [CatalogEntry]?, deadline: Deadline = .none) throws -> DocumentReport {
        var catalog = try Catalog.bundled(year: disclosure.metadata.year ?? 2023)
        if let overrides, let path = options.catalogPath { catalog = catalog.overriding(with: overrides, origin: path) }
        let diagnostics = try Checker().check(disclosure, profile: profile, catalog: catalog, within: deadline)
            .filter { $0.severity >= options.minimumSeverity }
        return DocumentReport(path: disclosure.path, status: .checked, profile: profile, disclosure: disclosure, diagnostics: diagnostics)
    }
}
