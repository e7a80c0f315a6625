import Foundation
import GongkaiCore
import GongkaiFiles
import GongkaiXLSX

/// Settings for reading documents.
public struct ImportOptions: Sendable {
    /// Files larger than this are refused with a clear message rather than read.
    public var maxFileSize: Int
    /// The pdftotext executable; found on PATH when nil.
    public var pdftotextPath: String?
    /// Seconds after which pdftotext is stopped.
    public var pdfTimeout: Double
    /// The program that extracts PDF words: MuPDF by default (glyph baselines; BENCHMARKS.md compares the two).
    public var pdfExtractor: PDFExtractor
    /// Whether a PDF without a text layer (a scan) is read by OCR (tesseract) instead of refused.
    public var ocr: Bool
    /// The most a document may hold of pages, words, lines, cells and paragraph characters.
    public var limits: ReadingLimits

    /// Creates options.
    public init(maxFileSize: Int = 100 * 1024 * 1024, pdftotextPath: String? = nil, pdfTimeout: Double = 60,
                pdfExtractor: PDFExtractor = .mutool, ocr: Bool = false, limits: ReadingLimits = .standard) {
        self.maxFileSize = maxFileSize
        self.pdftotextPath = pdftotextPath
        self.pdfTimeout = pdfTimeout
        self.pdfExtractor = pdfExtractor
        self.ocr = ocr
        self.limits = limits
    }
}

/// Reads a published disclosure — PDF, XLSX, or text/markdown in UTF-8 or GB18030 — into a `Disclosure`.
///
/// Failures to read are thrown as `GongkaiError`s that name the file and say what to do; defects in a
/// document that could be read are left to the rules.
public struct DisclosureImporter: Sendable {
    /// The options in use.
    public var options: ImportOptions

    /// Creates an importer.
    public init(options: ImportOptions = ImportOptions()) {
        self.options = options
    }

    /// The formats, by file extension, that `read(path:)` accepts when walking folders.
    public static let fileExtensions: Set<String> = ["pdf", "xlsx", "txt", "md", "markdown", "text", "tsv", "html", "htm"]

    /// Reads the file at `path`, stopping with a `timedOut` error when `deadline` passes.
    public func read(path: String, deadline: Deadline = .none) throws -> Disclosure {
        let layout = try layout(path: path, deadline: deadline)
        try deadline.check(path: path, stage: "读取版面")
        var disclosure = DisclosureAssembler.assemble(layout)
        disclosure.metadata.readByOCR = layout.readByOCR
        try ensureDisclosure(disclosure, layout: layout)
        try deadline.check(path: path, stage: "识别表格与说明")
        return disclosure
    }

    /// The printed lines of the file at `path` before any interpretation, one per output line: where
    /// each is, whether it is a row of a drawn grid, and each cell's text with its horizontal extent —
    /// what a misread table is traced back to. Only the lines of `page` when given.
    public func layoutListing(path: String, page: Int? = nil) throws -> String {
        var result = ""
        for line in try layout(path: path).lines where page == nil || line.page == page {
            let cells = line.cells.map { cell in
                "[\(cell.text) \(Int(cell.x0.rounded()))–\(Int(cell.x1.rounded()))\(cell.frame == nil ? "" : " 框")]"
            }
            result += "第\(line.page)页第\(line.location.line ?? 0)行\(line.isDrawnRow ? " 表格行" : "") y=\(Int(line.top.rounded())) "
                + cells.joined(separator: " ") + "\n"
        }
        return result
    }

    private func layout(path: String, deadline: Deadline = .none) throws -> LayoutDocument {
        if let problem = InputFiles.problem(with: path) { throw problem }
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        if size > options.maxFileSize {
            throw GongkaiError(.fileTooLarge, "文件过大（\(Self.megabytes(size)) MB，上限 \(Self.megabytes(options.maxFileSize)) MB）：预决算公开文件通常不超过数十 MB；如确需检查，请用 --max-file-size 调高上限", path: path)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw GongkaiError(.fileNotFound, "文件无法打开（权限不足？）", path: path)
        }
        let head = (try? handle.read(upToCount: FileSignature.searchedBytes)) ?? Data()
        try? handle.close()
        if head.isEmpty {
            throw GongkaiError(.emptyFile, "文件为空（0 字节）", path: path)
        }
        let layout: LayoutDocument
        switch try FileSignature.kind(of: head, path: path) {
        case .pdf: layout = try readPDF(path: path, deadline: deadline)
        case .zip: layout = try readSpreadsheet(path: path)
        case .text:
            guard let data = FileManager.default.contents(atPath: path) else {
                throw GongkaiError(.fileNotFound, "文件无法读取", path: path)
            }
            layout = try readText(data, path: path)
        }
        return layout
    }

    private static func megabytes(_ bytes: Int) -> String {
        bytes < 1_048_576 && bytes > 0 ? String(format: "%.2f", Double(bytes) / 1_048_576) : String(bytes / 1_048_576)
    }

