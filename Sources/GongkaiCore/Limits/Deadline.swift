import Foundation

/// The moment by which the reading and checking of one document must be over (`check --timeout`, and
/// the same limit in a server's jobs). Stages look at it between their steps and helper programs get
/// no more than what is left, so that one document can hold up a batch for no longer than this.
public struct Deadline: Sendable {
    /// The limit as given, in seconds; nil for none.
    public let seconds: Double?
    private let end: UInt64?

    /// A deadline `seconds` from now, or none when nil.
    public init(seconds: Double?) {
        self.seconds = seconds
        end = seconds.map { DispatchTime.now().uptimeNanoseconds + UInt64(max(0, $0) * 1e9) }
    }

    /// No deadline.
    public static let none = Deadline(seconds: nil)

    /// Seconds left (infinite when there is no deadline; never negative).
    public var remaining: Double {
        guard let end else { return .infinity }
        let now = DispatchTime.now().uptimeNanoseconds
        return now >= end ? 0 : Double(end - now) / 1e9
    }

    /// Whether the time is up.
    public var hasPassed: Bool { remaining <= 0 }

    /// Throws `timedOut` about `path` when the time is up; `stage` says what was being done.
    public func check(path: String, stage: String) throws {
        guard hasPassed, let seconds else { return }
        throw GongkaiError.timedOut(after: seconds, path: path, stage: stage)
    }
}

extension GongkaiError {
    /// The document took longer than its time limit.
    public static func timedOut(after seconds: Double, path: String, stage: String) -> GongkaiError {
        let limit = seconds == seconds.rounded() ? String(Int(seconds)) : String(format: "%.1f", seconds)
        return GongkaiError(.timedOut, "读取与检查超过 \(limit) 秒的时限（--timeout），在\(stage)时停止；文件可能过大或过于复杂，其余文件照常检查", path: path)
    }
}
