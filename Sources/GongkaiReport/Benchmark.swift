import Foundation
import GongkaiCore
import GongkaiImport
import GongkaiRules

/// Measures import + check speed on real files (`gongkai bench`). Numbers go to BENCHMARKS.md with
/// the command that produced them; nothing here is asserted by tests.
public enum Benchmark {
    /// One measured file.
    public struct Result: Sendable {
        /// The file.
        public var path: String
        /// Microseconds per import + check, in process (text and XLSX: from bytes in memory;
        /// PDF: from the extracted words in memory).
        public var inProcessMicroseconds: Double
        /// For PDFs: milliseconds for the whole check including the extractor.
        public var totalMilliseconds: Double?
        /// For PDFs: milliseconds for the extractor alone on the same file.
        public var extractorMilliseconds: Double?
        /// For PDFs: milliseconds for `pdftotext -tsv` alone on the same file, the reference.
        public var pdftotextMilliseconds: Double?
        /// Findings per run (to show the work was done).
        public var findings: Int
    }

    /// Measures `paths`, repeating the in-process part `iterations` times and the PDF runs `pdfRuns` times.
    public static func run(paths: [String], iterations: Int, pdfRuns: Int, importer: DisclosureImporter = DisclosureImporter()) throws -> [Result] {
        let profiles = try Profile.bundled()
        var results: [Result] = []
        for path in paths {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let isPDF = data.starts(with: Array("%PDF".utf8))
            let isXLSX = data.starts(with: [0x50, 0x4B])
            let words = isPDF ? try importer.pdfWords(path: path) : nil
            let text = !isPDF && !isXLSX ? String(decoding: data, as: UTF8.self) : nil
            func once() throws -> Int {
                let disclosure: Disclosure
                if let words {
                    disclosure = try importer.read(pdfWords: words, path: path)
                } else if let text {
                    disclosure = try importer.read(text: text, path: path)
                } else {
                    disclosure = try importer.read(spreadsheet: data, path: path)
                }
                let profile = ProfileDetector.detect(disclosure, among: profiles) ?? profiles[0]
                let catalog = try Catalog.bundled(year: disclosure.metadata.year ?? 2023)
                return Checker().check(disclosure, profile: profile, catalog: catalog).count
            }
            let findings = try once()
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<iterations { _ = try once() }
            let perRun = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(max(iterations, 1)) / 1_000
            var result = Result(path: path, inProcessMicroseconds: perRun, findings: findings)
            if isPDF {
                result.pdftotextMilliseconds = try median(pdfRuns) { _ = try importer.pdfTSV(path: path) }
                result.extractorMilliseconds = try median(pdfRuns) { _ = try importer.extractPDFText(path: path) }
                result.totalMilliseconds = try median(pdfRuns) {
                    let disclosure = try importer.read(path: path)
                    let profile = ProfileDetector.detect(disclosure, among: profiles) ?? profiles[0]
                    _ = Checker().check(disclosure, profile: profile, catalog: try Catalog.bundled(year: disclosure.metadata.year ?? 2023))
                }
            }
            results.append(result)
        }
        return results
    }

    /// Peak resident memory of this process so far, in MiB.
    public static func peakMemoryMiB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }

    private static func median(_ runs: Int, _ body: () throws -> Void) throws -> Double {
        var times: [Double] = []
        for _ in 0..<max(1, runs) {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        return times.sorted()[times.count / 2]
    }
}