    /// Reads text already in memory (used by tests, fuzzing and benchmarks).
    public func read(text: String, path: String) throws -> Disclosure {
        try checkTextSize(text, path: path)
        let layout = TextLayoutReader.read(text, path: path)
        let disclosure = DisclosureAssembler.assemble(layout)
        try ensureDisclosure(disclosure, layout: layout)
        return disclosure
    }

    /// Reads an XLSX workbook already in memory.
    public func read(spreadsheet data: Data, path: String) throws -> Disclosure {
        let layout = try spreadsheetLayout(data, path: path)
        let disclosure = DisclosureAssembler.assemble(layout)
        try ensureDisclosure(disclosure, layout: layout)
        return disclosure
    }

    /// Reads the TSV output of `pdftotext -tsv` already in memory (used by benchmarks and tests).
    public func read(pdfTSV tsv: String, path: String) throws -> Disclosure {
        let layout = try pdfLayout(tsv, path: path)
        let disclosure = DisclosureAssembler.assemble(layout)
        try ensureDisclosure(disclosure, layout: layout)
        return disclosure
    }

    /// The `pdftotext -tsv` output for a PDF.
    public func pdfTSV(path: String, deadline: Deadline = .none) throws -> String {
        try PDFTextRunner(executable: options.pdftotextPath, timeout: options.pdfTimeout, deadline: deadline).text(for: path)
    }

    /// The raw output of the chosen extractor for a PDF (what `read(path:)` parses), for timing it alone.
    public func extractPDFText(path: String) throws -> String {
        switch options.pdfExtractor {
        case .pdftotext: try pdfTSV(path: path)
        case .mutool: try PDFTextRunner(executable: nil, timeout: options.pdfTimeout, extractor: .mutool).text(for: path)
        }
    }

    /// A PDF's words as the chosen extractor reports them, with each page's ruling lines from MuPDF's
    /// trace of its drawing, exactly as `read(path:)` obtains them.
    ///
    /// MuPDF is used when installed and its text is sound; otherwise pdftotext. MuPDF lacks the
    /// character collections poppler has, and writes every glyph of a CID font without a ToUnicode map as
    /// one and the same character: such text is garbled, not the document's. The rulings come from
    /// MuPDF whichever program gives the words (both measure in points from the top left).
    public func pdfWords(path: String, deadline: Deadline = .none) throws -> PDFWordLayer {
        let trace = PDFRulingTrace.start(path: path, timeout: options.pdfTimeout, deadline: deadline)
        let words = Result { try wordsOnly(path: path, deadline: deadline) }
        // Waited for even when the words failed (then stopped first): the tracing child never outlives the reading.
        if case .failure = words { trace?.cancel() }
        let rulings = trace?.wait() ?? [:]
        var layer = try words.get()
        layer.rulings = rulings
        return layer
    }

    private func wordsOnly(path: String, deadline: Deadline) throws -> PDFWordLayer {
        let limits = options.limits
        if options.pdfExtractor == .mutool, PDFTextRunner.findOnPath(PDFExtractor.mutool.program) != nil {
            let runner = PDFTextRunner(executable: nil, timeout: options.pdfTimeout, extractor: .mutool, deadline: deadline)
            var reader = StextWordParser.Reader(limits: limits, path: path)
            try runner.streamOutput(for: path) { try reader.feed($0) }
            let parsed = try reader.finish()
            let layer = PDFWordLayer(words: parsed.words, pages: parsed.pages)
            if !layer.looksGarbled { return layer }
        }
        let parsed = TSVWordParser.parse(try pdfTSV(path: path, deadline: deadline))
        if parsed.pages.count > limits.pages { throw limits.refusal(.pages, path: path) }
        if parsed.words.count > limits.words { throw limits.refusal(.words, path: path) }
        return PDFWordLayer(words: parsed.words, pages: parsed.pages)
    }

    /// Reads a PDF's words already extracted (used by benchmarks).
    public func read(pdfWords layer: PDFWordLayer, path: String) throws -> Disclosure {
        let layout = try pdfLayout((layer.words, layer.pages), rulings: layer.rulings, path: path)
        let disclosure = DisclosureAssembler.assemble(layout)
        try ensureDisclosure(disclosure, layout: layout)
        return disclosure
    }

    private func readText(_ data: Data, path: String) throws -> LayoutDocument {
        let decoded = try TextDecoding.decode(data, path: path)
        // A disclosure published as a web page: its paragraphs, headings and tables as text lines.
        let text = HTMLText.looksLikeHTML(decoded.text) ? HTMLText.text(fromHTML: decoded.text) : decoded.text
        try checkTextSize(text, path: path)
        return TextLayoutReader.read(text, path: path)
    }

