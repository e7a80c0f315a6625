import Foundation
import GongkaiCore
import GongkaiPortal
import GongkaiRender
import GongkaiStore
import GongkaiWorkflow
import Vapor

/// The public portal's handlers: each reads the store and answers a page of `GongkaiPortal`, or a
/// download. Only public versions (published, or superseded by a correction) are shown.
enum PortalHandlers {
    @Sendable static func home(_ req: Request) async throws -> Response {
        let store = req.store
        var overviews: [RegionOverview] = []
        for region in try await store.regions() {
            let year = try await store.publishedYears(inRegion: region.id).first ?? Calendar(identifier: .gregorian).component(.year, from: Date())
            let units = try await store.publications(inRegion: region.id, year: year, phase: .budget)
            overviews.append(RegionOverview(region: region, units: units.count, year: year, published: units.filter { $0.firstPublished != nil }.count))
        }
        let names = Dictionary(uniqueKeysWithValues: overviews.map { ($0.region.id, $0.region.name) })
        let latest = try await store.publicationSummaries(limit: 10)
        return html(PublicPages.home(regions: overviews, latest: latest, regionNames: names, viewer: req.viewer))
    }

    @Sendable static func region(_ req: Request) async throws -> Response {
        let region = try await req.store.region(try req.uuid("regionID"))
        let years = try await req.store.publishedYears(inRegion: region.id)
        let units = try await req.store.publications(inRegion: region.id, year: years.first ?? 0, phase: .budget)
        var byDepartment: [UUID: (StoredDepartment, [StoredUnit])] = [:]
        for entry in units { byDepartment[entry.department.id, default: (entry.department, [])].1.append(entry.unit) }
        let departments = byDepartment.values.sorted { $0.0.code < $1.0.code }
        return html(PublicPages.region(region, departments: departments, years: years, viewer: req.viewer))
    }

    @Sendable static func unit(_ req: Request) async throws -> Response {
        let unit = try await req.store.unit(try req.uuid("unitID"))
        let department = try await req.store.department(unit.departmentID)
        let region = try await req.store.region(unit.regionID)
        let publications = try await req.store.versions(ofUnit: unit.id).filter(\.state.isPublic).map { summary($0, unit: unit) }
        return html(PublicPages.unit(unit, department: department, region: region, publications: publications, viewer: req.viewer))
    }

    /// A publication's current version, or with `version` (`v2`) a numbered one.
    @Sendable static func publication(_ req: Request) async throws -> Response {
        let unit = try await req.store.unit(try req.uuid("unitID"))
        guard let year = req.parameters.get("year").flatMap(Int.init), let phase = req.parameters.get("phase").flatMap(DocumentKind.init(rawValue:)) else {
            throw Problem(.notFound, code: "not-found", title: "地址应为 /units/单位/年度/budget 或 final-accounts")
        }
        let versions = try await req.store.versions(ofUnit: unit.id).filter { $0.state.isPublic && $0.fiscalYear == year && $0.phase == phase }
            .sorted { $0.number < $1.number }
        let chosen: StoredVersion?
        if let text = req.parameters.get("version") {
            guard text.hasPrefix("v"), let number = Int(text.dropFirst()) else { throw Problem(.notFound, code: "not-found", title: "版本应写作 v1、v2 …") }
            chosen = versions.first { $0.number == number }
        } else {
            chosen = versions.last { $0.state == .published }
        }
        guard let version = chosen else { throw StoreError.notFound("\(unit.name)\(year)年\(phase.chineseName)的公开版本") }
        let catalog = try Catalog.bundled(year: year)
        var changes: [UUID: [VersionChange]] = [:]
        for (earlier, later) in zip(versions, versions.dropFirst()) {
            changes[later.id] = VersionChange.between(PublicationIndexer.figures(earlier.budget, catalog: catalog),
                                                      PublicationIndexer.figures(later.budget, catalog: catalog))
        }
        let document = try await req.application.documentCache.document(for: version.id, budget: version.budget, threads: req.application.workThreads)
        let context = PublicationContext(unit: unit, department: try await req.store.department(unit.departmentID), region: try await req.store.region(unit.regionID),
                                         version: summary(version, unit: unit), versions: versions.map { summary($0, unit: unit) }, changes: changes,
                                         files: try await req.store.files(ofVersion: version.id), document: document)
        return html(PublicPages.publication(context, viewer: req.viewer))
    }

