import Foundation
import GongkaiCore

/// MuPDF's trace of a PDF's drawing, run beside the text extraction (the machine has two cores and the
/// two programs are independent), read into each page's ruling lines.
///
/// The rulings are an aid: when MuPDF is missing, fails or runs out of time, the pages are read by
/// text alignment alone, as they would be without a drawn grid.
final class PDFRulingTrace: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var rulings: [Int: [PDFRuling]] = [:]
    private var cancelled = false

    /// Starts tracing `path` on another thread, or returns nil when mutool is not installed. The trace
    /// comes through a pipe and is read as it comes (it is written to no file).
    static func start(path: String, timeout: Double, deadline: Deadline = .none) -> PDFRulingTrace? {
        guard PDFTextRunner.findOnPath(PDFExtractor.mutool.program) != nil else { return nil }
        let trace = PDFRulingTrace()
        Thread.detachNewThread {
            let runner = PDFTextRunner(executable: nil, timeout: timeout, extractor: .mutool, tracesDrawing: true, deadline: deadline)
            var reader = TraceRulingParser.Reader()
            let read: [Int: [PDFRuling]]? = try? {
                try runner.streamOutput(for: path, cancelled: { trace.isCancelled }) { try reader.feed($0) }
                return try reader.finish()
            }()
            trace.lock.lock()
            trace.rulings = read ?? [:]
            trace.lock.unlock()
            trace.done.signal()
        }
        return trace
    }

    /// Stops the trace (its rulings are not wanted: the words could not be read).
    func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }

    private var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    /// Each page's rulings, once the trace has finished (call once).
    func wait() -> [Int: [PDFRuling]] {
        done.wait()
        lock.lock()
        defer { lock.unlock() }
        return rulings
    }
}
