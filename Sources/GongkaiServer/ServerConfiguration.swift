import Foundation
import GongkaiReport
import GongkaiStore
import NIOCore

/// How `gongkai serve` runs: where the data is, what a publication contains, how passwords are hashed.
public struct ServerConfiguration: Sendable {
    /// The database.
    public var database: DatabaseLocation
    /// The formats rendered into every publication.
    public var publicationFormats: [RenderFormat]
    /// Bcrypt cost for new password hashes (12 in production; tests use the minimum, 4).
    public var bcryptCost: Int
    /// How long a sign-in token stays valid.
    public var sessionLifetime: TimeInterval
    /// Failed sign-ins allowed per account in `loginWindow` before further attempts are refused.
    public var loginAttempts: Int
    /// The window over which failed sign-ins are counted.
    public var loginWindow: TimeInterval
    /// Requests per minute one address may make without signing in.
    public var publicRequestsPerMinute: Int
    /// Threads for rendering and checking (`Application.workThreads`).
    public var workThreads: Int

    /// Creates a configuration; PDF is published only when Chromium is installed.
    public init(database: DatabaseLocation, publicationFormats: [RenderFormat]? = nil, bcryptCost: Int = 12,
                sessionLifetime: TimeInterval = 8 * 3600, loginAttempts: Int = 5, loginWindow: TimeInterval = 15 * 60,
                publicRequestsPerMinute: Int = 600, workThreads: Int = max(2, System.coreCount)) {
        self.database = database
        self.publicationFormats = publicationFormats ?? Self.defaultFormats()
        self.bcryptCost = bcryptCost
        self.sessionLifetime = sessionLifetime
        self.loginAttempts = loginAttempts
        self.loginWindow = loginWindow
        self.publicRequestsPerMinute = publicRequestsPerMinute
        self.workThreads = workThreads
    }

    /// Every format, PDF only where Chromium can print it.
    public static func defaultFormats() -> [RenderFormat] {
        let chromium = ["chromium", "chromium-browser", "google-chrome"].contains { name in
            (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
                .contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
        }
        return chromium ? [.html, .pdf, .xlsx, .json, .csv, .fdp] : [.html, .xlsx, .json, .csv, .fdp]
    }
}
