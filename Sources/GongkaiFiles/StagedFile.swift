import Foundation
import GongkaiCore
#if canImport(Glibc)
import Glibc
#endif

/// A file written in pieces that replaces its target in one step: the pieces go to a temporary file
/// beside the target, which is flushed to disk and then renamed over the target (`rename(2)` is
/// atomic). Readers see the old file or the new one, never part of it; a failed or abandoned write
/// removes the temporary and leaves the old file as it was.
public final class StagedFile {
    /// The file that `commit` replaces.
    public let target: String
    private let temporary: String
    private var descriptor: Int32
    private var token: Interruption.Token?
    private var finished = false

    /// Starts writing a replacement for `target`. Throws when the folder cannot be written.
    public init(replacing target: String) throws {
        self.target = target
        let url = URL(fileURLWithPath: target)
        let folder = url.deletingLastPathComponent().path
        Leftovers.sweep(folder: folder)
        temporary = (folder as NSString).appendingPathComponent(TemporaryName.make(prefix: ".\(url.lastPathComponent).", suffix: ".tmp"))
        descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw FileSystemFailure.error("写入", path: target, errno: errno) }
        token = Interruption.removeOnInterrupt(temporary)
        // Keep the permissions of the file being replaced.
        var existing = stat()
        if stat(target, &existing) == 0, (existing.st_mode & S_IFMT) == S_IFREG { fchmod(descriptor, existing.st_mode & 0o7777) }
    }

    /// Appends `data`.
    public func write(_ data: Data) throws {
        precondition(!finished, "StagedFile used after commit or discard")
        do {
            try FileDescriptorWriter.writeAll(data, to: descriptor)
        } catch let failure as FileDescriptorWriter.Failure {
            discard()
            throw FileSystemFailure.error("写入", path: target, errno: failure.code)
        }
    }

    /// Appends `text` as UTF-8.
    public func write(_ text: String) throws {
        try write(Data(text.utf8))
    }

    /// Flushes the temporary to disk and renames it over the target.
    public func commit() throws {
        precondition(!finished, "StagedFile committed twice")
        if fsync(descriptor) != 0 {
            let code = errno
            discard()
            throw FileSystemFailure.error("写入", path: target, errno: code)
        }
        close(descriptor)
        finished = true
        if rename(temporary, target) != 0 {
            let code = errno
            unlink(temporary)
            releaseToken()
            throw FileSystemFailure.error("写入", path: target, errno: code)
        }
        releaseToken()
        FolderSync.sync(URL(fileURLWithPath: target).deletingLastPathComponent().path)
    }

    /// Abandons the write: the temporary is removed, the target left as it was.
    public func discard() {
        guard !finished else { return }
        finished = true
        close(descriptor)
        unlink(temporary)
        releaseToken()
    }

    private func releaseToken() {
        if let token { Interruption.release(token) }
        token = nil
    }

    deinit { discard() }
}

/// Whole files written atomically.
public enum AtomicFile {
    /// Writes `data` to `path` so that `path` holds either its old content or all of `data`.
    public static func write(_ data: Data, to path: String) throws {
        let file = try StagedFile(replacing: path)
        try file.write(data)
        try file.commit()
    }
}

/// Flushes a folder's entries (new names, renames) to disk.
enum FolderSync {
    static func sync(_ folder: String) {
        let descriptor = open(folder.isEmpty ? "." : folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { return }
        fsync(descriptor)
        close(descriptor)
    }
}

/// Writes all bytes to a descriptor, retrying short writes and interruptions.
public enum FileDescriptorWriter {
    /// A failed write, with its errno value.
    public struct Failure: Error, Sendable {
        /// The errno value.
        public var code: Int32
    }

    /// Writes every byte of `data` to `descriptor`.
    public static func writeAll(_ data: Data, to descriptor: Int32) throws {
        try data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            guard let base = raw.baseAddress else { return }
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(descriptor, base + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw Failure(code: errno)
                }
                if written == 0 { throw Failure(code: EIO) }
                offset += written
            }
        }
    }
}
