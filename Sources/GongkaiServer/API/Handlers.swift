import Foundation
import GongkaiCore
import GongkaiImport
import GongkaiStore
import GongkaiWorkflow
import Vapor

/// The API's handlers. Each reads its input, checks what the caller may see or do at the level of
/// the unit (the role was checked by `AccessMiddleware`), calls the store, and answers JSON.
enum Handlers {
    // MARK: - Service

    @Sendable static func openAPI(_ req: Request) async throws -> Response {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else { throw Abort(.notFound) }
        let response = Response(status: .ok, body: .init(data: try Data(contentsOf: url)))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "yaml", parameters: ["charset": "utf-8"])
        return response
    }

    @Sendable static func health(_ req: Request) async throws -> Response {
        _ = try await req.store.regions()
        return try await ["status": "ok"].encodeResponse(for: req)
    }

    // MARK: - Sessions

    @Sendable static func signIn(_ req: Request) async throws -> Response {
        let body = try req.content.decode(SignInBody.self)
        let (token, expiry, account) = try await SignIn.session(username: body.username, password: body.password, for: req)
        let session = SessionBody(token: token, expiresAt: Date.ISO8601FormatStyle(includingFractionalSeconds: true).format(expiry),
                                  account: AccountBody(account))
        return try await session.encodeResponse(status: .created, for: req)
    }

    @Sendable static func signOut(_ req: Request) async throws -> Response {
        try await req.store.deleteToken(hash: try req.caller().tokenHash)
        return Response(status: .noContent)
    }

    @Sendable static func me(_ req: Request) async throws -> Response {
        try await AccountBody(try req.caller().account).encodeResponse(for: req)
    }

    // MARK: - Directory

    @Sendable static func regions(_ req: Request) async throws -> Response {
        try await req.store.regions().map(RegionBody.init).encodeResponse(for: req)
    }

    @Sendable static func units(_ req: Request) async throws -> Response {
        let (after, limit) = try req.paging()
        let units = try await req.store.units(in: nil, after: after, limit: limit + 1)
        let page = Page(items: units.prefix(limit).map(UnitBody.init), nextCursor: units.count > limit ? units[limit - 1].id.uuidString : nil)
        return try await page.encodeResponse(for: req)
    }

    @Sendable static func unit(_ req: Request) async throws -> Response {
        try await UnitBody(try await req.store.unit(try req.uuid("unitID"))).encodeResponse(for: req)
    }

    // MARK: - Versions

    /// The public sees published and superseded versions; staff also see the others in their scope.
    @Sendable static func unitVersions(_ req: Request) async throws -> Response {
        let unit = try await req.store.unit(try req.uuid("unitID"))
        let seesAll = req.seesUnpublished(of: unit)
        let versions = try await req.store.versions(ofUnit: unit.id).filter { seesAll || $0.state.isPublic }
        return try await versions.map { VersionBody($0, withBudget: false) }.encodeResponse(for: req)
    }

    @Sendable static func createVersion(_ req: Request) async throws -> Response {
        let unitID = try req.uuid("unitID")
        let budget = try await req.budget()
        let version = try await req.store.createVersion(unitID: unitID, budget: budget, by: try req.caller().actor)
        return try await VersionBody(version, withBudget: true).encodeResponse(status: .created, for: req)
    }

    @Sendable static func version(_ req: Request) async throws -> Response {
        let version = try await req.visibleVersion()
        return try await VersionBody(version, withBudget: true).encodeResponse(for: req)
    }

    @Sendable static func updateBudget(_ req: Request) async throws -> Response {
        let current = try await req.visibleVersion()
        let version = try await req.store.updateBudget(of: current.id, to: try await req.budget(), by: try req.caller().actor)
        return try await VersionBody(version, withBudget: true).encodeResponse(for: req)
    }

    @Sendable static func createCorrection(_ req: Request) async throws -> Response {
        let current = try await req.visibleVersion()
        let version = try await req.store.createCorrection(of: current.id, budget: try await req.budget(), by: try req.caller().actor)
        return try await VersionBody(version, withBudget: true).encodeResponse(status: .created, for: req)
    }

    @Sendable static func findings(_ req: Request) async throws -> Response {
        let version = try await req.visibleVersion()
        let findings = try await req.publisher.findings(version.budget, name: "第 \(version.number) 版")
        return try await findings.map(FindingBody.init).encodeResponse(for: req)
    }

    /// A workflow step (see `WorkflowSteps.take`).
    @Sendable static func action(_ req: Request) async throws -> Response {
        guard let name = req.parameters.get("action"), let action = WorkflowAction(rawValue: name) else {
            let known = WorkflowAction.allCases.map(\.rawValue).joined(separator: "、")
            throw Problem(.notFound, code: "unknown-action", title: "未知的操作，可用的操作：\(known)")
        }
        let body = (try? req.content.decode(ActionBody.self)) ?? ActionBody()
        let version = try await WorkflowSteps.take(action, on: try await req.visibleVersion(), comment: body.comment, approvalDate: body.approvalDate, for: req)
        return try await VersionBody(version, withBudget: false).encodeResponse(for: req)
    }

    @Sendable static func files(_ req: Request) async throws -> Response {
        let version = try await req.visibleVersion()
        return try await req.store.files(ofVersion: version.id).map(FileBody.init).encodeResponse(for: req)
    }

    /// The Content-Security-Policy of a file served as a document to read (published, or uploaded for
    /// checking): no script runs in it and it is kept apart from the site's origin.
    static let documentPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox"

    /// A published file's bytes, named by their sha256, with the media type it was published
    /// with; cached for good, since they never change. Files uploaded for checking are not published
    /// and are not served here.
    @Sendable static func file(_ req: Request) async throws -> Response {
        guard let digest = req.parameters.get("sha256"), digest.count == 64, digest.allSatisfy(\.isHexDigit) else {
            throw Problem(.notFound, code: "not-found", title: "文件编号应为 64 位十六进制的 sha256")
        }
        let file = try await req.store.publishedFile(digest.lowercased())
        let data = try await req.store.blob(file.sha256)
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.replaceOrAdd(name: .eTag, value: "\"\(file.sha256)\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=31536000, immutable")
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        // A published HTML file is a document to read, not part of the site: no script runs in it and it
        // is kept apart from the site's origin, whatever its text contains.
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: documentPolicy)
        response.headers.replaceOrAdd(name: .contentType, value: file.mediaType)
        return response
    }

    // MARK: - Audit

    @Sendable static func versionAudit(_ req: Request) async throws -> Response {
        let version = try await req.store.version(try req.uuid("versionID"))
        guard req.seesUnpublished(of: try await req.store.unit(version.unitID)) else { throw StoreError.notFound("预算版本 \(version.id)") }
        return try await req.store.auditEvents(ofVersion: version.id).map(AuditEventBody.init).encodeResponse(for: req)
    }

    @Sendable static func audit(_ req: Request) async throws -> Response {
        let after = try req.query.get(Int64?.self, at: "after") ?? 0
        let limit = try req.query.get(Int?.self, at: "limit") ?? 100
        guard after >= 0 else { throw Problem(.badRequest, code: "bad-cursor", title: "after 应为不小于 0 的审计记录序号") }
        guard (1...1000).contains(limit) else { throw Problem(.badRequest, code: "bad-limit", title: "limit 应在 1 到 1000 之间") }
        // An administrator reads the events of their own region.
        let events = try await req.store.auditEvents(after: after, limit: limit + 1, region: try req.caller().actor.scope.id)
        let page = Page(items: events.prefix(limit).map(AuditEventBody.init), nextCursor: events.count > limit ? String(events[limit - 1].sequence) : nil)
        return try await page.encodeResponse(for: req)
    }

    @Sendable static func verifyAudit(_ req: Request) async throws -> Response {
        let result = try await req.store.verifyAudit()
        return try await AuditVerificationBody(verified: result.verified, intact: result.firstBreak == nil,
                                               firstBreak: result.firstBreak?.sequence, message: result.firstBreak?.message).encodeResponse(for: req)
    }
}

