import Foundation
import GongkaiStore
import GongkaiWorkflow
import GongkaiXLSX
import MultipartKit
import Vapor

/// An upload for batch checking, read from multipart/form-data: `name` and one or more `files`
/// parts (repeated, as OpenAPI and browsers send them, or as `files[]`). A `.zip` file stands for
/// the files inside it (a folder of disclosures sent as one file), named `archive.zip/path`.
struct CheckUpload {
    var name: String?
    var files: [CheckFile]

    /// The bytes one archive may unpack to.
    static let maxArchiveBytes = 256 * 1024 * 1024
    /// The files one archive may hold.
    static let maxArchiveFiles = 2_000

    init(contentType: HTTPMediaType?, body: ByteBuffer?) throws {
        guard let type = contentType, type.type == "multipart", let boundary = type.parameters["boundary"], let body else {
            throw Problem(.unprocessableEntity, code: "bad-upload", title: "请以 multipart/form-data 上传：files（一个或多个文件）和可选的 name（批次名称）")
        }
        var parts: [(field: String, filename: String?, data: Data)] = []
        var disposition = ""
        var data = Data()
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in if name.lowercased() == "content-disposition" { disposition = value } }
        parser.onBody = { buffer in data.append(contentsOf: buffer.readableBytesView) }
        parser.onPartComplete = {
            let parameters = Self.parameters(disposition)
            parts.append((parameters["name"] ?? "", parameters["filename"], data))
            disposition = ""
            data = Data()
        }
        do {
            try parser.execute(body)
        } catch {
            throw Problem(.unprocessableEntity, code: "bad-upload", title: "上传内容不是完整的 multipart/form-data")
        }
        name = parts.first { $0.field == "name" }.map { String(decoding: $0.data, as: UTF8.self) }
        let fileParts = parts.filter { $0.field == "files" || $0.field.hasPrefix("files[") }
        guard fileParts.allSatisfy({ !($0.filename ?? "").isEmpty }) else {
            throw Problem(.unprocessableEntity, code: "bad-upload", title: "files 中的每一项都应是文件（带文件名 filename），而不是文本")
        }
        files = try fileParts.flatMap { part in try Self.files(named: part.filename ?? "", data: part.data) }
    }

    /// The file itself, or the files of a `.zip` archive.
    private static func files(named name: String, data: Data) throws -> [CheckFile] {
        guard name.lowercased().hasSuffix(".zip") else { return [CheckFile(name: name, data: data)] }
        do {
            return try ZipArchiveFiles.files(in: data, maxUncompressedBytes: maxArchiveBytes, maxFiles: maxArchiveFiles)
                .map { CheckFile(name: "\(name)/\($0.path)", data: $0.data) }
        } catch let error as XLSXError where error.kind == .limitExceeded {
            throw Problem(.unprocessableEntity, code: "archive-too-large",
                          title: "压缩包“\(name)”解压后超过 \(maxArchiveBytes / 1_048_576) MB 或多于 \(maxArchiveFiles) 个文件，请分批上传")
        } catch let error as XLSXError {
            throw Problem(.unprocessableEntity, code: "bad-archive", title: "压缩包“\(name)”无法解开：已损坏、被截断或不是 ZIP 文件",
                          detail: error.message)
        }
    }

    /// `name="files"; filename="单位预算.pdf"` → ["name": "files", "filename": "单位预算.pdf"].
    private static func parameters(_ disposition: String) -> [String: String] {
        var result: [String: String] = [:]
        for piece in disposition.split(separator: ";").dropFirst() {
            let pair = piece.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pair.count == 2 else { continue }
            var value = pair[1]
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            if pair[0].lowercased() == "filename*", let encoded = value.components(separatedBy: "''").last {
                result["filename"] = encoded.removingPercentEncoding ?? encoded
            } else if result[pair[0].lowercased()] == nil {
                result[pair[0].lowercased()] = value
            }
        }
        return result
    }
}

/// The batch-checking endpoints: a 财政局 uploads published disclosures, workers check them, and
/// the batch's progress and each file's findings are read while it runs.
enum CheckHandlers {
    @Sendable static func create(_ req: Request) async throws -> Response {
        // Parsing and unpacking take time on a large upload: off the event loop.
        let (type, body) = (req.headers.contentType, req.body.data)
        let upload = try await req.application.workThreads.runIfActive { try CheckUpload(contentType: type, body: body) }
        let files = upload.files.filter { !$0.data.isEmpty }
        guard !files.isEmpty else { throw Problem(.unprocessableEntity, code: "no-files", title: "没有上传文件（files 为空）") }
        let name = upload.name ?? "批量检查 \(Date.ISO8601FormatStyle().format(Date()))"
        let batch = try await req.store.createBatch(name: name, files: files, by: try req.caller().actor)
        return try await BatchBody(try await req.store.batchProgress(batch.id)).encodeResponse(status: .created, for: req)
    }

    @Sendable static func progress(_ req: Request) async throws -> Response {
        try await BatchBody(try await visibleBatch(req)).encodeResponse(for: req)
    }

    @Sendable static func findings(_ req: Request) async throws -> Response {
        let progress = try await visibleBatch(req)
        let jobID = try req.uuid("jobID")
        guard progress.files.contains(where: { $0.job.id == jobID }) else { throw StoreError.notFound("检查任务 \(jobID)") }
        return try await req.store.findings(ofJob: jobID).encodeResponse(for: req)
    }

    /// A batch of the caller's own region; to anyone else it does not exist.
    static func visibleBatch(_ req: Request) async throws -> BatchProgress {
        let progress = try await req.store.batchProgress(try req.uuid("batchID"))
        guard progress.batch.regionID == (try req.caller().actor.scope.id) else { throw StoreError.notFound("批量检查 \(progress.batch.id)") }
        return progress
    }
}

extension CheckFinding: Content {}
