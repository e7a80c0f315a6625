import Foundation
import GongkaiCore
import GongkaiFiles

/// Runs a PDF text extractor — poppler's `pdftotext -tsv` or MuPDF's `mutool draw -F stext` — on a
/// PDF and returns its output, with a time limit; the child is stopped on interruption. `run` starts
/// any other helper program (the OCR's) the same way.
struct PDFTextRunner: Sendable {
    /// The extractor's executable; found on PATH when nil.
    var executable: String?
    /// Seconds after which the extractor is stopped.
    var timeout: Double
    /// Which extractor runs.
    var extractor: PDFExtractor = .pdftotext
    /// Whether MuPDF traces the page drawing (`-F trace`: paths, for ruling lines) instead of the text.
    var tracesDrawing = false
    /// The document's own time limit: the extractor is stopped when it passes, even before `timeout`.
    var deadline: Deadline = .none

    /// The extractor's output for `path`, or a `GongkaiError` that says what went wrong and how to fix it.
    func text(for path: String) throws -> String {
        String(decoding: try output(for: path), as: UTF8.self)
    }

    /// The extractor's output for `path` as bytes.
    func output(for path: String) throws -> Data {
        try withOutput(for: path) { file in
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw GongkaiError(.pdfDamaged, "\(extractor.program) 未产生输出，PDF 可能已损坏", path: path)
            }
            return data
        }
    }

    /// Runs the extractor on `path` and hands `read` the file it wrote, which is removed afterwards.
    func withOutput<T>(for path: String, _ read: (URL) throws -> T) throws -> T {
        let name = extractor.program
        guard let tool = executable ?? Self.findOnPath(name) else {
            throw GongkaiError(.toolFailed, "未找到 \(name)：请安装 \(extractor.package)（Debian/Ubuntu: apt-get install \(extractor.package)）", path: path)
        }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent(TemporaryName.make(prefix: "", suffix: extractor.suffix))
        let temporaryToken = Interruption.removeOnInterrupt(output.path)
        defer {
            try? FileManager.default.removeItem(at: output)
            Interruption.release(temporaryToken)
        }
        let arguments = tracesDrawing ? ["draw", "-q", "-F", "trace", "-o", output.path, path]
            : extractor.arguments(input: path, output: output.path)
        try Self.run(tool: tool, name: name, package: extractor.package, arguments: arguments, timeout: timeout, deadline: deadline, path: path)
        return try read(output)
    }

    /// Runs the extractor on `path` with its output sent through a pipe, handing `consume` each piece
    /// as it comes: nothing is written to disk, and when `consume` throws (a limit was passed) or
    /// `cancelled` becomes true the extractor is stopped at once. For MuPDF only (`-o -`).
    func streamOutput(for path: String, cancelled: @escaping @Sendable () -> Bool = { false }, _ consume: (Data) throws -> Void) throws {
        let name = extractor.program
        guard let tool = executable ?? Self.findOnPath(name) else {
            throw GongkaiError(.toolFailed, "未找到 \(name)：请安装 \(extractor.package)（Debian/Ubuntu: apt-get install \(extractor.package)）", path: path)
        }
        let arguments = ["draw", "-q", "-F", tracesDrawing ? "trace" : "stext", "-o", "-", path]
        let process = try Self.start(tool: tool, name: name, package: extractor.package, arguments: arguments, deadline: deadline, path: path,
                                     output: true)
        defer { process.end() }
        let stop = Date().addingTimeInterval(min(timeout, deadline.remaining))
        let descriptor = process.output!.fileDescriptor
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            if cancelled() { throw CancellationError() }
            let left = stop.timeIntervalSinceNow
            guard left > 0 else { throw process.timedOut(timeout: timeout, deadline: deadline, path: path) }
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&poller, 1, Int32(min(left, 0.1) * 1000) + 1)
            if ready < 0, errno == EINTR { continue }
            if ready == 0 { continue }
            let count = read(descriptor, &buffer, buffer.count)
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            if count <= 0 { break }
            try consume(Data(buffer[0..<count]))
        }
        try process.finish(path: path)
    }

    /// Runs `tool` with `arguments` to its end, within `timeout` seconds and before `deadline`: stopped
    /// on interruption or when it takes longer, its error output kept (drained on another thread), a
    /// failure thrown as a `GongkaiError` about `path`.
    static func run(tool: String, name: String, package: String, arguments: [String], timeout: Double, deadline: Deadline = .none,
                    path: String) throws {
        let process = try start(tool: tool, name: name, package: package, arguments: arguments, deadline: deadline, path: path, output: false)
        defer { process.end() }
        let stop = Date().addingTimeInterval(min(timeout, deadline.remaining))
        while process.process.isRunning, Date() < stop { usleep(2_000) }
        if process.process.isRunning { throw process.timedOut(timeout: timeout, deadline: deadline, path: path) }
        try process.finish(path: path)
    }

    /// Starts a helper program, registered to be stopped on interruption, its error output drained
    /// on another thread and its standard output a pipe when `output`.
    private static func start(tool: String, name: String, package: String, arguments: [String], deadline: Deadline, path: String,
                              output: Bool) throws -> RunningChild {
        try deadline.check(path: path, stage: "启动 \(name) 前")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let errors = Pipe()
        let pipe = output ? Pipe() : nil
        process.standardError = errors
        if let pipe { process.standardOutput = pipe } else { process.standardOutput = FileHandle.nullDevice }
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw GongkaiError(.toolFailed, "无法启动 \(name)（\(tool)）：请确认 \(package) 已正确安装且该程序可以执行", path: path)
        }
        // The parent's copy of the write end is closed, so that the pipe ends when the child does.
        try? pipe?.fileHandleForWriting.close()
        return RunningChild(process: process, name: name, token: Interruption.stopOnInterrupt(process: process.processIdentifier),
                            errors: StderrCollector(handle: errors.fileHandleForReading), output: pipe?.fileHandleForReading)
    }

    /// A helper program started by `start`.
    private struct RunningChild {
        let process: Process
        let name: String
        let token: Interruption.Token
        let errors: StderrCollector
        let output: FileHandle?

        /// Kills the program if it still runs, reaps it and ends its registration.
        func end() {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
            Interruption.release(token)
        }

        /// The error for a program whose time is up (the caller's `end` stops it).
        func timedOut(timeout: Double, deadline: Deadline, path: String) -> GongkaiError {
            if deadline.hasPassed, let seconds = deadline.seconds { return GongkaiError.timedOut(after: seconds, path: path, stage: "运行 \(name)") }
            return GongkaiError(.toolFailed, "\(name) 超过 \(Int(timeout)) 秒未完成，已停止；文件可能损坏或过于复杂", path: path)
        }

        /// Waits for the program's end and throws for a failure it reported.
        func finish(path: String) throws {
            process.waitUntilExit()
            let messages = errors.text()
            let status = process.terminationStatus
            // mutool reports a document it cannot open on stderr, and may still exit 0.
            if status != 0 || messages.contains("cannot authenticate password") || messages.contains("cannot open document") {
                throw PDFTextRunner.error(for: status, messages: messages, program: name, path: path)
            }
        }
    }

    private static func error(for status: Int32, messages: String, program: String, path: String) -> GongkaiError {
        let detail = messages.split(separator: "\n").filter { !$0.hasPrefix("warning:") }.prefix(3).joined(separator: "；")
        if messages.contains("password") || messages.contains("Incorrect password") || (program == "pdftotext" && status == 3) {
            return GongkaiError(.pdfEncrypted, "PDF 已加密，需要密码才能读取文字；请取得未加密的版本", path: path, cause: GongkaiError.Detail(detail))
        }
        return GongkaiError(.pdfDamaged, "无法读取 PDF（\(program) 退出码 \(status)）：文件可能已损坏、被截断或不是 PDF", path: path, cause: GongkaiError.Detail(detail))
    }

    /// The full path of `name` on PATH, or nil.
    static func findOnPath(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            let candidate = "\(directory)/\(name)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }
}