extension Request {
    /// The store on this request's database.
    var store: Store { Store(database: db) }

    /// The rule gate and renderer.
    var publisher: Publisher { Publisher(application) }

    /// The signed-in caller (present on every endpoint whose access needs one).
    func caller() throws -> Caller {
        guard let caller = auth.get(Caller.self) else { throw Problem(.unauthorized, code: "sign-in-required", title: "请先登录") }
        return caller
    }

    /// A path parameter that must be a UUID.
    func uuid(_ name: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else {
            throw Problem(.notFound, code: "not-found", title: "编号“\(parameters.get(name) ?? "")”无效")
        }
        return id
    }

    /// `cursor` and `limit` (1–1000, default 100) from the query.
    func paging() throws -> (after: UUID?, limit: Int) {
        let cursor = try query.get(String?.self, at: "cursor")
        guard cursor == nil || UUID(uuidString: cursor!) != nil else { throw Problem(.badRequest, code: "bad-cursor", title: "分页游标 cursor 无效") }
        let limit = try query.get(Int?.self, at: "limit") ?? 100
        guard (1...1000).contains(limit) else { throw Problem(.badRequest, code: "bad-limit", title: "limit 应在 1 到 1000 之间") }
        return (cursor.flatMap(UUID.init(uuidString:)), limit)
    }

    /// Whether the caller may see the unit's versions that are not public: staff (not API clients)
    /// whose scope covers it.
    func seesUnpublished(of unit: StoredUnit) -> Bool {
        guard let actor = auth.get(Caller.self)?.actor else { return false }
        return Workflow.staffReaders.contains(actor.role) && actor.scope.covers(unit.place)
    }

    /// The version named in the path, if the caller may see it: public versions to anyone, the
    /// others only to `seesUnpublished` callers (to everyone else it does not exist).
    func visibleVersion() async throws -> StoredVersion {
        let version = try await store.version(try uuid("versionID"))
        if version.state.isPublic { return version }
        guard seesUnpublished(of: try await store.unit(version.unitID)) else { throw StoreError.notFound("预算版本 \(version.id)") }
        return version
    }

    /// The budget in the body: JSON in the documented format, or the budget workbook (XLSX); read
    /// on the work threads.
    func budget() async throws -> Budget {
        guard let buffer = body.data, buffer.readableBytes > 0 else {
            throw Problem(.badRequest, code: "empty-body", title: "请求正文应为预算数据（JSON 或预算工作簿 XLSX）")
        }
        let data = Data(buffer.readableBytesView)
        let isWorkbook = headers.contentType?.subType.contains("spreadsheetml") == true || data.starts(with: [0x50, 0x4B])
        return try await application.workThreads.runIfActive {
            if isWorkbook { return try BudgetWorkbookReader.read(data, path: "上传的预算工作簿").budget }
            return try BudgetJSONReader.read(data, path: "请求正文")
        }
    }
}
