import Foundation
import GongkaiCore
#if canImport(Glibc)
import Glibc
#endif

/// Standard output and standard error, written without Foundation's trapping `FileHandle.write`:
/// a full disk (`> /dev/full`), a closed stdout or a pipe closed early becomes a thrown error that
/// the command reports with exit status 2.
public enum StandardStream: Sendable {
    /// Standard output.
    case output
    /// Standard error.
    case error

    private var descriptor: Int32 { self == .output ? 1 : 2 }

    /// Call first thing in `main`: a standard stream the process was started without (`>&-`) is
    /// held open on /dev/null, so that no file the process opens later takes its number and receives
    /// its output; writing to it then fails as a closed output.
    public static func guardClosedStreams() {
        for descriptor: Int32 in [0, 1, 2] where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY)
            if opened >= 0, opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
            closedAtStart.insert(descriptor)
        }
    }

    nonisolated(unsafe) private static var closedAtStart: Set<Int32> = []
    private var name: String { self == .output ? "标准输出" : "标准错误输出" }

    /// Writes `text` as UTF-8.
    public func write(_ text: String) throws {
        try write(Data(text.utf8))
    }

    /// Writes `data`.
    public func write(_ data: Data) throws {
        // Once an interruption is being handled, nothing more is printed (a helper stopped by it
        // would otherwise be reported as a failure of the file) until the process ends.
        while Interruption.isInterrupted { sleep(1) }
        if Self.closedAtStart.contains(descriptor) {
            throw GongkaiError(.writeFailed, "无法写入\(name)：\(FileSystemFailure.reason(EBADF))；请去掉关闭输出的重定向（如 >&-），或用 --output 写入文件")
        }
        do {
            try FileDescriptorWriter.writeAll(data, to: descriptor)
        } catch let failure as FileDescriptorWriter.Failure {
            throw GongkaiError(.writeFailed, "无法写入\(name)：\(FileSystemFailure.reason(failure.code))")
        }
    }

    /// Writes `text`, ignoring failure (for messages about a failure already being reported).
    public func writeIfPossible(_ text: String) {
        try? write(text)
    }
}
