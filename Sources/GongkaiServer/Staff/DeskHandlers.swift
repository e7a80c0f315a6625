import Foundation
import GongkaiCore
import GongkaiPortal
import GongkaiReport
import GongkaiRules
import GongkaiStore
import GongkaiWorkflow
import Vapor

/// The bureau's desk and its batch checks, for the 财政局's own region.
enum DeskHandlers {
    @Sendable static func desk(_ req: Request) async throws -> Response {
        let actor = try req.caller().actor
        guard let regionID = UUID(uuidString: actor.scope.id) else { throw StoreError.notFound("地区") }
        let region = try await req.store.region(regionID)
        let phase = try req.query.get(String?.self, at: "phase").flatMap(DocumentKind.init(rawValue:)) ?? .budget
        let latestYear = try await req.store.publishedYears(inRegion: regionID).first ?? Calendar(identifier: .gregorian).component(.year, from: Date())
        let year = try req.query.get(Int?.self, at: "year").map { year in
            guard (2000...2100).contains(year) else { throw Problem(.badRequest, code: "bad-year", title: "年度应在 2000 到 2100 之间") }
            return year
        } ?? latestYear
        let map = try DimensionMap.standard()
        let batches = try await req.store.batches(inRegion: actor.scope.id)
        var deskBatches: [DeskBatch] = []
        var latest: (progress: BatchProgress, checklists: [ChecklistDocument?])?
        for batch in batches {
            let progress = try await req.store.batchProgress(batch.id)
            if latest == nil { latest = (progress, try progress.files.map(BatchFileBody.checklist)) }
            deskBatches.append(DeskBatch(id: batch.id, name: batch.name, createdAt: batch.createdAt, files: progress.total,
                                         done: progress.files.filter { $0.job.state == .done }.count))
        }
        var checkedByUnit: [String: (dimensions: [DimensionVerdict], link: String)] = [:]
        if let latest {
            for (file, checklist) in zip(latest.progress.files, latest.checklists) {
                // Only files of the year shown count for it (a file whose year could not be read counts for none).
                guard let checklist, let name = checklist.metadata?.unitName, checklist.metadata?.year == year else { continue }
                checkedByUnit[name] = (checklist.dimensions, "/desk/checks/\(latest.progress.batch.id.uuidString.lowercased())/jobs/\(file.job.id.uuidString.lowercased())")
            }
        }
        let units = try await req.store.publications(inRegion: regionID, year: year, phase: phase).map { entry -> DeskUnit in
            let first = entry.firstPublished
            let verdict = ComplianceAssessor.timeliness(approvalDate: first?.approvalDate, published: first?.publishedAt, days: map.deadlineDays)
            let timeliness = switch verdict.outcome {
            case .met: "按时 是"
            case .notMet: "逾期 否"
            case .unknown: first == nil ? "未公开" : "待核实（\(verdict.note ?? "")）"
            }
            let checked = checkedByUnit[entry.unit.name]
            return DeskUnit(unit: entry.unit, departmentName: entry.department.name,
                            status: first != nil ? "已公开" : entry.versions.isEmpty ? "未开始" : "编制审核中",
                            approvalDate: first?.approvalDate, publishedAt: first?.publishedAt, timeliness: timeliness, isLate: verdict.outcome == .notMet,
                            dimensions: (checked?.dimensions ?? []).map { ($0.dimension.chineseName, $0.mark) }, findingsLink: checked?.link)
        }
        var byRule: [(rule: String, title: String, count: Int)] = []
        var byDepartment: [(department: String, files: Int, errors: Int)] = []
        if let latest {
            byRule = try await req.store.errorCountsByRule(inBatch: latest.progress.batch.id).map {
                ($0.rule, RuleCatalog.rule($0.rule)?.description.title ?? BudgetRuleCatalog.rule($0.rule)?.description.title ?? $0.rule, $0.count)
            }
            var counts: [String: (files: Int, errors: Int)] = [:]
            for (file, checklist) in zip(latest.progress.files, latest.checklists) {
                guard let checklist else { continue }
                let name = checklist.departmentName ?? "（未识别主管部门）"
                counts[name, default: (0, 0)].files += 1
                counts[name, default: (0, 0)].errors += file.job.errorFindings ?? 0
            }
            byDepartment = counts.map { ($0.key, $0.value.files, $0.value.errors) }.sorted { $0.errors > $1.errors }
        }
        let context = DeskContext(region: region, year: year, phase: phase, deadlineDays: map.deadlineDays, units: units, batches: deskBatches,
                                  findingsByRule: byRule, findingsByDepartment: byDepartment)
        return PortalHandlers.html(DeskPages.desk(context, viewer: req.viewer))
    }

