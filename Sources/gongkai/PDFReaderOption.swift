import ArgumentParser
import GongkaiImport

/// `--pdf-reader`, shared by every command that reads PDFs.
struct PDFReaderOption: ParsableArguments {
    @Option(name: .customLong("pdf-reader"), help: "提取 PDF 文字的程序：mutool（MuPDF，按字形基线）或 pdftotext（poppler）。")
    var extractor: PDFExtractor = .mutool
}

extension PDFExtractor: ExpressibleByArgument {}
