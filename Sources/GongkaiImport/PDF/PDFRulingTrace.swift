import Foundation

/// MuPDF's trace of a PDF's drawing, run beside the text extraction (the machine has two cores and the
/// two programs are independent), read into each page's ruling lines.
///
/// The rulings are an aid: when MuPDF is missing, fails or runs out of time, the pages are read by
/// text alignment alone, as they would be without a drawn grid.
final class PDFRulingTrace: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var rulings: [Int: [PDFRuling]] = [:]

    /// Starts tracing `path` on another thread, or returns nil when mutool is not installed.
    static func start(path: String, timeout: Double) -> PDFRulingTrace? {
        guard PDFTextRunner.findOnPath(PDFExtractor.mutool.program) != nil else { return nil }
        let trace = PDFRulingTrace()
        Thread.detachNewThread {
            let runner = PDFTextRunner(executable: nil, timeout: timeout, extractor: .mutool, tracesDrawing: true)
            if let rulings = try? runner.withOutput(for: path, TraceRulingParser.parse(file:)) { trace.rulings = rulings }
            trace.done.signal()
        }
        return trace
    }

    /// Each page's rulings, once the trace has finished (call once).
    func wait() -> [Int: [PDFRuling]] {
        done.wait()
        return rulings
    }
}