    @Sendable static func uploadForm(_ req: Request) async throws -> Response {
        PortalHandlers.html(DeskPages.upload(viewer: req.viewer))
    }

    @Sendable static func upload(_ req: Request) async throws -> Response {
        let (type, body) = (req.headers.contentType, req.body.data)
        do {
            let upload = try await req.application.workThreads.runIfActive { try CheckUpload(contentType: type, body: body) }
            let files = upload.files.filter { !$0.data.isEmpty }
            guard !files.isEmpty else { throw Problem(.unprocessableEntity, code: "no-files", title: "没有选择文件") }
            let name = upload.name.flatMap { $0.isEmpty ? nil : $0 } ?? "批量检查 \(PortalFormat.day(Date.ISO8601FormatStyle().format(Date())))"
            let batch = try await req.store.createBatch(name: name, files: files, by: try req.caller().actor)
            return req.redirect(to: "/desk/checks/\(batch.id.uuidString.lowercased())", redirectType: .normal)
        } catch let problem as Problem {
            return PortalHandlers.html(DeskPages.upload(viewer: req.viewer, error: problem.title), status: HTTPResponseStatus(statusCode: problem.status))
        }
    }

    @Sendable static func batch(_ req: Request) async throws -> Response {
        let progress = try await CheckHandlers.visibleBatch(req)
        let rows = try progress.files.map { file -> DeskPages.BatchFileRow in
            let checklist = try BatchFileBody.checklist(of: file)
            return DeskPages.BatchFileRow(name: file.name, state: file.job.state.chineseName, unitName: checklist?.metadata?.unitName,
                                          errors: file.job.state == .done ? (file.job.errorFindings ?? 0) : nil,
                                          dimensions: (checklist?.dimensions ?? []).map { ($0.dimension.chineseName, $0.mark) },
                                          findingsLink: "/desk/checks/\(progress.batch.id.uuidString.lowercased())/jobs/\(file.job.id.uuidString.lowercased())")
        }
        let finished = progress.files.allSatisfy { [.done, .failed].contains($0.job.state) }
        let response = PortalHandlers.html(DeskPages.batch(id: progress.batch.id, name: progress.batch.name, files: rows, finished: finished, viewer: req.viewer))
        if !finished { response.headers.replaceOrAdd(name: "Refresh", value: "5") }
        return response
    }

    @Sendable static func jobFindings(_ req: Request) async throws -> Response {
        let progress = try await CheckHandlers.visibleBatch(req)
        let jobID = try req.uuid("jobID")
        guard let file = progress.files.first(where: { $0.job.id == jobID }) else { throw StoreError.notFound("检查任务 \(jobID)") }
        let findings = try await req.store.findings(ofJob: jobID)
        let link = "/desk/checks/\(progress.batch.id.uuidString.lowercased())/jobs/\(jobID.uuidString.lowercased())/file"
        return PortalHandlers.html(DeskPages.findings(batchID: progress.batch.id, batchName: progress.batch.name,
                                                     file: DeskPages.CheckedFile(name: file.name, link: link), findings: findings, viewer: req.viewer))
    }

    /// The file as it was uploaded, for the reviewer to look at what a finding names: a PDF opens in
    /// the browser (its page links go to the page), any other file downloads; nothing in it runs as
    /// part of the site.
    @Sendable static func checkedFile(_ req: Request) async throws -> Response {
        let progress = try await CheckHandlers.visibleBatch(req)
        let jobID = try req.uuid("jobID")
        guard let file = progress.files.first(where: { $0.job.id == jobID }) else { throw StoreError.notFound("检查任务 \(jobID)") }
        let response = Response(status: .ok, body: .init(data: try await req.store.blob(file.job.sha256)))
        let isPDF = file.name.lowercased().hasSuffix(".pdf")
        response.headers.replaceOrAdd(name: .contentType, value: isPDF ? "application/pdf" : "application/octet-stream")
        let name = String(file.name.split(separator: "/").last ?? "file")
        response.headers.replaceOrAdd(name: .contentDisposition,
                                      value: ComplianceHandlers.contentDisposition(name, fallback: isPDF ? "file.pdf" : "file", inline: isPDF))
        response.headers.replaceOrAdd(name: "X-Content-Type-Options", value: "nosniff")
        response.headers.replaceOrAdd(name: "Content-Security-Policy", value: Handlers.documentPolicy)
        response.headers.replaceOrAdd(name: .cacheControl, value: "private, no-store")
        return response
    }
}
