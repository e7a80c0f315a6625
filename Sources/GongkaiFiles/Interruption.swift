import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What must not outlive the process: temporary files and folders, and helper programs
/// (`pdftotext`, Chromium). Each is registered while it exists; when the process is interrupted
/// (SIGINT, SIGTERM, SIGHUP) the helpers are killed and the temporaries removed before exiting with
/// 128 + the signal number. What SIGKILL leaves is removed by the next run (`Leftovers`).
public enum Interruption {
    /// A registration, to end with `release`.
    public struct Token: Hashable, Sendable {
        fileprivate let id: Int
    }

    /// Installs the signal handlers (once; later calls do nothing). SIGPIPE is ignored, so writing
    /// to a closed pipe fails with EPIPE and is reported instead of killing the process. The
    /// handlers only pass the signal to a thread that does the cleaning; being handlers rather than
    /// "ignore", they are reset in the helper programs started later, which can still be stopped.
    public static func install() {
        registry.installOnce()
    }

    /// Ends the process with `code` — unless an interruption is being handled, whose cleaning then
    /// finishes and ends the process itself (with 128 + the signal).
    public static func exit(_ code: Int32) -> Never {
        while registry.interrupted { sleep(1) }
        Foundation.exit(code)
    }

    /// Removes `path` (a file or a folder tree) if the process is interrupted before `release`.
    public static func removeOnInterrupt(_ path: String) -> Token {
        registry.add(.path(path))
    }

    /// Stops the process `pid` if this process is interrupted before `release`.
    public static func stopOnInterrupt(process pid: pid_t) -> Token {
        registry.add(.process(pid))
    }

    /// Stops every process of the process group `group` (a helper started as the leader of its own
    /// group, with the processes it starts) if this process is interrupted before `release`.
    public static func stopOnInterrupt(processGroup group: pid_t) -> Token {
        registry.add(.processGroup(group))
    }

    /// Ends a registration.
    public static func release(_ token: Token) {
        registry.remove(token)
    }

    /// Whether an interruption has begun (work should stop starting new things).
    public static var isInterrupted: Bool { registry.interrupted }

    private static let registry = Registry()

    private enum Item {
        case path(String)
        case process(pid_t)
        case processGroup(pid_t)
    }

    private final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [Int: Item] = [:]
        private var nextID = 0
        private var installed = false
        private var interruptedFlag = false

        var interrupted: Bool {
            lock.lock()
            defer { lock.unlock() }
            return interruptedFlag
        }

        func installOnce() {
            lock.lock()
            defer { lock.unlock() }
            guard !installed else { return }
            installed = true
            signal(SIGPIPE, SIG_IGN)
            var descriptors: [Int32] = [0, 0]
            guard pipe(&descriptors) == 0 else { return }
            _ = fcntl(descriptors[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(descriptors[1], F_SETFD, FD_CLOEXEC)
            signalPipe = descriptors[1]
            let reading = descriptors[0]
            Thread.detachNewThread { [self] in
                var number: UInt8 = 0
                while true {
                    let count = read(reading, &number, 1)
                    if count == 1 { end(signal: Int32(number)) }
                    if count < 0, errno != EINTR { return }
                }
            }
            // A parent may have started this process with these signals blocked (a test runner's
            // thread, a supervisor); unblock them, or they would never arrive.
            var unblocked = sigset_t()
            sigemptyset(&unblocked)
            for signalNumber in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&unblocked, signalNumber) }
            pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)
            for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
                var action = sigaction()
                action.__sigaction_handler.sa_handler = { number in
                    var byte = UInt8(truncatingIfNeeded: number)
                    _ = write(signalPipe, &byte, 1)
                }
                sigemptyset(&action.sa_mask)
                action.sa_flags = SA_RESTART
                sigaction(signalNumber, &action, nil)
            }
        }

        func add(_ item: Item) -> Token {
            lock.lock()
            defer { lock.unlock() }
            nextID += 1
            items[nextID] = item
            return Token(id: nextID)
        }

        func remove(_ token: Token) {
            lock.lock()
            items[token.id] = nil
            lock.unlock()
        }

        private func end(signal signalNumber: Int32) {
            lock.lock()
            interruptedFlag = true
            let snapshot = items.sorted { $0.key < $1.key }.map(\.value)
            lock.unlock()
            // Helpers hold nothing worth saving: they are killed at once, then reaped, so that none
            // writes into a temporary folder while it is being removed.
            var targets: [pid_t] = []
            for item in snapshot {
                switch item {
                case let .process(pid): targets.append(pid)
                case let .processGroup(group): targets.append(-group)
                case .path: continue
                }
            }
            for target in targets { kill(target, SIGKILL) }
            let deadline = Date().addingTimeInterval(1)
            while Date() < deadline, targets.contains(where: { target in
                _ = waitpid(target, nil, WNOHANG)
                return kill(target, 0) == 0
            }) { usleep(10_000) }
            for case let .path(path) in snapshot.reversed() { Self.removeTree(path) }
            let note = "\ngongkai: 已中断（信号 \(signalNumber)），临时文件已清理，已写出的文件保持原样\n"
            note.utf8CString.withUnsafeBufferPointer { buffer in _ = write(2, buffer.baseAddress, buffer.count - 1) }
            _exit(128 + signalNumber)
        }

        static func removeTree(_ path: String) {
            for _ in 0..<5 where FileManager.default.fileExists(atPath: path) {
                try? FileManager.default.removeItem(atPath: path)
            }
        }
    }
}

/// The write end of the pipe from the signal handlers to the cleaning thread (set once, before the
/// handlers are installed; a handler may only make async-signal-safe calls such as `write`).
nonisolated(unsafe) private var signalPipe: Int32 = -1
