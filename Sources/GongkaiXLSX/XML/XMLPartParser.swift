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
        let outcome = ParseOutcome.run(XMLParser(stream: InputStream(data: data)), handler: handler)
        try outcome.verdict(part: part, sheet: sheet)
    }

    /// Feeds the events of a part that `produce` hands over a chunk at a time (to the function it is
    /// given) to `handler`, parsing each chunk as it comes on another thread: the part is never held
    /// whole, and when the handler stops early (a cell limit) the next chunk handed over throws, so
    /// that the producer stops too. The producer's own failure (a damaged entry) is reported first.
    static func parse(part: String, sheet: String?, into handler: some XMLContentHandler,
                      streaming produce: ((Data) throws -> Void) throws -> Void) throws {
        let stream = ChunkStream()
        let parsing = ParsingThread(handler: handler, stream: stream)
        parsing.start()
        var check = StreamingCheck()
        var producerFailure: (any Error)?
        do {
            try produce { chunk in
                try check.check(chunk, part: part, sheet: sheet)
                try stream.put(chunk)
            }
            try check.finish(part: part, sheet: sheet)
        } catch is ChunkStream.Closed {
            // The parser stopped before the end: its outcome says why.
        } catch {
            producerFailure = error
        }
        stream.end()
        let outcome = parsing.wait()
        if let producerFailure { throw producerFailure }
        try outcome.verdict(part: part, sheet: sheet)
    }

    /// Refuses what SpreadsheetML never contains but a hostile file might.
    private static func checkParseable(_ data: Data, part: String, sheet: String?) throws {
        var check = StreamingCheck()
        try check.check(data, part: part, sheet: sheet)
        try check.finish(part: part, sheet: sheet)
    }
}

/// What a run of the parser found, turned into the part's error if it found one.
private struct ParseOutcome {
    var succeeded: Bool
    var stop: EventForwarder.Stop?
    var sawRootElement: Bool
    var openElements: Int
    var line: Int

    static func run(_ parser: XMLParser, handler: some XMLContentHandler) -> ParseOutcome {
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        let delegate = EventForwarder(handler: handler)
        parser.delegate = delegate
        let succeeded = parser.parse()
        return ParseOutcome(succeeded: succeeded, stop: delegate.stop, sawRootElement: delegate.sawRootElement,
                            openElements: delegate.openElements, line: parser.lineNumber)
    }

    func verdict(part: String, sheet: String?) throws {
        // FoundationXML on Linux runs libxml2 in recovery mode and returns true even for mismatched
        // tags, so the result only matters when the delegate saw nothing wrong.
        switch stop {
        case let .contentIssue(issue, line):
            throw XLSXError(issue: issue, part: part, sheet: sheet, line: line)
        case let .malformed(line):
            throw XLSXError.malformedXML(part: part, sheet: sheet, line: line, "标记不完整或不合法")
        case nil:
            break
        }
        guard succeeded else {
            throw XLSXError.malformedXML(part: part, sheet: sheet, line: line, "标记不完整或不合法")
        }
        // FoundationXML on Linux reports nothing at all for inputs under four bytes.
        guard sawRootElement else {
            throw XLSXError.malformedXML(part: part, sheet: sheet, line: nil, "没有任何 XML 元素（内容为空或被截断）")
        }
        guard openElements == 0 else {
            throw XLSXError.malformedXML(part: part, sheet: sheet, line: line, "文档不完整，缺少结束标记")
        }
    }
}

/// The checks made before a part reaches the parser, chunk by chunk: no DTD (whose entities could
/// expand exponentially or load external files), and valid UTF-8 — FoundationXML on Linux
/// force-unwraps names it decodes as UTF-8, so bad bytes would crash the process. UTF-16 parts
/// (with a byte order mark) are left to libxml2.
private struct StreamingCheck {
    private var seen = 0
    private var utf16 = false
    /// The last bytes of the previous chunk: a `<!DOCTYPE` or a UTF-8 sequence may straddle two.
    private var overlap = Data()
    private var incomplete = Data()
    private static let doctype = Data("<!DOCTYPE".utf8)

