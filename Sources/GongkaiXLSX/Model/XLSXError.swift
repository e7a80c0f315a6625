/// Why a workbook could not be read or written, with a Chinese message for end users.
public struct XLSXError: Error, Sendable, CustomStringConvertible {
    /// The broad reason, for callers that react differently to each.
    public enum Kind: String, Sendable {
        /// The bytes are not a readable ZIP archive, or an entry in it is damaged.
        case notAZipArchive
        /// A part the workbook needs (such as `xl/workbook.xml`) is absent.
        case missingPart
        /// A part is not well-formed XML, or holds values SpreadsheetML does not allow.
        case malformedXML
        /// The workbook lists no worksheet that can be read.
        case noWorksheets
        /// Reading would pass one of the `XLSXLimits`.
        case limitExceeded
        /// A sheet name given to the writer breaks Excel's naming rules.
        case invalidSheetName
        /// The writer could not produce the file from the content it was given.
        case writeFailed
    }

    /// The broad reason.
    public var kind: Kind
    /// What is wrong and where, in Chinese, ready to show to an end user.
    public var message: String
    /// The ZIP entry concerned, such as `xl/worksheets/sheet2.xml`, when known.
    public var part: String?
    /// The sheet name concerned, when known.
    public var sheet: String?
    /// The XML line number reported by the parser, for malformed XML.
    public var line: Int?

    /// Creates an error; `message` should already say where the problem is.
    public init(kind: Kind, message: String, part: String? = nil, sheet: String? = nil, line: Int? = nil) {
        self.kind = kind
        self.message = message
        self.part = part
        self.sheet = sheet
        self.line = line
    }

    /// The message.
    public var description: String { message }
}
