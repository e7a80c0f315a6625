import Foundation
import GongkaiCore
import GongkaiFiles
import GongkaiReport
import GongkaiRules
import GongkaiStore
import Vapor

/// The rule gate and the renderer, as the workflow uses them: the findings that block submission
/// and publication, and the files a publication stores. Runs off the event loop (rendering a PDF
/// takes a second).
struct Publisher: Sendable {
    let formats: [RenderFormat]
    let threadPool: NIOThreadPool

    /// The budget rules' and the package check's findings on a budget.
    func findings(_ budget: Budget, name: String) async throws -> [Diagnostic] {
        try await threadPool.runIfActive {
            let runner = RenderRunner(options: RenderOptions(formats: [], outputDirectory: ""))
            defer { runner.close() }
            let (outcome, _) = try runner.package(budget, path: name)
            return outcome.budgetDiagnostics + outcome.outputDiagnostics
        }
    }

    /// The package files of a budget, or its error findings when the rules refuse it.
    func package(_ budget: Budget, name: String) async throws -> (files: [PublishedFileInput], errors: [Diagnostic]) {
        try await threadPool.runIfActive { [formats] in
            let runner = RenderRunner(options: RenderOptions(formats: formats, outputDirectory: ""))
            defer { runner.close() }
            let (outcome, files) = try runner.package(budget, path: name)
            return (files.map { PublishedFileInput(name: $0.path, data: $0.data) }, outcome.errors)
        }
    }
}
