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

    /// Creates options.
    public init(maxFileSize: Int = 100 * 1024 * 1024, pdftotextPath: String? = nil, pdfTimeout: Double = 60,
                pdfExtractor: PDFExtractor = .mutool, ocr: Bool = false) {
        self.maxFileSize = maxFileSize
        self.pdftotextPath = pdftotextPath
        self.pdfTimeout = pdfTimeout
        self.pdfExtractor = pdfExtractor
        self.ocr = ocr
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

    /// Reads the file at `path`.
    public func read(path: String) throws -> Disclosure {
        let layout = try layout(path: path)
        var disclosure = DisclosureAssembler.assemble(layout)
        disclosure.metadata.readByOCR = layout.readByOCR
        try ensureDisclosure(disclosure, layout: layout)
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

    private func layout(path: String) throws -> LayoutDocument {
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
        case .pdf: layout = try readPDF(path: path)
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
    public func pdfTSV(path: String) throws -> String {
        try PDFTextRunner(executable: options.pdftotextPath, timeout: options.pdfTimeout).text(for: path)
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
    public func pdfWords(path: String) throws -> PDFWordLayer {
        let trace = PDFRulingTrace.start(path: path, timeout: options.pdfTimeout)
        let words = Result { try wordsOnly(path: path) }
        // Waited for even when the words failed: the tracing child never outlives the reading.
        let rulings = trace?.wait() ?? [:]
        var layer = try words.get()
        layer.rulings = rulings
        return layer
    }

    private func wordsOnly(path: String) throws -> PDFWordLayer {
        if options.pdfExtractor == .mutool, PDFTextRunner.findOnPath(PDFExtractor.mutool.program) != nil {
            let parsed = StextWordParser.parse(try extractPDFText(path: path))
            let layer = PDFWordLayer(words: parsed.words, pages: parsed.pages)
            if !layer.looksGarbled { return layer }
        }
        let parsed = TSVWordParser.parse(try pdfTSV(path: path))
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
        return TextLayoutReader.read(text, path: path)
    }

    private func readPDF(path: String) throws -> LayoutDocument {
        let layer = try pdfWords(path: path)
        if layer.words.isEmpty, !layer.pages.isEmpty, options.ocr {
            // A scan: its words recognised from the page pictures, read as drawn words (no ruling lines).
            let recognised = try PDFOCRReader(timeout: options.pdfTimeout).layer(path: path, pageCount: layer.pages.count)
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
        return PDFLayoutBuilder.build(words: parsed.words, pages: parsed.pages, rulings: rulings, path: path)
    }

    private func readSpreadsheet(path: String) throws -> LayoutDocument {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GongkaiError(.fileNotFound, "文件无法读取", path: path)
        }
        return try spreadsheetLayout(data, path: path)
    }

    private func spreadsheetLayout(_ data: Data, path: String) throws -> LayoutDocument {
        do {
            let workbook = try XLSXReader.read(data: data)
            return SpreadsheetLayoutReader.read(workbook, path: path)
        } catch let error as XLSXError {
            let location = error.sheet.map { SourceLocation(file: path, line: error.line, sheet: $0) }
            let part = error.part.map { "（\($0)\(error.line.map { " 第\($0)行" } ?? "")）" } ?? ""
            throw GongkaiError(.spreadsheetInvalid, error.message + part, path: path, location: location)
        }
    }

    /// A file that was read but holds nothing of a disclosure is reported, not silently passed.
    private func ensureDisclosure(_ disclosure: Disclosure, layout: LayoutDocument) throws {
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