/// The program that extracts a PDF's words with their positions.
public enum PDFExtractor: String, Sendable, CaseIterable {
    /// poppler's `pdftotext -tsv`: word boxes from font metrics.
    case pdftotext
    /// MuPDF's `mutool draw -F stext`: every glyph with its baseline and size.
    case mutool

    var program: String { rawValue }
    var package: String { self == .pdftotext ? "poppler-utils" : "mupdf-tools" }
    var suffix: String { self == .pdftotext ? ".tsv" : ".xml" }

    func arguments(input: String, output: String) -> [String] {
        switch self {
        case .pdftotext: ["-tsv", "-enc", "UTF-8", input, output]
        case .mutool: ["draw", "-q", "-F", "stext", "-o", output, input]
        }
    }
}

/// Reads a pipe to its end on a background thread, keeping only its first and last few KB: a damaged
/// PDF can make pdftotext print hundreds of MB of "Syntax Error" lines.
private final class StderrCollector: @unchecked Sendable {
    /// Bytes kept from the start and from the end.
    static let kept = 4096
    private var head = Data()
    private var tail = Data()
    private let lock = NSLock()
    private let done = DispatchSemaphore(value: 0)

    init(handle: FileHandle) {
        Thread.detachNewThread { [self] in
            while let chunk = try? handle.read(upToCount: 65_536), !chunk.isEmpty { keep(chunk) }
            done.signal()
        }
    }

    private func keep(_ chunk: Data) {
        lock.lock()
        defer { lock.unlock() }
        var rest = chunk[...]
        if head.count < Self.kept {
            let taken = rest.prefix(Self.kept - head.count)
            head.append(contentsOf: taken)
            rest = rest.dropFirst(taken.count)
        }
        guard !rest.isEmpty else { return }
        tail.append(contentsOf: rest)
        if tail.count > Self.kept { tail = Data(tail.suffix(Self.kept)) }
    }

    /// The start of the error output (whose first lines the messages quote) and, when there was
    /// more, its end.
    func text() -> String {
        _ = done.wait(timeout: .now() + 5)
        lock.lock()
        defer { lock.unlock() }
        return String(decoding: head, as: UTF8.self) + (tail.isEmpty ? "" : "\n…\n" + String(decoding: tail, as: UTF8.self))
    }
}
