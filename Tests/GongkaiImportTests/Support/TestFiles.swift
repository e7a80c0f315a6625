import Foundation

/// Where the test inputs are: the repository's examples, and the shared corpus of real documents
/// beside the repository (present in CI; tests that need it say so when it is absent).
enum TestFiles {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let examples = root.appendingPathComponent("examples")
    static let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    static var hasCorpus: Bool { FileManager.default.fileExists(atPath: corpus.appendingPathComponent("README.md").path) }
    static var hasPdftotext: Bool {
        ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].contains { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func example(_ name: String) -> String { examples.appendingPathComponent(name).path }

    /// The corpus file whose name starts with `prefix`.
    static func corpus(_ prefix: String) -> String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.sorted().first { $0.hasPrefix(prefix) }.map { corpus.appendingPathComponent($0).path }
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
