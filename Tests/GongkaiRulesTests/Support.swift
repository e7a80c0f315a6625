import Foundation
import GongkaiCore
import GongkaiImport
import GongkaiRules

/// Test inputs: the repository's examples and the shared corpus beside the repository.
enum TestFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpus")
    static var hasCorpus: Bool { FileManager.default.fileExists(atPath: corpus.appendingPathComponent("README.md").path) }
    static var hasPdftotext: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") }

    static func example(_ name: String) -> String { root.appendingPathComponent("examples/\(name)").path }

    static func corpus(_ prefix: String) -> String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.sorted().first { $0.hasPrefix(prefix) }.map { corpus.appendingPathComponent($0).path }
    }
}

/// Reads and checks a file with its detected profile.
func check(_ path: String) throws -> (disclosure: Disclosure, profile: Profile, diagnostics: [Diagnostic]) {
    let disclosure = try DisclosureImporter().read(path: path)
    let profile = try ProfileDetector.detect(disclosure, among: Profile.bundled()) ?? Profile.named("generic")
    let catalog = try Catalog.bundled(year: disclosure.metadata.year ?? 2023)
    return (disclosure, profile, Checker().check(disclosure, profile: profile, catalog: catalog))
}

extension Array where Element == Diagnostic {
    func of(_ rule: String) -> [Diagnostic] { filter { $0.rule == rule } }
}
