import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Removes what runs that were killed (SIGKILL, a power cut) left behind: temporary report files,
/// package staging folders, Chromium profiles and pdftotext output, recognised by their
/// `TemporaryName` whose process has ended. A staging folder that already held a complete package
/// whose place is empty is moved into place rather than removed, so an interrupted switch finishes.
public enum Leftovers {
    /// Cleans the hidden leftovers directly inside `folder` (report and package folders).
    public static func sweep(folder: String) {
        sweep(folder: folder, hiddenOnly: true)
    }

    /// Cleans Gongkai's leftovers in the system's temporary folder.
    public static func sweepTemporaryFolder() {
        sweep(folder: FileManager.default.temporaryDirectory.path, hiddenOnly: false)
    }

    private static func sweep(folder: String, hiddenOnly: Bool) {
        let path = folder.isEmpty ? "." : folder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
        for name in names where name.contains("gongkai-") && (!hiddenOnly || name.hasPrefix(".")) {
            guard TemporaryName.isAbandoned(name) else { continue }
            let full = (path as NSString).appendingPathComponent(name)
            PackageStaging.finishOrRemove(full, in: path)
        }
    }
}
