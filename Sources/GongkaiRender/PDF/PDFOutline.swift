import Foundation
import GongkaiCore
import GongkaiFiles

/// The bookmarks of a PDF — each heading's title and the page it is on — as `mutool show … outline`
/// (Debian `mupdf-tools`) lists them. Chromium writes one bookmark per heading when asked
/// (`generateDocumentOutline`), which is how a printed package learns on which page each entry of its
/// 目录 fell.
public enum PDFOutline {
    /// One bookmark.
    public struct Entry: Sendable, Equatable {
        /// The heading's text.
        public var title: String
        /// Its page, from 1.
        public var page: Int
    }

    /// The bookmarks of `pdf`, in document order.
    public static func entries(of pdf: Data) throws -> [Entry] {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(TemporaryName.make(prefix: "", suffix: "-outline.pdf"))
        try pdf.write(to: file)
        let token = Interruption.removeOnInterrupt(file.path)
        defer {
            try? FileManager.default.removeItem(at: file)
            Interruption.release(token)
        }
        return parse(try listing(file.path))
    }

    /// Entries from mutool's outline listing: one line per bookmark, `|` or `+`/`-` and tabs for its
    /// depth, the title in quotes, then `#page=N&…`.
    static func parse(_ listing: String) -> [Entry] {
        listing.split(whereSeparator: \.isNewline).compactMap { line in
            guard let open = line.firstIndex(of: "\""), let target = line.range(of: "\t#page=", options: .backwards),
                  open < target.lowerBound else { return nil }
            let quoted = line[line.index(after: open)..<target.lowerBound]
            guard quoted.hasSuffix("\"") else { return nil }
            let title = String(quoted.dropLast()).replacingOccurrences(of: "\\\"", with: "\"").replacingOccurrences(of: "\\\\", with: "\\")
            guard let page = Int(line[target.upperBound...].prefix { $0.isNumber }) else { return nil }
            return Entry(title: title, page: page)
        }
    }

    private static func listing(_ path: String) throws -> String {
        guard let tool = ["/usr/bin/mutool", "/usr/local/bin/mutool"].first(where: FileManager.default.isExecutableFile(atPath:)) else {
            throw GongkaiError(.toolFailed, "生成 PDF 目录页码需要 mutool：请安装 mupdf-tools（apt-get install mupdf-tools）")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["show", path, "outline"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let token = Interruption.stopOnInterrupt(process: process.processIdentifier)
        defer { Interruption.release(token) }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw GongkaiError(.toolFailed, "mutool 读取 PDF 书签失败（退出码 \(process.terminationStatus)）")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

/// The page on which each entry of a document's 目录 is printed, found in the bookmarks of a print.
public enum ContentsPages {
    /// One page number per entry of `document.contents`, or nil when a heading has no bookmark.
    public static func pages(for document: RenderedDocument, in outline: [PDFOutline.Entry]) -> [Int]? {
        func key(_ text: String) -> String { text.filter { !$0.isWhitespace } }
        let headings = document.contentsEntries.map(\.heading)
        var pages: [Int] = []
        var next = outline.firstIndex { key($0.title) == "目录" }.map { $0 + 1 } ?? 0
        for heading in headings {
            guard let found = outline[next...].firstIndex(where: { key($0.title) == key(heading) }) else { return nil }
            pages.append(outline[found].page)
            next = found + 1
        }
        return pages
    }
}
