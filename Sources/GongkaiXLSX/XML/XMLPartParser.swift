import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Runs Foundation's event-based `XMLParser` over one part and reports any failure as an
/// `XLSXError` naming the part, the sheet and the line.
enum XMLPartParser {
    /// Feeds the events of `data` to `handler`.
    static func parse(_ data: Data, part: String, sheet: String?, into handler: some XMLContentHandler) throws {
        try checkParseable(data, part: part, sheet: sheet)
        // Fed in chunks through a stream: FoundationXML on Linux hands `XMLParser(data:)` to libxml2
        // in one piece, which fails with an internal error on parts of some tens of megabytes.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        let delegate = EventForwarder(handler: handler)
        parser.delegate = delegate
        // FoundationXML on Linux runs libxml2 in recovery mode and returns true even for mismatched
        // tags, so the result only matters when the delegate saw nothing wrong.
        let succeeded = parser.parse()
        switch delegate.stop {
        case let .contentIssue(issue, line):
            throw XLSXError(issue: issue, part: part, sheet: sheet, line: line)
        case let .malformed(line):
            throw XLSXError.malformedXML(part: part, sheet: sheet, line: line, "标记不完整或不合法")
        case nil:
            break
        }
        guard succeeded else {
            throw XLSXError.malformedXML(part: part, sheet: sheet, line: parser.lineNumber, "标记不完整或不合法")
        }
        // FoundationXML on Linux reports nothing at all for inputs under four bytes.
        guard delegate.sawRootElement else {
            throw XLSXError.malformedXML(part: part, sheet: sheet, line: nil, "没有任何 XML 元素（内容为空或被截断）")
        }
        guard delegate.openElements == 0 else {
            throw XLSXError.malformedXML(part: part, sheet: sheet, line: parser.lineNumber, "文档不完整，缺少结束标记")
        }
    }

    /// Refuses what SpreadsheetML never contains but a hostile file might.
    private static func checkParseable(_ data: Data, part: String, sheet: String?) throws {
        // A DTD could declare entities that expand exponentially or load external files.
        if data.range(of: Data("<!DOCTYPE".utf8)) != nil {
            throw XLSXError.malformedXML(part: part, sheet: sheet, line: nil, "包含 DOCTYPE 声明，XLSX 中不允许出现")
        }
        // FoundationXML on Linux force-unwraps names it decodes as UTF-8; refusing bad bytes up front
        // keeps a damaged file from crashing the process. UTF-16 parts (with a BOM) are left to libxml2.
        let utf16ByteOrderMarks: [[UInt8]] = [[0xFE, 0xFF], [0xFF, 0xFE]]
        if !utf16ByteOrderMarks.contains(where: { data.starts(with: $0) }), !isValidUTF8(data) {
            throw XLSXError.malformedXML(part: part, sheet: sheet, line: nil, "不是有效的 UTF-8 文本")
        }
    }
}

/// Whether `data` decodes as UTF-8 without errors, checked without building a string.
private func isValidUTF8(_ data: Data) -> Bool {
    data.withUnsafeBytes { buffer in
        var bytes = buffer.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&bytes) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }
}

private extension XLSXError {
    init(issue: XMLContentIssue, part: String, sheet: String?, line: Int) {
        switch issue.kind {
        case .limitExceeded:
            self = .limitExceeded(part: part, sheet: sheet, issue.detail)
        default:
            self = .invalidContent(part: part, sheet: sheet, line: line, issue.detail)
        }
    }
}

/// The `XMLParserDelegate` that strips prefixes, forwards events and stops at the first problem.
private final class EventForwarder: NSObject, XMLParserDelegate {
    /// Why forwarding stopped early.
    enum Stop {
        case contentIssue(XMLContentIssue, line: Int)
        case malformed(line: Int)
    }

    /// libxml2 codes (`xmlParserErrors`) that it reports through the error callback although the
    /// document is well-formed: warnings such as a relative namespace URI or XML version 1.1, and
    /// namespace errors such as an undeclared prefix, which do not matter because prefixes are
    /// ignored here.
    private static let toleratedWarningCodes: Set<Int> = [27, 97, 98, 99, 100, 102, 106, 107]
    private static let namespaceErrorCodes = 200..<300

    private let handler: any XMLContentHandler
    private(set) var stop: Stop?
    private(set) var sawRootElement = false
    private(set) var openElements = 0

    init(handler: any XMLContentHandler) {
        self.handler = handler
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        guard stop == nil else { return }
        sawRootElement = true
        openElements += 1
        run(parser) { () throws(XMLContentIssue) in
            try handler.startElement(Self.localName(elementName), attributes: XMLAttributes(attributeDict))
        }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?) {
        guard stop == nil else { return }
        openElements -= 1
        run(parser) { () throws(XMLContentIssue) in try handler.endElement(Self.localName(elementName)) }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard stop == nil else { return }
        handler.characters(string)
    }

    func parser(_ parser: XMLParser, foundIgnorableWhitespace whitespaceString: String) {
        guard stop == nil else { return }
        handler.characters(whitespaceString)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard stop == nil else { return }
        handler.characters(String(decoding: CDATABlock, as: UTF8.self))
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        let code = (parseError as NSError).code
        guard stop == nil, !Self.toleratedWarningCodes.contains(code), !Self.namespaceErrorCodes.contains(code) else {
            return
        }
        // Events after the first error come from libxml2's guesswork, so none are forwarded.
        stop = .malformed(line: parser.lineNumber)
        parser.abortParsing()
    }

    private func run(_ parser: XMLParser, _ body: () throws(XMLContentIssue) -> Void) {
        do {
            try body()
        } catch {
            stop = .contentIssue(error, line: parser.lineNumber)
            parser.abortParsing()
        }
    }

    private static func localName(_ qualifiedName: String) -> String {
        guard let colon = qualifiedName.lastIndex(of: ":") else { return qualifiedName }
        return String(qualifiedName[qualifiedName.index(after: colon)...])
    }
}
