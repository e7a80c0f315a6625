import Foundation
import GongkaiCore
import GongkaiFiles
import GongkaiPortal
import GongkaiReport
import GongkaiRules
import GongkaiStore
import Vapor

/// The rule gate and the renderer, as the workflow uses them: the findings that block submission
/// and publication, and the files a publication stores. Runs on the application's work threads
/// (rendering a PDF takes a second).
struct Publisher: Sendable {
    let formats: [RenderFormat]
    let threadPool: NIOThreadPool

    /// A publisher on the application's work threads, rendering `formats` (by default those of its configuration).
    init(_ app: Application, formats: [RenderFormat]? = nil) {
        self.formats = formats ?? app.gongkai.publicationFormats
        threadPool = app.workThreads
    }

    /// The budget rules' and the package check's findings on a budget.
    func findings(_ budget: Budget, name: String) async throws -> [Diagnostic] {
        try await threadPool.runIfActive {
            let runner = RenderRunner(options: RenderOptions(formats: [], outputDirectory: ""))
            defer { runner.close() }
            let (outcome, _) = try runner.package(budget, path: name)
            return outcome.budgetDiagnostics + outcome.outputDiagnostics
        }
    }

    /// The rules' verdict on a version's content, for submitting it.
    func verdict(on version: StoredVersion) async throws -> RuleVerdict {
        let errors = try await findings(version.budget, name: "第 \(version.number) 版").filter { $0.severity == .error }
        return RuleVerdict(contentSHA256: version.contentSHA256, errorFindings: errors.count)
    }

    /// The package files of a version, the rules' verdict on its content and what the portal
    /// indexes of it, for publishing it; the files are empty when the rules refuse it.
    func package(_ version: StoredVersion, name: String) async throws -> (files: [PublishedFileInput], verdict: RuleVerdict, index: PublicationIndex) {
        try await threadPool.runIfActive { [formats] in
            let runner = RenderRunner(options: RenderOptions(formats: formats, outputDirectory: ""))
            defer { runner.close() }
            let (outcome, files) = try runner.package(version.budget, path: name)
            let index = PublicationIndexer.index(version.budget, document: outcome.document, catalog: try Catalog.bundled(year: version.budget.year))
            return (files.map { PublishedFileInput(name: $0.path, data: $0.data) },
                    RuleVerdict(contentSHA256: version.contentSHA256, errorFindings: outcome.errors.count), index)
        }
    }

    /// What the portal indexes of a version published without an index (before the portal existed).
    func index(_ version: StoredVersion) async throws -> PublicationIndex {
        try await threadPool.runIfActive {
            let rendered = try RenderRunner.document(for: version.budget)
            return PublicationIndexer.index(version.budget, document: rendered.document, catalog: rendered.catalog)
        }
    }
}
