import Foundation

/// One line of MuPDF's XML output (`-F stext`, `-F trace`), which writes one element per line: its
/// attributes are read straight from the UTF-8 bytes, without an XML parser (the output for a
/// 150-page document is 20 MB or more).
struct XMLElementLine {
    let bytes: UnsafeBufferPointer<UInt8>
    let start: Int
    let end: Int

    /// Calls `body` with every line of `bytes`, leading blanks skipped.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (XMLElementLine) throws -> Void) rethrows {
        var start = 0
        let count = bytes.count
        while start < count {
            var end = start
            while end < count, bytes[end] != 0x0A { end += 1 }
            var first = start
            while first < end, bytes[first] == 0x20 || bytes[first] == 0x09 { first += 1 }
            try body(XMLElementLine(bytes: bytes, start: first, end: end))
            start = end + 1
        }
    }

    func begins(with prefix: StaticString) -> Bool {
        let length = prefix.utf8CodeUnitCount
        guard end - start >= length else { return false }
        let pointer = prefix.utf8Start
        for offset in 0..<length where bytes[start + offset] != pointer[offset] { return false }
        return true
    }

    /// The byte range of the value of ` name="…"`.
    func value(_ name: StaticString) -> Range<Int>? {
        let length = name.utf8CodeUnitCount
        let pointer = name.utf8Start
        var index = start
        while index + length + 3 <= end {
            if bytes[index] == 0x20, bytes[index + length + 1] == 0x3D, bytes[index + length + 2] == 0x22 {
                var matches = true
                for offset in 0..<length where bytes[index + 1 + offset] != pointer[offset] {
                    matches = false
                    break
                }
                if matches {
                    let valueStart = index + length + 3
                    var valueEnd = valueStart
                    while valueEnd < end, bytes[valueEnd] != 0x22 { valueEnd += 1 }
                    return valueStart..<valueEnd
                }
            }
            index += 1
        }
        return nil
    }

    func number(_ name: StaticString) -> Double? {
        value(name).flatMap { numbers(in: $0, limit: 1).first }
    }

    /// Up to `limit` decimal numbers separated by spaces in `range`.
    func numbers(in range: Range<Int>, limit: Int) -> [Double] {
        var result: [Double] = []
        var index = range.lowerBound
        while index < range.upperBound, result.count < limit {
            while index < range.upperBound, bytes[index] == 0x20 { index += 1 }
            var negative = false
            if index < range.upperBound, bytes[index] == 0x2D {
                negative = true
                index += 1
            }
            var value = 0.0, scale = 0.0, digits = 0, exponent = 0, exponentSign = 0
            while index < range.upperBound, bytes[index] != 0x20 {
                let byte = bytes[index]
                if byte >= 0x30, byte <= 0x39, exponentSign != 0 {
                    exponent = min(exponent * 10 + Int(byte - 0x30), 400)
                } else if byte >= 0x30, byte <= 0x39 {
                    value = value * 10 + Double(byte - 0x30)
                    if scale > 0 { scale *= 10 }
                    digits += 1
                } else if byte == 0x2E, scale == 0, exponentSign == 0 {
                    scale = 1
                } else if byte == 0x65 || byte == 0x45, exponentSign == 0, digits > 0 {
                    exponentSign = 1  // %g writes tiny and huge values as 1.5e-05
                    if index + 1 < range.upperBound, bytes[index + 1] == 0x2D || bytes[index + 1] == 0x2B {
                        if bytes[index + 1] == 0x2D { exponentSign = -1 }
                        index += 1
                    }
                } else {
                    return result  // junk: not what mutool writes
                }
                index += 1
            }
            guard digits > 0 else { return result }
            var number = scale > 1 ? value / scale : value
            if exponentSign != 0 { number *= pow(10, Double(exponentSign * exponent)) }
            result.append(negative ? -number : number)
        }
        return result
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}

/// Cuts MuPDF's output, arriving in chunks of any size (from a file or a pipe), into whole lines.
struct XMLElementLineChunks {
    private var pending = Data()

    /// The longest line MuPDF writes for one element (a glyph's element is about 130 bytes): output
    /// with a longer one is not MuPDF's, and is not held waiting for its end.
    static let longestLine = 1 << 24

    /// Calls `body` with every line `chunk` completes; the rest waits for the next chunk.
    mutating func feed(_ chunk: Data, _ body: (XMLElementLine) throws -> Void) throws {
        pending.append(chunk)
        guard let lastNewline = pending.lastIndex(of: 0x0A) else {
            if pending.count > Self.longestLine { throw XMLElementLineError.lineTooLong(bytes: pending.count) }
            return
        }
        try Self.scan(pending[pending.startIndex...lastNewline], body)
        pending = Data(pending[pending.index(after: lastNewline)...])
    }

    /// Calls `body` with the last line, when the output did not end with a line break.
    mutating func finish(_ body: (XMLElementLine) throws -> Void) throws {
        try Self.scan(pending, body)
        pending = Data()
    }

    private static func scan(_ data: Data, _ body: (XMLElementLine) throws -> Void) throws {
        var failure: (any Error)?
        data.withUnsafeBytes { raw in
            do {
                try XMLElementLine.scan(raw.bindMemory(to: UInt8.self), body)
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
    }
}

/// MuPDF's output is not what it writes: a line without end.
enum XMLElementLineError: Error {
    case lineTooLong(bytes: Int)
}
