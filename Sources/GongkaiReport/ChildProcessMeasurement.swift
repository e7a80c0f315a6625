import Foundation
import GongkaiCore
import GongkaiFiles

/// A child process's wall time and peak memory, for benchmarks.
public enum ChildProcessMeasurement {
    /// Runs the executable with `arguments`, its output to `output`, and returns its wall time, its
    /// peak resident memory (`VmHWM` in /proc, read every few milliseconds while it runs) and its
    /// exit status (128 + the signal when a signal ended it). The kernel's `ru_maxrss` would not do:
    /// a spawned child's count starts with the parent's memory, which may hold inputs it just generated.
    public static func measure(executable: String, arguments: [String], output: String) throws -> (seconds: Double, peakMiB: Double, status: Int32) {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let status = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        guard status == 0 else { throw GongkaiError(.toolFailed, "无法启动 \(executable)（posix_spawn 返回 \(status)）") }
        let token = Interruption.stopOnInterrupt(process: pid)
        defer { Interruption.release(token) }
        var exitStatus: Int32 = 0
        var peakKiB = 0
        while true {
            let ended = waitpid(pid, &exitStatus, WNOHANG)
            if ended == pid || (ended < 0 && errno != EINTR) { break }
            peakKiB = max(peakKiB, highWaterMarkKiB(of: pid) ?? 0)
            usleep(3_000)
        }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let signal = exitStatus & 0x7F
        return (seconds, Double(peakKiB) / 1024, signal != 0 ? 128 + signal : (exitStatus >> 8) & 0xFF)
    }

    /// The `VmHWM` line of a running process's status, in KiB.
    private static func highWaterMarkKiB(of pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        return Int(line.dropFirst(6).filter(\.isNumber))
    }
}
