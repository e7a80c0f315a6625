import GongkaiCore

/// Errors of the PDF printer: Chromium missing, failing to start, or not answering.
enum PDFPrinterError {
    /// Chromium could not be found, started or driven.
    static func browser(_ message: String) -> GongkaiError {
        GongkaiError(.toolFailed, "生成 PDF 失败：\(message)。请安装 chromium 与中文字体（apt-get install chromium fonts-arphic-uming fonts-arphic-ukai fonts-wqy-zenhei），或用 GONGKAI_CHROMIUM 指定浏览器路径")
    }
}