    mutating func check(_ chunk: Data, part: String, sheet: String?) throws {
        if seen == 0 {
            let utf16ByteOrderMarks: [[UInt8]] = [[0xFE, 0xFF], [0xFF, 0xFE]]
            utf16 = utf16ByteOrderMarks.contains { chunk.starts(with: $0) }
        }
        seen += chunk.count
        if (overlap + chunk).range(of: Self.doctype) != nil {
            throw XLSXError.malformedXML(part: part, sheet: sheet, line: nil, "包含 DOCTYPE 声明，XLSX 中不允许出现")
        }
        overlap = Data(chunk.suffix(Self.doctype.count - 1))
        guard !utf16 else { return }
        var bytes = incomplete + chunk
        // A sequence cut at the chunk's end waits for the rest: up to three bytes after its lead byte.
        var cut = bytes.count
        for back in stride(from: 1, through: min(3, bytes.count), by: 1) {
            let byte = bytes[bytes.startIndex + bytes.count - back]
            if byte & 0xC0 == 0x80 { continue }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            if length > back { cut = bytes.count - back }
            break
        }
        incomplete = Data(bytes.suffix(bytes.count - cut))
        bytes = bytes.prefix(cut)
        if !isValidUTF8(bytes) {
            throw XLSXError.malformedXML(part: part, sheet: sheet, line: nil, "不是有效的 UTF-8 文本")
        }
    }

    mutating func finish(part: String, sheet: String?) throws {
        if !incomplete.isEmpty {
            throw XLSXError.malformedXML(part: part, sheet: sheet, line: nil, "不是有效的 UTF-8 文本")
        }
    }
}

/// The stream the parser reads a part from while it is still being inflated: a few chunks queued
/// at a time, the producer waiting while the queue is full.
private final class ChunkStream: InputStream, @unchecked Sendable {
    /// The parser has closed the stream: it will read no more.
    struct Closed: Error {}

    private let condition = NSCondition()
    private var queue: [Data] = []
    private var current = Data()
    private var offset = 0
    private var ended = false
    private var closed = false
    private static let depth = 4

    init() { super.init(data: Data()) }

    /// Queues `chunk`, waiting while the queue is full; throws `Closed` once the parser has stopped.
    func put(_ chunk: Data) throws {
        condition.lock()
        defer { condition.unlock() }
        while queue.count >= Self.depth, !closed { condition.wait() }
        if closed { throw Closed() }
        queue.append(chunk)
        condition.broadcast()
    }

    /// The part has been handed over whole (or the producer failed): the parser reads to the end.
    func end() {
        condition.lock()
        ended = true
        condition.broadcast()
        condition.unlock()
    }

    override func open() {}

    override func close() {
        condition.lock()
        closed = true
        queue = []
        condition.broadcast()
        condition.unlock()
    }

    override var hasBytesAvailable: Bool { true }

    override var streamStatus: Stream.Status { .open }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength length: Int) -> Int {
        condition.lock()
        defer { condition.unlock() }
        while offset == current.count {
            if !queue.isEmpty {
                current = queue.removeFirst()
                offset = 0
                condition.broadcast()
            } else if ended || closed {
                return 0
            } else {
                condition.wait()
            }
        }
        let count = min(length, current.count - offset)
        current.withUnsafeBytes { raw in
            buffer.update(from: raw.bindMemory(to: UInt8.self).baseAddress! + offset, count: count)
        }
        offset += count
        return count
    }
}

/// The parser run on a thread of its own over a `ChunkStream`.
private final class ParsingThread<Handler: XMLContentHandler>: @unchecked Sendable {
    private let handler: Handler
    private let stream: ChunkStream
    private let done = DispatchSemaphore(value: 0)
    private var outcome: ParseOutcome?

    init(handler: Handler, stream: ChunkStream) {
        self.handler = handler
        self.stream = stream
    }

    func start() {
        Thread.detachNewThread { [self] in
            outcome = ParseOutcome.run(XMLParser(stream: stream), handler: handler)
            // Whatever the parser did with the stream, it reads no more: a waiting producer is released.
            stream.close()
            done.signal()
        }
    }

    /// The outcome, once the parser has finished.
    func wait() -> ParseOutcome {
        done.wait()
        return outcome!
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