    @Sendable static func trends(_ req: Request) async throws -> Response {
        let unit = try await req.store.unit(try req.uuid("unitID"))
        let phase = try req.query.get(String?.self, at: "phase").map { text in
            guard let phase = DocumentKind(rawValue: text) else { throw Problem(.badRequest, code: "bad-phase", title: "phase 应为 budget 或 final-accounts") }
            return phase
        } ?? .budget
        let figures = try await req.store.figures(ofUnits: [unit.id])
        return html(PublicPages.trends(unit: unit, region: try await req.store.region(unit.regionID), phase: phase, figures: figures, viewer: req.viewer))
    }

    /// Two to ten units (`unit=…&unit=…`), or a 主管部门's units (`department=…`), on one year and phase.
    @Sendable static func compare(_ req: Request) async throws -> Response {
        let store = req.store
        let ids = try req.queryValues("unit").map { text -> UUID in
            guard let id = UUID(uuidString: text) else { throw Problem(.notFound, code: "not-found", title: "要比较的单位编号“\(text)”无效") }
            return id
        }
        guard ids.count <= Comparison.maximumUnits else { throw Problem(.badRequest, code: "too-many-units", title: "一次最多比较 \(Comparison.maximumUnits) 个单位") }
        var units: [StoredUnit] = []
        for id in ids {
            guard let unit = try? await store.unit(id) else { throw Problem(.notFound, code: "not-found", title: "要比较的单位不存在") }
            if !units.contains(where: { $0.id == unit.id }) { units.append(unit) }
        }
        var candidates: [StoredUnit] = []
        var groupName: String?
        let departmentID = try req.query.get(String?.self, at: "department").map { text -> UUID in
            guard let id = UUID(uuidString: text) else { throw Problem(.notFound, code: "not-found", title: "主管部门编号无效") }
            return id
        } ?? units.first?.departmentID
        if let departmentID {
            let department = try await store.department(departmentID)
            groupName = department.name
            candidates = try await store.units(in: Scope(kind: .department, id: department.id.uuidString), limit: 1000)
            if units.isEmpty { units = Array(candidates.prefix(Comparison.maximumUnits)) }
        }
        for unit in units where !candidates.contains(where: { $0.id == unit.id }) { candidates.append(unit) }
        let phase = try req.query.get(String?.self, at: "phase").flatMap(DocumentKind.init(rawValue:)) ?? .budget
        let all = try await store.figures(ofUnits: units.map(\.id))
        let years = Array(Set(all.filter { $0.phase == phase }.map(\.year))).sorted()
        let year = try req.query.get(Int?.self, at: "year") ?? years.last ?? Calendar(identifier: .gregorian).component(.year, from: Date())
        let comparison = Comparison(units: units, candidates: candidates, year: year, phase: phase, years: years,
                                    figures: all.filter { $0.year == year && $0.phase == phase }, groupName: groupName)
        return html(PublicPages.compare(comparison, viewer: req.viewer))
    }

    @Sendable static func search(_ req: Request) async throws -> Response {
        let query = String((try req.query.get(String?.self, at: "q") ?? "").trimmingCharacters(in: .whitespacesAndNewlines).prefix(50))
        let kind = try req.query.get(String?.self, at: "kind").flatMap(IndexedTextKind.init(rawValue:))
        let limit = 50
        let hits = query.isEmpty ? [] : try await req.store.search(query, kind: kind, limit: limit)
        return html(PublicPages.search(query, kind: kind, hits: hits, limit: limit, viewer: req.viewer))
    }

    @Sendable static func downloads(_ req: Request) async throws -> Response {
        var regions: [(StoredRegion, [Int])] = []
        for region in try await req.store.regions() { regions.append((region, try await req.store.publishedYears(inRegion: region.id))) }
        return html(PublicPages.downloads(regions: regions, viewer: req.viewer))
    }

    /// A region-year's expenditure lines as one CSV.
    @Sendable static func regionYearCSV(_ req: Request) async throws -> Response {
        try await regionYearExport(req, type: HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"]), fileExtension: "csv") {
            RegionYearExport.CSVEncoding()
        }
    }

