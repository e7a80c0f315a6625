import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Names of the temporary files and folders Gongkai makes. Each holds the process id of its maker
/// (`gongkai-<pid>-<random>`), so that a later run can tell the leftovers of a killed run — whose
/// maker is gone — from the work of a run still going, and remove only the former.
public enum TemporaryName {
    /// A new name: `prefix` + `gongkai-<pid>-<8 hex digits>` + `suffix`.
    public static func make(prefix: String = ".", suffix: String = "") -> String {
        let random = String(UInt32.random(in: .min ... .max), radix: 16)
        return "\(prefix)gongkai-\(getpid())-\(String(repeating: "0", count: 8 - random.count))\(random)\(suffix)"
    }

    /// The process id in a name made by `make`, or nil when `name` is not one.
    public static func ownerProcess(of name: String) -> pid_t? {
        guard let marker = name.range(of: "gongkai-") else { return nil }
        let rest = name[marker.upperBound...]
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, rest.dropFirst(digits.count).first == "-",
              let pid = pid_t(digits), pid > 0 else { return nil }
        let random = rest.dropFirst(digits.count + 1).prefix(8)
        guard random.count == 8, random.allSatisfy(\.isHexDigit) else { return nil }
        return pid
    }

    /// Whether the process that made `name` has ended (so what it left may be removed).
    public static func isAbandoned(_ name: String) -> Bool {
        guard let pid = ownerProcess(of: name) else { return false }
        if pid == getpid() { return false }
        return kill(pid, 0) == -1 && errno == ESRCH
    }
}

/// A folder of the system's temporary directory that lasts as long as a piece of work: made with a
/// `TemporaryName`, removed afterwards, and removed on interruption too.
public enum TemporaryFolder {
    /// Runs `body` with a new folder named with `suffix`, then removes the folder.
    public static func with<T>(suffix: String, _ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(TemporaryName.make(prefix: "", suffix: suffix))
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let token = Interruption.removeOnInterrupt(folder.path)
        defer {
            try? FileManager.default.removeItem(at: folder)
            Interruption.release(token)
        }
        return try body(folder)
    }
}
