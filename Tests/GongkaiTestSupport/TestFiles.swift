import Foundation

/// Where the test inputs are — the repository's examples, and the shared corpus of real documents
/// beside the repository (present in CI; tests that need it say so when it is absent) — and the
/// programs some tests need, which are skipped with a reason when absent.
public enum TestFiles {
    /// The repository.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// `examples/`.
    public static let examples = root.appendingPathComponent("examples")
    /// `../shared/corpus`.
    public static let corpus = root.deletingLastPathComponent().appendingPathComponent("shared/corpus")

    public static var hasCorpus: Bool { FileManager.default.fileExists(atPath: corpus.appendingPathComponent("README.md").path) }
    public static var hasPdftotext: Bool { installed("pdftotext") }
    /// Whether the default PDF extractor (MuPDF's `mutool`, Debian `mupdf-tools`) is installed.
    public static var hasPDFReader: Bool { installed("mutool") }
    public static var hasChromium: Bool { ["chromium", "chromium-browser", "google-chrome"].contains(where: installed) }
    public static var hasLibreOffice: Bool { installed("libreoffice") }
    /// tesseract with its simplified-Chinese data (Debian: tesseract-ocr, tesseract-ocr-chi-sim).
    public static var hasOCR: Bool { installed("tesseract") && run("/usr/bin/env", ["tesseract", "--list-langs"]).output.contains("chi_sim") }
    public static var hasOpenpyxl: Bool { python(["-c", "import openpyxl"]).status == 0 }

    /// The path of `examples/NAME`.
    public static func example(_ name: String) -> String { examples.appendingPathComponent(name).path }

    /// The corpus file whose name starts with `prefix`.
    public static func corpus(_ prefix: String) -> String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.sorted().first { $0.hasPrefix(prefix) }.map { corpus.appendingPathComponent($0).path }
    }

    /// A new empty folder under the temporary directory.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gongkai-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs a program and returns its status and standard output (127 when it cannot start).
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String]) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = Pipe()
        guard (try? process.run()) != nil else { return (127, "") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// The id of a process that has ended (a finished `/bin/true`): what a killed run's leftovers
    /// carry in their names.
    public static func endedProcessID() throws -> Int32 {
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/true")
        try finished.run()
        finished.waitUntilExit()
        return finished.processIdentifier
    }

    /// Runs `python3` with `arguments`.
    public static func python(_ arguments: [String]) -> (status: Int32, output: String) {
        run("/usr/bin/env", ["python3"] + arguments)
    }

    private static func installed(_ program: String) -> Bool {
        ["/usr/bin", "/usr/local/bin"].contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(program)") }
    }
}
