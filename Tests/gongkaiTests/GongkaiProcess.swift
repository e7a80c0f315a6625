import Foundation
import GongkaiTestSupport

/// Runs the built `gongkai` executable in a folder, with standard output to a pipe or a given file,
/// reading both streams concurrently so neither can fill up.
struct GongkaiProcess {
    static var executable: URL {
        var directory = Bundle.main.bundleURL
        if directory.pathExtension == "xctest" { directory.deleteLastPathComponent() }
        return directory.appendingPathComponent("gongkai")
    }

    struct Result {
        var status: Int32
        var output: String
        var errors: String
        var signalled: Bool
    }

    let process = Process()
    private let outputPipe = Pipe()
    private let errorPipe = Pipe()
    private let collected = Collected()

    /// A process of `gongkai arguments…` in `folder`; `standardOutput` replaces the pipe when given.
    init(_ arguments: [String], in folder: URL = TestFiles.root, standardOutput: FileHandle? = nil) {
        process.executableURL = Self.executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = standardOutput ?? outputPipe
        process.standardError = errorPipe
        let collected = collected
        let reading: [(FileHandle, Bool)] = standardOutput == nil
            ? [(outputPipe.fileHandleForReading, true), (errorPipe.fileHandleForReading, false)]
            : [(errorPipe.fileHandleForReading, false)]
        for (handle, isOutput) in reading {
            collected.group.enter()
            Thread.detachNewThread {
                let data = handle.readDataToEndOfFile()
                collected.set(isOutput: isOutput, data)
                collected.group.leave()
            }
        }
    }

    func start() throws { try process.run() }

    /// Waits for the end and returns what was printed.
    func finish() -> Result {
        process.waitUntilExit()
        collected.group.wait()
        let texts = collected.texts
        return Result(status: process.terminationStatus, output: String(decoding: texts.output, as: UTF8.self),
                      errors: String(decoding: texts.errors, as: UTF8.self), signalled: process.terminationReason == .uncaughtSignal)
    }

    /// Runs to the end.
    static func run(_ arguments: [String], in folder: URL = TestFiles.root, standardOutput: FileHandle? = nil) throws -> Result {
        let process = GongkaiProcess(arguments, in: folder, standardOutput: standardOutput)
        try process.start()
        return process.finish()
    }

    private final class Collected: @unchecked Sendable {
        struct Texts {
            var output = Data()
            var errors = Data()
        }

        let group = DispatchGroup()
        private let lock = NSLock()
        private var values = Texts()

        func set(isOutput: Bool, _ data: Data) {
            lock.lock()
            if isOutput { values.output = data } else { values.errors = data }
            lock.unlock()
        }

        var texts: Texts {
            lock.lock()
            defer { lock.unlock() }
            return values
        }
    }
}

/// The text a user must never see: Foundation's raw error descriptions and runtime traps.
let rawErrorMarkers = ["Error Domain=", "NSCocoaErrorDomain", "The operation could not be completed", "The file doesn", "Fatal error",
                       "UserInfo=", "NSFilePath", "Swift runtime failure"]
