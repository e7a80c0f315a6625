import Foundation
import GongkaiCore
import GongkaiFiles

/// Measures a check of a large folder (`gongkai bench-batch`): many small disclosures, a tenth of
/// them empty or not text, checked with the report streamed document by document as `gongkai check`
/// does. It shows that memory stays flat with the batch; numbers go to BENCHMARKS.md.
public enum BatchBenchmark {
    /// What was measured.
    public struct Result: Sendable {
        /// Files checked.
        public var files: Int
        /// Seconds for the check, report included.
        public var seconds: Double
        /// Bytes of report written.
        public var reportBytes: Int
        /// Peak resident memory of the process, MiB.
        public var peakMemoryMiB: Double
        /// The run's exit status (2: the bad files were reported as unreadable).
        public var exitCode: Int32
    }

    /// Writes `count` files made from `example` (unit names numbered; every tenth file empty, every
    /// tenth + 1 random bytes) into a temporary folder, checks the folder with a `format` report
    /// streamed to /dev/null, and removes the folder.
    public static func run(example: String, count: Int, format: ReportStream.Format) throws -> Result {
        let text = try String(contentsOfFile: example, encoding: .utf8)
        return try TemporaryFolder.with(suffix: "-bench") { folder in
            var random = SystemRandomNumberGenerator()
            for index in 0..<count {
                let data: Data
                switch index % 10 {
                case 0: data = Data()
                case 1: data = Data((0..<256).map { _ in UInt8.random(in: 0...255, using: &random) })
                default: data = Data(text.replacingOccurrences(of: "示例县老年大学", with: "示例县第\(index)老年大学").utf8)
                }
                try data.write(to: folder.appendingPathComponent(String(format: "%05d.md", index)))
            }
            let sink = open("/dev/null", O_WRONLY)
            defer { close(sink) }
            var bytes = 0
            var stream = ReportStream(format: format) { chunk in
                let data = Data(chunk.utf8)
                bytes += data.count
                try FileDescriptorWriter.writeAll(data, to: sink)
            }
            let start = DispatchTime.now().uptimeNanoseconds
            try stream.begin()
            let summary = try CheckRunner().run(paths: [folder.path]) { try stream.add($0) }
            try stream.finish(summary)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            return Result(files: summary.documents, seconds: seconds, reportBytes: bytes, peakMemoryMiB: Benchmark.peakMemoryMiB(), exitCode: summary.exitCode)
        }
    }
}