    /// Refuses text with more lines, or table cells, than the limits allow, before any is laid out.
    private func checkTextSize(_ text: String, path: String) throws {
        var lineCount = 1, tabCount = 0
        for byte in text.utf8 {
            if byte == 0x0A { lineCount += 1 } else if byte == 0x09 { tabCount += 1 }
        }
        if lineCount > options.limits.lines {
            throw ReadingLimits.refusal("行", found: "文本有 \(lineCount) 行", limit: options.limits.lines, path: path)
        }
        // Every line holds a cell, and every tab starts another.
        if lineCount + tabCount > options.limits.cells {
            throw ReadingLimits.refusal("个单元格", found: "文本中的表格约有 \(lineCount + tabCount) 个单元格", limit: options.limits.cells, path: path)
        }
    }

    private func readPDF(path: String, deadline: Deadline) throws -> LayoutDocument {
        let layer = try pdfWords(path: path, deadline: deadline)
        try deadline.check(path: path, stage: "提取 PDF 文字")
        if layer.words.isEmpty, !layer.pages.isEmpty, options.ocr {
            // A scan: its words recognised from the page pictures, read as drawn words (no ruling lines).
            let recognised = try PDFOCRReader(timeout: options.pdfTimeout, deadline: deadline).layer(path: path, pageCount: layer.pages.count)
            var layout = try pdfLayout((recognised.words, recognised.pages), path: path)
            layout.readByOCR = true
            return layout
        }
        return try pdfLayout((layer.words, layer.pages), rulings: layer.rulings, path: path)
    }

    private func pdfLayout(_ tsv: String, path: String) throws -> LayoutDocument {
        try pdfLayout(TSVWordParser.parse(tsv), path: path)
    }

    private func pdfLayout(_ parsed: (words: [PDFWord], pages: [Int: PDFPageSize]), rulings: [Int: [PDFRuling]] = [:],
                           path: String) throws -> LayoutDocument {
        if parsed.pages.isEmpty {
            throw GongkaiError(.pdfDamaged, "PDF 中没有可读的页面：文件可能已损坏或被截断", path: path)
        }
        if parsed.words.isEmpty {
            throw GongkaiError(.pdfWithoutText, "PDF 共 \(parsed.pages.count) 页，但没有文字层（可能是扫描件）：请取得可复制文字的 PDF，或加 --ocr 做文字识别（需要 tesseract-ocr 和 tesseract-ocr-chi-sim）", path: path)
        }
        let layout = PDFLayoutBuilder.build(words: parsed.words, pages: parsed.pages, rulings: rulings, path: path)
        let cells = layout.lines.reduce(0) { $0 + $1.cells.count }
        if cells > options.limits.cells {
            throw ReadingLimits.refusal("个单元格", found: "PDF 的文字排成了 \(cells) 个单元格", limit: options.limits.cells, path: path)
        }
        return layout
    }

    private func readSpreadsheet(path: String) throws -> LayoutDocument {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GongkaiError(.fileNotFound, "文件无法读取", path: path)
        }
        return try spreadsheetLayout(data, path: path)
    }

    private func spreadsheetLayout(_ data: Data, path: String) throws -> LayoutDocument {
        do {
            let workbook = try XLSXReader.read(data: data, limits: options.limits.workbook)
            return SpreadsheetLayoutReader.read(workbook, path: path)
        } catch let error as XLSXError {
            let location = error.sheet.map { SourceLocation(file: path, line: error.line, sheet: $0) }
            let part = error.part.map { "（\($0)\(error.line.map { " 第\($0)行" } ?? "")）" } ?? ""
            throw GongkaiError(error.kind == .limitExceeded ? .limitExceeded : .spreadsheetInvalid, error.message + part, path: path, location: location)
        }
    }

    /// A file that was read but holds nothing of a disclosure is reported, not silently passed; nor is
    /// one with a paragraph longer than any a disclosure has.
    private func ensureDisclosure(_ disclosure: Disclosure, layout: LayoutDocument) throws {
        let limit = options.limits.paragraphCharacters
        if let long = disclosure.narrative.first(where: { $0.text.unicodeScalars.count > limit }) {
            throw ReadingLimits.refusal("字", found: "一段文字长达 \(long.text.unicodeScalars.count) 字", limit: limit, path: disclosure.path,
                                        location: long.location(at: 0))
        }
        if !disclosure.tables.isEmpty || layout.header["kind"] != nil { return }
        let hasBudgetWording = disclosure.narrative.contains { paragraph in
            paragraph.text.contains("预算") || paragraph.text.contains("决算")
                || ((paragraph.text.contains("收入") || paragraph.text.contains("支出")) && paragraph.mentions.contains { if case .amount = $0.kind { true } else { false } })
        }
        if hasBudgetWording { return }
        let nonBlank = layout.lines.filter { !$0.isBlank }.count
        throw GongkaiError(.notADisclosure, "未识别到预决算公开内容（\(nonBlank) 行文字中没有预算/决算表格或说明）：请确认文件是部门或单位的预算、决算公开文件", path: disclosure.path)
    }
}
