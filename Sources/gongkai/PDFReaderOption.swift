import ArgumentParser
import GongkaiImport

/// `--pdf-reader`, shared by every command that reads PDFs.
struct PDFReaderOption: ParsableArguments {
    @Option(name: .customLong("pdf-reader"), help: "提取 PDF 文字的程序：mutool（MuPDF，按字形基线）或 pdftotext（poppler）。")
    var extractor: PDFExtractor = .mutool

    @Flag(help: "PDF 没有文字层（扫描件）时用 tesseract 识别文字（需要 tesseract-ocr、tesseract-ocr-chi-sim）；识别出的数字可能有误，发现的问题只作为警告。")
    var ocr = false
}

extension PDFExtractor: ExpressibleByArgument {}
