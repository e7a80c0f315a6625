/// The errors the reader and writer raise, with their Chinese wording kept in one place.
extension XLSXError {
    /// The bytes are not a ZIP archive at all, or its directory cannot be read.
    static func notAnArchive(_ detail: String) -> XLSXError {
        XLSXError(kind: .notAZipArchive,
                  message: "无法作为 XLSX 文件打开：\(detail)。文件可能已损坏、被截断，或只是把扩展名改成了 .xlsx")
    }

    /// One entry of an otherwise readable archive is damaged.
    static func damagedEntry(_ part: String, _ detail: String) -> XLSXError {
        XLSXError(kind: .notAZipArchive,
                  message: "XLSX 压缩包中的 \(part) 已损坏：\(detail)。文件可能已损坏或被截断",
                  part: part)
    }

    /// A part the workbook needs is absent.
    static func missingPart(_ part: String, sheet: String? = nil, _ consequence: String) -> XLSXError {
        XLSXError(kind: .missingPart,
                  message: "工作簿缺少 \(part)：\(consequence)",
                  part: part, sheet: sheet)
    }

    /// Reading `part` would pass a limit.
    static func limitExceeded(part: String, sheet: String?, _ detail: String) -> XLSXError {
        XLSXError(kind: .limitExceeded,
                  message: "\(location(part: part, sheet: sheet, line: nil))：\(detail)。文件异常庞大或是压缩炸弹，已停止读取",
                  part: part, sheet: sheet)
    }

    /// A part is not well-formed XML.
    static func malformedXML(part: String, sheet: String?, line: Int?, _ detail: String) -> XLSXError {
        XLSXError(kind: .malformedXML,
                  message: "\(location(part: part, sheet: sheet, line: line))的 XML 格式错误：\(detail)。文件可能已损坏，可用 Excel 或 WPS 打开后另存为 .xlsx 再试",
                  part: part, sheet: sheet, line: line)
    }

    /// A part is well-formed but holds something SpreadsheetML does not allow.
    static func invalidContent(part: String, sheet: String?, line: Int?, _ detail: String) -> XLSXError {
        XLSXError(kind: .malformedXML,
                  message: "\(location(part: part, sheet: sheet, line: line))：\(detail)。文件可能已损坏",
                  part: part, sheet: sheet, line: line)
    }

    /// The writer was given content it cannot turn into a valid file.
    static func writeFailed(sheet: String?, _ detail: String) -> XLSXError {
        let place = sheet.map { "工作表「\($0)」：" } ?? ""
        return XLSXError(kind: .writeFailed, message: "无法生成 XLSX 文件：\(place)\(detail)", sheet: sheet)
    }

    /// Where in the workbook: `工作表「收入」（xl/worksheets/sheet2.xml 第 12 行）` or `xl/styles.xml 第 3 行`.
    private static func location(part: String, sheet: String?, line: Int?) -> String {
        let position = line.map { "\(part) 第 \($0) 行" } ?? part
        return sheet.map { "工作表「\($0)」（\(position)）" } ?? position
    }
}
