import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A Chromium process started with `--remote-debugging-pipe`, and the two pipes of the DevTools
/// protocol: Chromium reads NUL-terminated JSON messages on its descriptor 3 and writes on 4.
final class DevToolsPipe {
    private let processID: pid_t

    /// Chromium's process id.
    var processIdentifier: pid_t { processID }
    private let toBrowser: Int32
    private let fromBrowser: Int32
    private var buffer = Data()
    private(set) var isClosed = false

    /// Starts `executable` with `arguments`; its output and errors go to `/dev/null`.
    init(executable: String, arguments: [String]) throws {
        var input: [Int32] = [0, 0]
        var output: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&output) == 0 else {
            throw PDFPrinterError.browser("无法为 Chromium 创建管道（errno \(errno)）")
        }
        // Move every end above 10 and mark it close-on-exec, so that duplicating the child's ends onto
        // 3 and 4 cannot clobber another end, and only 3 and 4 survive into Chromium.
        for index in 0..<2 {
            input[index] = Self.moveHigh(input[index])
            output[index] = Self.moveHigh(output[index])
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], 3)
        posix_spawn_file_actions_adddup2(&actions, output[1], 4)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // Chromium leads a process group of its own, so that it and the processes it starts
        // (renderer, zygote) can be ended together.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        close(input[0])
        close(output[1])
        guard status == 0 else {
            close(input[1])
            close(output[0])
            throw PDFPrinterError.browser("无法启动 \(executable)（错误码 \(status)）")
        }
        processID = pid
        toBrowser = input[1]
        fromBrowser = output[0]
        signal(SIGPIPE, SIG_IGN)
    }

    /// `descriptor` duplicated to a number of at least 10 with close-on-exec set; the original is closed.
    private static func moveHigh(_ descriptor: Int32) -> Int32 {
        let moved = fcntl(descriptor, F_DUPFD_CLOEXEC, 10)
        guard moved >= 0 else { return descriptor }
        close(descriptor)
        return moved
    }

    /// Sends one message.
    func send(_ message: [String: Any]) throws {
        var data = try JSONSerialization.data(withJSONObject: message)
        data.append(0)
        try data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = write(toBrowser, raw.baseAddress! + offset, raw.count - offset)
                if written < 0, errno == EINTR { continue }
                guard written > 0 else { throw PDFPrinterError.browser("Chromium 已退出（写入失败）") }
                offset += written
            }
        }
    }

    /// The next message, waiting at most `timeout` seconds.
    func receive(timeout: TimeInterval) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let end = buffer.firstIndex(of: 0) {
                let message = buffer[buffer.startIndex..<end]
                buffer.removeSubrange(buffer.startIndex...end)
                guard let object = try JSONSerialization.jsonObject(with: message) as? [String: Any] else { continue }
                return object
            }
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { throw PDFPrinterError.browser("Chromium 在 \(Int(timeout)) 秒内没有响应") }
            var descriptor = pollfd(fd: fromBrowser, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, Int32(min(remaining, 1) * 1000))
            if ready < 0, errno == EINTR { continue }
            guard ready >= 0 else { throw PDFPrinterError.browser("读取 Chromium 输出失败（errno \(errno)）") }
            if ready == 0 { continue }
            var chunk = [UInt8](repeating: 0, count: 1 << 16)
            let count = read(fromBrowser, &chunk, chunk.count)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw PDFPrinterError.browser("Chromium 意外退出") }
            buffer.append(contentsOf: chunk[0..<count])
        }
    }

    /// Closes the pipes and waits for the process, killing it if it does not end within 5 seconds;
    /// then ends what is left of its process group.
    func terminate() {
        guard !isClosed else { return }
        isClosed = true
        close(toBrowser)
        close(fromBrowser)
        var status: Int32 = 0
        defer { kill(-processID, SIGKILL) } // whatever of its group is left
        for _ in 0..<50 {
            if waitpid(processID, &status, WNOHANG) != 0 { return }
            usleep(100_000)
        }
        kill(processID, SIGKILL)
        waitpid(processID, &status, 0)
    }

    deinit { terminate() }
}
