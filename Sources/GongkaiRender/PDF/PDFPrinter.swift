import Foundation
import GongkaiCore
import GongkaiFiles

/// Prints HTML to PDF with one headless Chromium kept running for many documents, driven over the
/// DevTools protocol: each document is loaded in a fresh tab, printed with the page sizes its CSS
/// asks for (A4, landscape for wide tables), and the tab closed.
public final class PDFPrinter {
    private let pipe: DevToolsPipe
    private let profileDirectory: URL
    private var nextID = 1
    private var interruptionTokens: [Interruption.Token] = []

    /// Seconds to wait for Chromium on each step.
    public var timeout: TimeInterval = 60

    /// Starts Chromium: `GONGKAI_CHROMIUM` if set, else the first of chromium, chromium-browser,
    /// google-chrome on the `PATH`.
    public init() throws {
        guard let executable = Self.findBrowser() else {
            throw PDFPrinterError.browser("找不到 Chromium")
        }
        Leftovers.sweepTemporaryFolder()
        profileDirectory = FileManager.default.temporaryDirectory.appendingPathComponent(TemporaryName.make(prefix: "", suffix: "-chromium"))
        try FileManager.default.createDirectory(at: profileDirectory, withIntermediateDirectories: true)
        let profileToken = Interruption.removeOnInterrupt(profileDirectory.path)
        var arguments = ["--headless", "--remote-debugging-pipe", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                         "--disable-extensions", "--disable-dev-shm-usage", "--font-render-hinting=none", "--user-data-dir=\(profileDirectory.path)"]
        if getuid() == 0 { arguments.append("--no-sandbox") }
        do {
            pipe = try DevToolsPipe(executable: executable, arguments: arguments + ["about:blank"])
        } catch {
            try? FileManager.default.removeItem(at: profileDirectory)
            Interruption.release(profileToken)
            throw error
        }
        interruptionTokens = [profileToken, Interruption.stopOnInterrupt(processGroup: pipe.processIdentifier)]
    }

    /// The PDF of `html`, a complete page with its styles inline.
    public func pdf(html: String) throws -> Data {
        let file = profileDirectory.appendingPathComponent("page-\(nextID).html")
        try Data(html.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let target = try call("Target.createTarget", ["url": "about:blank"])
        guard let targetID = target["targetId"] as? String else { throw PDFPrinterError.browser("无法打开新标签页") }
        defer { _ = try? call("Target.closeTarget", ["targetId": targetID]) }
        let attached = try call("Target.attachToTarget", ["targetId": targetID, "flatten": true])
        guard let session = attached["sessionId"] as? String else { throw PDFPrinterError.browser("无法连接标签页") }
        _ = try call("Page.enable", [:], session: session)
        _ = try call("Page.navigate", ["url": file.absoluteString], session: session, until: "Page.loadEventFired")
        _ = try call("Runtime.evaluate", ["expression": "document.fonts.ready.then(() => true)", "awaitPromise": true], session: session)
        let printed = try call("Page.printToPDF", ["printBackground": true, "preferCSSPageSize": true, "displayHeaderFooter": false,
                                                   "generateTaggedPDF": true, "generateDocumentOutline": true], session: session)
        guard let base64 = printed["data"] as? String, let data = Data(base64Encoded: base64) else {
            throw PDFPrinterError.browser("Chromium 没有返回 PDF 数据")
        }
        return data
    }

    /// The PDF of a package, its 目录 giving the page of every entry: printed once to learn where each
    /// heading falls (from the bookmarks), then again with those pages, and once more should the
    /// numbered 目录 have moved the pages on.
    public func pdf(_ document: RenderedDocument) throws -> Data {
        var pdf = try pdf(html: HTMLWriter.html(document))
        var pages: [Int]?
        for _ in 0..<2 {
            let found = ContentsPages.pages(for: document, in: try PDFOutline.entries(of: pdf))
            guard let found else {
                throw GongkaiError(.toolFailed, "生成 PDF 目录页码失败：打印结果的书签中缺少目录所列的标题（Chromium 未生成文档大纲）")
            }
            if found == pages { break }
            pages = found
            pdf = try self.pdf(html: HTMLWriter.html(document, pages: found))
        }
        return pdf
    }

    /// Ends Chromium and removes its temporary profile.
    public func close() {
        if !pipe.isClosed { try? pipe.send(["id": nextID, "method": "Browser.close"]) }
        pipe.terminate()
        try? FileManager.default.removeItem(at: profileDirectory)
        interruptionTokens.forEach(Interruption.release)
        interruptionTokens = []
    }

    deinit { close() }

    /// Sends a command and returns its result; with `until`, also waits for that event of the session.
    private func call(_ method: String, _ parameters: [String: Any], session: String? = nil, until event: String? = nil) throws -> [String: Any] {
        let id = nextID
        nextID += 1
        var message: [String: Any] = ["id": id, "method": method, "params": parameters]
        if let session { message["sessionId"] = session }
        try pipe.send(message)
        var result: [String: Any]?
        var eventSeen = event == nil
        while result == nil || !eventSeen {
            let reply = try pipe.receive(timeout: timeout)
            if let replyID = reply["id"] as? Int, replyID == id {
                if let error = reply["error"] as? [String: Any] {
                    throw PDFPrinterError.browser("\(method) 失败：\(error["message"] ?? error)")
                }
                result = reply["result"] as? [String: Any] ?? [:]
            } else if let event, reply["method"] as? String == event, reply["sessionId"] as? String == session {
                eventSeen = true
            }
        }
        return result ?? [:]
    }

    private static func findBrowser() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let explicit = environment["GONGKAI_CHROMIUM"], !explicit.isEmpty { return explicit }
        let directories = (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            for directory in directories where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
                return "\(directory)/\(name)"
            }
        }
        return nil
    }
}
