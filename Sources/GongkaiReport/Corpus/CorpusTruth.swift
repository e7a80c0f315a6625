import Foundation
import GongkaiCore

/// What a real document holds and which defects it really has, written by reading it
/// (`docs/corpus-truth.md`). `CorpusScore` compares the checker with these files.
public struct CorpusTruth: Codable, Sendable {
    /// A table the document prints.
    public struct Table: Codable, Sendable {
        /// A table kind id (`general-budget-expenditure` …) or `other`.
        public var kind: String
        /// The title as printed.
        public var title: String?
        /// The pages it is printed on (PDF, 1-based).
        public var pages: [Int]?
        /// The line of its title (text files).
        public var line: Int?
        /// How many rows carry a classification code.
        public var codeRows: Int?
        /// A few values copied from the page.
        public var values: [Value]?
    }

    /// One value of a table as printed.
    public struct Value: Codable, Sendable {
        /// The row: its code or its label.
        public var row: String
        /// The column's header.
        public var column: String
        /// The text printed.
        public var text: String
    }

    /// A defect found by reading.
    public struct Defect: Codable, Sendable {
        /// The rule it falls under.
        public var rule: String
        /// Other rules that report the same defect as truly (a blank 收入总计 is both a wrong column
        /// total and an unbalanced table).
        public var alternatives: [String]?
        /// The page (PDF); none for a defect of the whole document (a missing table or section).
        public var page: Int?
        /// The line (text files).
        public var line: Int?
        /// Where on the page, in words.
        public var `where`: String?
        /// What is printed.
        public var found: String?
        /// What it should be.
        public var expected: String?
        /// The evidence.
        public var why: String?
    }

    /// The document's path below the corpus folder.
    public var document: String
    /// The region (`shanghai`, `chongqing` …).
    public var region: String
    /// The profile the document must be detected as (`beijing-department-budget` …): the region's
    /// template it follows, judged by reading it.
    public var profile: String?
    /// `budget` or `final-accounts`.
    public var kind: String?
    /// `department` or `unit`.
    public var level: String?
    /// The unit's name.
    public var unit: String?
    /// The fiscal year.
    public var year: Int?
    /// The page count.
    public var pages: Int?
    /// False for a scan without a text layer.
    public var readable: Bool?
    /// Every table printed.
    public var tables: [Table]
    /// Every defect found by reading.
    public var defects: [Defect]
    /// How it was read.
    public var notes: String?
    /// The checker's findings judged against this truth.
    public var checkerReview: String?

    /// The truth files in `folder` (`*.json`), in name order.
    public static func all(in folder: String) throws -> [(path: String, truth: CorpusTruth)] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".json") }.sorted()
        return try names.map { name in
            let path = (folder as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw GongkaiError(.fileNotFound, "真值文件无法读取", path: path)
            }
            do {
                return (path, try JSONDecoder().decode(CorpusTruth.self, from: data))
            } catch {
                throw GongkaiError(.budgetInvalid, "真值文件格式不对（见 docs/corpus-truth.md）：\(error)", path: path)
            }
        }
    }
}