    /// The same lines as an XLSX workbook, with the data dictionary.
    @Sendable static func regionYearWorkbook(_ req: Request) async throws -> Response {
        try await regionYearExport(req, type: HTTPMediaType(type: "application", subType: "vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
                                   fileExtension: "xlsx") { RegionYearExport.WorkbookEncoding() }
    }

    /// A region-year's expenditure lines as a streamed file in the encoding `encoding` makes: the
    /// publications are read 50 at a time, so the file's length never sits in memory. A failure ends
    /// the answer with an error.
    private static func regionYearExport(
        _ req: Request, type: HTTPMediaType, fileExtension: String,
        encoding: @escaping @Sendable () -> any RegionYearEncoding
    ) async throws -> Response {
        let region = try await req.store.region(try req.uuid("regionID"))
        guard let year = req.parameters.get("year").flatMap(Int.init) else { throw Problem(.notFound, code: "not-found", title: "年度无效") }
        let store = req.store
        var directory: [UUID: (StoredDepartment, StoredUnit)] = [:]
        for entry in try await store.publications(inRegion: region.id, year: year, phase: .budget) { directory[entry.unit.id] = (entry.department, entry.unit) }
        let catalog = try Catalog.bundled(year: year)
        let logger = req.logger
        let units = directory
        let response = Response(status: .ok, body: .init(asyncStream: { writer in
            do {
                let write: ([UInt8]) async throws -> Void = { bytes in
                    if !bytes.isEmpty { try await writer.write(.buffer(ByteBuffer(bytes: bytes))) }
                }
                let encoder = encoding()
                try await write(try encoder.begin())
                var cursor: UUID?
                while true {
                    let page = try await store.currentPublications(inRegion: region.id, year: year, phase: nil, after: cursor, limit: 50)
                    guard let last = page.last else { break }
                    var records: [[String]] = []
                    for version in page {
                        guard let (department, unit) = units[version.unitID] else { continue }
                        records += RegionYearExport.records(version, by: RegionYearExport.Publisher(region: region, department: department, unit: unit), catalog: catalog)
                    }
                    try await write(try encoder.encode(records))
                    cursor = last.id
                }
                try await write(try encoder.end())
                try await writer.write(.end)
            } catch {
                logger.warning("地区整年 \(fileExtension.uppercased()) 导出中断：\(error)")
                try await writer.write(.error(error))
            }
        }))
        response.headers.contentType = type
        response.headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(region.code)-\(year).\(fileExtension)\"")
        return response
    }

    @Sendable static func dataPackage(_ req: Request) async throws -> Response {
        let region = try await req.store.region(try req.uuid("regionID"))
        guard let year = req.parameters.get("year").flatMap(Int.init) else { throw Problem(.notFound, code: "not-found", title: "年度无效") }
        let data = try RegionYearExport.dataPackage(region: region, year: year, csvURL: "expenditure.csv")
        let response = Response(status: .ok, body: .init(data: data))
        response.headers.contentType = .json
        return response
    }

