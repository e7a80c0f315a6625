/// A failure to read or write something, shaped like swift-nio's `FileSystemError`: an extensible
/// code, a message that says what failed and how to fix it, the place, and the underlying cause.
///
/// Defects *in* a document are not errors: they are `Diagnostic`s returned by the rules.
public struct GongkaiError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// A stable identifier, e.g. `pdf-encrypted`.
        public let id: String

        /// Creates a code.
        public init(_ id: String) { self.id = id }

        public var description: String { id }

        /// The file does not exist or is not readable.
        public static let fileNotFound = Code("file-not-found")
        /// The path is not a regular file (a pipe, socket, device or broken link) and was not opened.
        public static let notRegularFile = Code("not-regular-file")
        /// The file is empty.
        public static let emptyFile = Code("empty-file")
        /// The file is larger than the configured limit.
        public static let fileTooLarge = Code("file-too-large")
        /// The file's format is not one Gongkai reads.
        public static let unsupportedFormat = Code("unsupported-format")
        /// A text file is neither UTF-8 nor GB18030, or the bytes are not text.
        public static let undecodableText = Code("undecodable-text")
        /// A PDF needs a password.
        public static let pdfEncrypted = Code("pdf-encrypted")
        /// A PDF is damaged or truncated.
        public static let pdfDamaged = Code("pdf-damaged")
        /// A PDF has no text layer (a scan).
        public static let pdfWithoutText = Code("pdf-without-text")
        /// A helper program (pdftotext) is missing, failed or took too long.
        public static let toolFailed = Code("tool-failed")
        /// An XLSX workbook is damaged or has no worksheet.
        public static let spreadsheetInvalid = Code("spreadsheet-invalid")
        /// The file was read but holds no disclosure (no table, no budget wording).
        public static let notADisclosure = Code("not-a-disclosure")
        /// A catalog file is malformed.
        public static let catalogInvalid = Code("catalog-invalid")
        /// A profile file or name is invalid.
        public static let profileInvalid = Code("profile-invalid")
        /// A budget data file (JSON or workbook) is malformed or holds values that cannot be used.
        public static let budgetInvalid = Code("budget-invalid")
        /// The document holds more of something (pages, words, lines, cells, the characters of one
        /// paragraph) than any disclosure does, and was refused before it could cost minutes or gigabytes.
        public static let limitExceeded = Code("limit-exceeded")
        /// Reading and checking the document took longer than its time limit.
        public static let timedOut = Code("timed-out")
        /// Writing an output file failed.
        public static let writeFailed = Code("write-failed")
    }

    /// A cause given as text, such as a helper program's error output.
    public struct Detail: Error, Sendable, CustomStringConvertible {
        /// The text.
        public var description: String

        /// Creates a detail.
        public init(_ text: String) { description = text }
    }

    /// What kind of failure this is.
    public var code: Code
    /// What failed and how to fix it (Chinese, for users).
    public var message: String
    /// The file concerned.
    public var path: String?
    /// Where in the file, when known (page, sheet, row).
    public var location: SourceLocation?
    /// The underlying error, if any.
    public var cause: (any Error & Sendable)?

    /// Creates an error.
    public init(_ code: Code, _ message: String, path: String? = nil, location: SourceLocation? = nil, cause: (any Error & Sendable)? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.location = location
        self.cause = cause
    }

    public var description: String {
        var text = ""
        if let path { text += path }
        if let place = location?.placeDescription, !place.isEmpty { text += (text.isEmpty ? "" : " ") + place }
        text += (text.isEmpty ? "" : ": ") + message
        if let cause { text += "（原因：\(cause)）" }
        return text
    }
}
