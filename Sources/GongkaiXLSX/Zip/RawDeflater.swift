import CGongkaiZlib

/// A raw deflate stream (RFC 1951, as ZIP entries hold it) fed piece by piece: each call returns
/// the compressed bytes ready so far, and the CRC-32 and sizes of what went in are kept.
final class RawDeflater {
    /// zlib keeps a pointer back to its stream, so the stream lives at one address for its whole use.
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private var open = false
    /// Where zlib writes, reused by every call.
    private var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    /// The CRC-32 of the bytes fed in.
    private(set) var crc32: UInt32 = 0
    /// How many bytes were fed in.
    private(set) var inputSize: UInt64 = 0
    /// How many compressed bytes came out.
    private(set) var outputSize: UInt64 = 0

    init() throws {
        stream.initialize(to: z_stream())
        let status = deflateInit2_(stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY,
                                   ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else { throw XLSXError.writeFailed(sheet: nil, "无法初始化 deflate 压缩（zlib \(status)）") }
        open = true
    }

    deinit {
        if open { deflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Compresses `bytes`; returns what zlib has ready (often nothing until its window fills).
    func compress(_ bytes: [UInt8]) throws -> [UInt8] {
        guard !bytes.isEmpty else { return [] }
        crc32 = bytes.withUnsafeBufferPointer { UInt32(CGongkaiZlib.crc32(UInt(crc32), $0.baseAddress, UInt32($0.count))) }
        inputSize += UInt64(bytes.count)
        return try run(bytes, flush: Z_NO_FLUSH)
    }

    /// Ends the stream and returns its last compressed bytes.
    func finish() throws -> [UInt8] {
        let tail = try run([], flush: Z_FINISH)
        deflateEnd(stream)
        open = false
        return tail
    }

    private func run(_ input: [UInt8], flush: Int32) throws -> [UInt8] {
        guard open else { throw XLSXError.writeFailed(sheet: nil, "deflate 压缩流已结束") }
        var output: [UInt8] = []
        var status = Z_OK
        input.withUnsafeBufferPointer { inputPointer in
            // zlib reads the input and never writes it; its field is not const only in C's declaration.
            stream.pointee.next_in = inputPointer.baseAddress.map { UnsafeMutablePointer(mutating: $0) }
            stream.pointee.avail_in = UInt32(inputPointer.count)
            repeat {
                buffer.withUnsafeMutableBufferPointer { outputPointer in
                    stream.pointee.next_out = outputPointer.baseAddress
                    stream.pointee.avail_out = UInt32(outputPointer.count)
                    status = deflate(stream, flush)
                    output.append(contentsOf: outputPointer.prefix(outputPointer.count - Int(stream.pointee.avail_out)))
                }
            } while status == Z_OK && (stream.pointee.avail_out == 0 || flush == Z_FINISH)
            stream.pointee.next_in = nil
            stream.pointee.avail_in = 0
        }
        let expected = flush == Z_FINISH ? Z_STREAM_END : Z_OK
        guard status == expected || (status == Z_BUF_ERROR && flush != Z_FINISH) else {
            throw XLSXError.writeFailed(sheet: nil, "deflate 压缩出错（zlib \(status)）")
        }
        outputSize += UInt64(output.count)
        return output
    }
}