    /// Every public version, newest first, as a JSON array, streamed page by page.
    @Sendable static func publicationIndex(_ req: Request) async throws -> Response {
        let store = req.store
        let logger = req.logger
        let response = Response(status: .ok, body: .init(asyncStream: { writer in
            do {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys]
                try await writer.write(.buffer(ByteBuffer(string: "[")))
                var cursor: (String, UUID)?
                var first = true
                while true {
                    let page = try await store.publicationSummaries(before: cursor, limit: 200)
                    guard let last = page.last else { break }
                    var text = ""
                    for item in page {
                        text += (first ? "" : ",") + String(decoding: try encoder.encode(PublicationIndexEntry(item)), as: UTF8.self)
                        first = false
                    }
                    try await writer.write(.buffer(ByteBuffer(string: text)))
                    cursor = (last.publishedAt, last.versionID)
                }
                try await writer.write(.buffer(ByteBuffer(string: "]")))
                try await writer.write(.end)
            } catch {
                // The answer is cut short: the client sees an incomplete body, not a complete wrong one.
                logger.warning("公开版本索引的输出中断：\(error)")
                try await writer.write(.error(error))
            }
        }))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "json", parameters: ["charset": "utf-8"])
        return response
    }

    /// The sitemap: home, search, downloads, every region, unit and publication page.
    @Sendable static func sitemap(_ req: Request) async throws -> Response {
        let base = req.siteAddress
        var urls = ["/", "/downloads"]
        for region in try await req.store.regions() {
            urls.append(PortalPaths.region(region.id))
            let years = try await req.store.publishedYears(inRegion: region.id)
            for entry in try await req.store.publications(inRegion: region.id, year: years.first ?? 0, phase: .budget) {
                urls.append(PortalPaths.unit(entry.unit.id))
            }
        }
        var cursor: (String, UUID)?
        while true {
            let page = try await req.store.publicationSummaries(before: cursor, limit: 500)
            guard let last = page.last else { break }
            urls += page.map { PortalPaths.version(unit: $0.unit.id, year: $0.year, phase: $0.phase, number: $0.number) }
            cursor = (last.publishedAt, last.versionID)
        }
        let body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
            + urls.map { "<url><loc>\(HTMLEscaping.escape(base + $0))</loc></url>\n" }.joined() + "</urlset>\n"
        let response = Response(status: .ok, body: .init(string: body))
        response.headers.contentType = HTTPMediaType(type: "application", subType: "xml", parameters: ["charset": "utf-8"])
        return response
    }

    // MARK: - Helpers

    static func summary(_ version: StoredVersion, unit: StoredUnit) -> PublicationSummary {
        PublicationSummary(unit: unit, versionID: version.id, year: version.fiscalYear, phase: version.phase, number: version.number,
                           state: version.state.rawValue, approvalDate: version.approvalDate, publishedAt: version.publishedAt ?? "",
                           totalExpenditure: Amount(fen: version.totalExpenditureFen))
    }

    static func html(_ text: String, status: HTTPResponseStatus = .ok) -> Response {
        let response = Response(status: status, body: .init(string: text))
        response.headers.contentType = .html
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: "default-src 'self'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
        return response
    }
}

/// One entry of `/publications.json`.
struct PublicationIndexEntry: Encodable {
    var unitID: String
    var unitCode: String
    var unitName: String
    var year: Int
    var phase: String
    var version: Int
    var state: String
    var approvalDate: String?
    var publishedAt: String
    var totalExpenditure: String
    var page: String
    var files: String

    init(_ item: PublicationSummary) {
        unitID = item.unit.id.uuidString.lowercased()
        unitCode = item.unit.code
        unitName = item.unit.name
        year = item.year
        phase = item.phase.rawValue
        version = item.number
        state = item.state
        approvalDate = item.approvalDate
        publishedAt = item.publishedAt
        totalExpenditure = item.totalExpenditure.description
        page = PortalPaths.version(unit: item.unit.id, year: item.year, phase: item.phase, number: item.number)
        files = "/api/v1/versions/\(item.versionID.uuidString.lowercased())/files"
    }
}

/// Turns a page route's errors into an HTML page in the portal's frame, with the status the API
/// would give.
struct PageErrorMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let problem = Problem.from(error)
            // A page that needs signing in sends the browser to the sign-in form.
            if problem.status == 401, request.method == .GET { return request.redirect(to: "/staff", redirectType: .normal) }
            if problem.status >= 500 { request.logger.error("\(request.method) \(request.url.path): \(String(reflecting: error))") }
            return PortalHandlers.html(PublicPages.error(status: problem.status, message: problem.title, viewer: request.viewer),
                                       status: HTTPResponseStatus(statusCode: problem.status))
        }
    }
}

extension Request {
    /// Who is looking, for the page's header.
    var viewer: Layout.Viewer {
        guard let caller = auth.get(Caller.self), caller.scopes == nil else { return .anonymous }
        return Layout.Viewer(displayName: caller.account.displayName,
                             seesDesk: [.bureauReviewer, .bureauAdministrator].contains(caller.actor.role))
    }

    /// The address the site was reached at (`https://yjsgk.example.gov.cn`), from the Host header and,
    /// behind a proxy, X-Forwarded-Proto.
    var siteAddress: String {
        let scheme = headers.first(name: "X-Forwarded-Proto") == "https" ? "https" : "http"
        return "\(scheme)://\(headers.first(name: .host) ?? "localhost")"
    }

    /// Every value a query parameter is given (`unit=a&unit=b`).
    func queryValues(_ name: String) -> [String] {
        BudgetForm.pairs(url.query ?? "").filter { $0.name == name }.map(\.value)
    }
}
