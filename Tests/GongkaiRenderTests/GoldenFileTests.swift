import Foundation
import GongkaiCore
import GongkaiRender
import GongkaiTestSupport
import Testing

/// The HTML and text of every example package, compared byte for byte with the reviewed copies in
/// `Tests/GongkaiRenderTests/Golden/`. A change to the renderer that alters a package fails here
/// until its diff has been read: `GONGKAI_UPDATE_GOLDEN=1 swift test --filter GoldenFileTests`
/// rewrites the copies, and `git diff Tests/GongkaiRenderTests/Golden` shows what changed.
@Suite struct GoldenFileTests {
    struct Example: CustomTestStringConvertible, Sendable {
        let path: String
        let profile: String
        var name: String { URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent }
        var testDescription: String { name }
    }

    static let examples = [
        Example(path: TestFiles.laoganbu, profile: "chongqing-unit-budget"),
        Example(path: TestFiles.eldercare, profile: "shanghai-unit-budget"),
        Example(path: TestFiles.bureau, profile: "shanghai-unit-budget"),
        Example(path: TestFiles.finalAccounts, profile: "shanghai-department-final-accounts"),
    ]

    private static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    private static let updating = ProcessInfo.processInfo.environment["GONGKAI_UPDATE_GOLDEN"] == "1"

    @Test(arguments: examples)
    func packageTextAndHTMLAreTheReviewedOnes(_ example: Example) throws {
        let document = try RenderedExample(example.path, profile: example.profile).document
        for (suffix, output) in [("html", HTMLWriter.html(document)), ("md", TextWriter.text(document))] {
            let file = Self.folder.appendingPathComponent("\(example.name).\(suffix)")
            if Self.updating {
                try FileManager.default.createDirectory(at: Self.folder, withIntermediateDirectories: true)
                try Data(output.utf8).write(to: file)
                continue
            }
            let golden = try String(contentsOf: file, encoding: .utf8)
            #expect(output == golden, "\(file.lastPathComponent) differs from the reviewed copy at line \(firstDifferentLine(output, golden)); rerun with GONGKAI_UPDATE_GOLDEN=1 and read the diff")
        }
    }

    private func firstDifferentLine(_ a: String, _ b: String) -> Int {
        let left = a.split(separator: "\n", omittingEmptySubsequences: false), right = b.split(separator: "\n", omittingEmptySubsequences: false)
        return (zip(left, right).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(left.count, right.count)) + 1
    }
}
