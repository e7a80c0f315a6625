import Foundation
import GongkaiCore
import GongkaiRender
import GongkaiStore
import Plot

/// One unit on the bureau's desk.
public struct DeskUnit: Sendable {
    /// The unit.
    public var unit: StoredUnit
    /// Its 主管部门's name.
    public var departmentName: String
    /// 已公开, 编制审核中 or 未开始.
    public var status: String
    /// The 批复 date, once published.
    public var approvalDate: String?
    /// When it was first published.
    public var publishedAt: String?
    /// 及时性 as judged (按时, 逾期, 待核实 …), with its mark.
    public var timeliness: String
    /// Whether 及时性 was not met (shown in red).
    public var isLate: Bool
    /// The five dimensions of the unit's file in the latest batch check, by name, if it was checked.
    public var dimensions: [(name: String, mark: String)]
    /// Where its checked file's findings are.
    public var findingsLink: String?

    /// Creates a row.
    public init(unit: StoredUnit, departmentName: String, status: String, approvalDate: String?, publishedAt: String?, timeliness: String,
                isLate: Bool, dimensions: [(name: String, mark: String)], findingsLink: String?) {
        self.unit = unit
        self.departmentName = departmentName
        self.status = status
        self.approvalDate = approvalDate
        self.publishedAt = publishedAt
        self.timeliness = timeliness
        self.isLate = isLate
        self.dimensions = dimensions
        self.findingsLink = findingsLink
    }
}

/// Counts of units by standing.
public struct DeskCounts: Sendable {
    /// The name (the region's or a 主管部门's).
    public var name: String
    /// Units.
    public var units = 0
    /// Published.
    public var published = 0
    /// Published on time.
    public var onTime = 0
    /// Published late.
    public var late = 0
    /// Not yet published.
    public var notPublished = 0

    /// Counts named `name`.
    public init(name: String) {
        self.name = name
    }

    /// Counts `unit`.
    public mutating func add(_ unit: DeskUnit) {
        units += 1
        if unit.publishedAt != nil { published += 1 } else { notPublished += 1 }
        if unit.timeliness.hasPrefix("按时") { onTime += 1 }
        if unit.isLate { late += 1 }
    }
}

/// A batch check on the desk.
public struct DeskBatch: Sendable {
    /// The batch.
    public var id: UUID
    /// Its name.
    public var name: String
    /// When it was made.
    public var createdAt: String
    /// Files in it.
    public var files: Int
    /// Files checked.
    public var done: Int

    /// Creates a row.
    public init(id: UUID, name: String, createdAt: String, files: Int, done: Int) {
        self.id = id
        self.name = name
        self.createdAt = createdAt
        self.files = files
        self.done = done
    }
}

/// The bureau's desk: a region's year at a glance.
public struct DeskContext: Sendable {
    /// The region.
    public var region: StoredRegion
    /// The year.
    public var year: Int
    /// 预算 or 决算.
    public var phase: DocumentKind
    /// Days from the 批复 to the deadline.
    public var deadlineDays: Int
    /// Every unit.
    public var units: [DeskUnit]
    /// The region's batches, newest first.
    public var batches: [DeskBatch]
    /// Error findings by rule in the latest batch.
    public var findingsByRule: [(rule: String, title: String, count: Int)]
    /// Error findings by 主管部门 in the latest batch.
    public var findingsByDepartment: [(department: String, files: Int, errors: Int)]

    /// Creates the context.
    public init(region: StoredRegion, year: Int, phase: DocumentKind, deadlineDays: Int, units: [DeskUnit], batches: [DeskBatch],
                findingsByRule: [(rule: String, title: String, count: Int)], findingsByDepartment: [(department: String, files: Int, errors: Int)]) {
        self.region = region
        self.year = year
        self.phase = phase
        self.deadlineDays = deadlineDays
        self.units = units
        self.batches = batches
        self.findingsByRule = findingsByRule
        self.findingsByDepartment = findingsByDepartment
    }
}

/// The bureau's pages: the desk, and batch checks of published disclosures.
public enum DeskPages {
    /// The desk of a region's year.
    public static func desk(_ context: DeskContext, viewer: Layout.Viewer) -> String {
        var total = DeskCounts(name: "全区合计")
        var byDepartment: [String: DeskCounts] = [:]
        for unit in context.units {
            total.add(unit)
            byDepartment[unit.departmentName, default: DeskCounts(name: unit.departmentName)].add(unit)
        }
        func countRow(_ counts: DeskCounts) -> [DataTable.Cell] {
            [.text(counts.name), .number(String(counts.units)), .number(String(counts.published)), .number(String(counts.onTime)),
             .number(String(counts.late), className: counts.late > 0 ? "bad" : nil), .number(String(counts.notPublished), className: counts.notPublished > 0 ? "bad" : nil)]
        }
        let dimensionNames = context.units.first { !$0.dimensions.isEmpty }?.dimensions.map(\.name) ?? []
        let unitRows = context.units.map { unit -> [DataTable.Cell] in
            var cells: [DataTable.Cell] = [.text(unit.unit.name, href: PortalPaths.unit(unit.unit.id)), .text(unit.departmentName), .text(unit.status),
                                           .text(unit.approvalDate ?? "—"), .text(unit.publishedAt.map(PortalFormat.day) ?? "—"),
                                           DataTable.Cell.number(unit.timeliness, className: unit.isLate ? "bad" : nil)]
            let marks = Dictionary(unit.dimensions.map { ($0.name, $0.mark) }, uniquingKeysWith: { first, _ in first })
            cells += dimensionNames.map { .number(marks[$0] ?? "—") }
            cells.append(unit.findingsLink.map { .text("问题", href: $0) } ?? .text(""))
            return cells
        }
        let yearForm = """
        <form method="get" action="/desk" class="search"><label for="year">年度</label><input id="year" name="year" type="number" min="2000" max="2100" value="\(context.year)">\
        <label for="phase">种类</label><select id="phase" name="phase">\(DocumentKind.allCases.map { "<option value=\"\($0.rawValue)\"\($0 == context.phase ? " selected" : "")>\($0.chineseName)</option>" }.joined())</select>\
        <button type="submit">查看</button></form>
        """
        let batchRows = context.batches.map { batch -> [DataTable.Cell] in
            [.text(batch.name, href: "/desk/checks/\(batch.id.uuidString.lowercased())"), .text(PortalFormat.day(batch.createdAt)),
             .number("\(batch.done) / \(batch.files)"), .text("检查表 XLSX", href: "/desk/checks/\(batch.id.uuidString.lowercased())/checklist.xlsx")]
        }
        let ruleRows = context.findingsByRule.map { [DataTable.Cell.text("\($0.title)（\($0.rule)）"), .number(String($0.count))] }
        let departmentRows = context.findingsByDepartment.map { [DataTable.Cell.text($0.department), .number(String($0.files)), .number(String($0.errors))] }
        let title = "\(context.region.name)\(context.year)年\(context.phase.chineseName)公开情况"
        return Layout.page(title: title, crumbs: [Layout.Crumb("首页", "/"), Layout.Crumb("工作台", "/staff"), Layout.Crumb("财政局看板")], viewer: viewer,
            .h1(.escaped(title)),
            .raw(yearForm),
            .p(.escaped("公开时限：财政批复后 \(context.deadlineDays) 日内（按中国标准时间计）。")),
            .div(.class("cards"),
                 .div(.class("card"), .h2(.escaped("应公开")), .p(.id("due-count"), .escaped("\(total.units) 个单位"))),
                 .div(.class("card"), .h2(.escaped("已公开")), .p(.id("published-count"), .escaped("\(total.published) 个，其中按时 \(total.onTime) 个"))),
                 .div(.class("card"), .h2(.escaped("逾期")), .p(.id("late-count"), .escaped("\(total.late) 个"))),
                 .div(.class("card"), .h2(.escaped("未公开")), .p(.id("missing-count"), .escaped("\(total.notPublished) 个")))),
            .h2(.escaped("按主管部门")),
            .raw(DataTable(caption: "各主管部门所属单位公开情况", columns: ["主管部门", "单位数", "已公开", "按时", "逾期", "未公开"],
                           rows: [countRow(total)] + byDepartment.values.sorted { $0.name < $1.name }.map(countRow)).html),
            .h2(.escaped("各单位")),
            .raw(DataTable(caption: "各单位公开情况与最近一次检查的五个维度（是：符合；否：不符合；—：无法判断）",
                           columns: ["单位", "主管部门", "状态", "批复日期", "公开日期", "及时性"] + dimensionNames + ["检查发现"], rows: unitRows, id: "desk-units").html),
            .h2(.escaped("批量检查")),
            .p(.a(.href("/desk/checks"), .escaped("上传已公开的预决算文件进行检查"))),
            .raw(batchRows.isEmpty ? "<p>尚无批量检查。</p>" : DataTable(caption: "本地区的批量检查", columns: ["批次", "日期", "已检查", "导出"], rows: batchRows).html),
            .if(!ruleRows.isEmpty, .group(
                .h2(.escaped("最近一批的错误，按规则")),
                .raw(DataTable(caption: "错误数按检查规则", columns: ["规则", "错误数"], rows: ruleRows).html),
                .h2(.escaped("最近一批的错误，按主管部门")),
                .raw(DataTable(caption: "错误数按主管部门", columns: ["主管部门", "文件数", "错误数"], rows: departmentRows).html)
            ))
        )
    }

    /// The upload form for a batch check.
    public static func upload(viewer: Layout.Viewer, error: String? = nil) -> String {
        Layout.page(title: "批量检查", crumbs: [Layout.Crumb("首页", "/"), Layout.Crumb("财政局看板", "/desk"), Layout.Crumb("批量检查")], viewer: viewer,
            .h1(.escaped("上传已公开的预决算文件进行检查")),
            .unwrap(error) { .p(.class("notice"), .attribute(named: "role", value: "alert"), .escaped($0)) },
            .raw("""
            <form method="post" action="/desk/checks" enctype="multipart/form-data">
            <p><label for="name">批次名称</label><br><input id="name" name="name" size="40" placeholder="如：2026年部门预算公开检查"></p>
            <p><label for="files">文件（PDF、XLSX、HTML、文本，可多选，也可上传 ZIP 压缩包）</label><br><input id="files" name="files" type="file" multiple required></p>
            <p><button type="submit">上传并检查</button></p></form>
            <p class="muted">每个文件在后台逐个检查，页面显示进度；检查完后可导出本区检查表（每个文件一页，末页汇总）。</p>
            """))
    }

    /// One checked file of a batch.
    public struct BatchFileRow: Sendable {
        /// The file's name in the batch.
        public var name: String
        /// The job's state in Chinese.
        public var state: String
        /// The unit the file is of, once read.
        public var unitName: String?
        /// Its error findings, once checked.
        public var errors: Int?
        /// The five dimensions' marks, once checked.
        public var dimensions: [(name: String, mark: String)]
        /// Where its findings are.
        public var findingsLink: String

        /// Creates a row.
        public init(name: String, state: String, unitName: String?, errors: Int?, dimensions: [(name: String, mark: String)], findingsLink: String) {
            self.name = name
            self.state = state
            self.unitName = unitName
            self.errors = errors
            self.dimensions = dimensions
            self.findingsLink = findingsLink
        }
    }

    /// A batch's progress (while files are waiting, the server asks the browser to reload it every
    /// five seconds: a Refresh header, not a script).
    public static func batch(id: UUID, name: String, files: [BatchFileRow], finished: Bool, viewer: Layout.Viewer) -> String {
        let dimensionNames = files.first { !$0.dimensions.isEmpty }?.dimensions.map(\.name) ?? []
        let rows = files.map { file -> [DataTable.Cell] in
            let marks = Dictionary(file.dimensions.map { ($0.name, $0.mark) }, uniquingKeysWith: { first, _ in first })
            return [.text(file.name, href: file.findingsLink), .text(file.state), .text(file.unitName ?? "—"), .number(file.errors.map(String.init) ?? "—")]
                + dimensionNames.map { .number(marks[$0] ?? "—") }
        }
        let done = files.filter { $0.errors != nil }.count
        return Layout.page(title: name, crumbs: [Layout.Crumb("首页", "/"), Layout.Crumb("财政局看板", "/desk"), Layout.Crumb(name)], viewer: viewer,
            .h1(.escaped(name)),
            .p(.id("batch-progress"), .attribute(named: "role", value: "status"), .escaped(finished ? "已全部检查完（\(files.count) 个文件）。" : "正在检查：已完成 \(done) / \(files.count)，页面每 5 秒自动刷新。")),
            .p(.a(.href("/desk/checks/\(id.uuidString.lowercased())/checklist.xlsx"), .escaped("导出检查表（XLSX，每个文件一页，末页汇总）"))),
            .raw(DataTable(caption: "本批文件", columns: ["文件", "状态", "单位", "错误数"] + dimensionNames, rows: rows, id: "batch-files").html))
    }

    /// A file uploaded for checking and where its bytes are served.
    public struct CheckedFile: Sendable {
        /// Its name as uploaded.
        public var name: String
        /// The address of its bytes.
        public var link: String

        /// Describes the file.
        public init(name: String, link: String) {
            self.name = name
            self.link = link
        }

        /// Whether the browser opens it at a page (`#page=N`).
        var opensAtPages: Bool { name.lowercased().hasSuffix(".pdf") }
    }

    /// One checked file's findings, each with where it is (page, table, 科目 code, column); in a PDF,
    /// the page links to that page of the file.
    public static func findings(batchID: UUID, batchName: String, file: CheckedFile, findings: [CheckFinding], viewer: Layout.Viewer) -> String {
        let rows = findings.map { finding -> [DataTable.Cell] in
            let place = [finding.page.map { "第 \($0) 页" }, finding.table, finding.code.map { "科目 \($0)" }, finding.column.map { "“\($0)”列" }]
                .compactMap { $0 }.joined(separator: "，")
            let placeCell: DataTable.Cell = if let page = finding.page, file.opensAtPages { .text(place, href: "\(file.link)#page=\(page)") } else { .text(place.isEmpty ? "—" : place) }
            return [.text(finding.severity == "error" ? "错误" : finding.severity == "warning" ? "警告" : "提示"), .text(finding.message), placeCell,
                    .text(finding.found ?? ""), .text(finding.expected ?? ""), .text(finding.rule)]
        }
        return Layout.page(title: file.name, crumbs: [Layout.Crumb("首页", "/"), Layout.Crumb("财政局看板", "/desk"),
                                                      Layout.Crumb(batchName, "/desk/checks/\(batchID.uuidString.lowercased())"), Layout.Crumb(file.name)], viewer: viewer,
            .h1(.escaped(file.name)),
            .p(.a(.href(file.link), .escaped(file.opensAtPages ? "打开检查的文件（PDF）" : "下载检查的文件"))),
            .raw(rows.isEmpty ? "<p>没有发现问题。</p>" : DataTable(caption: "检查发现（\(findings.count) 条）", columns: ["级别", "问题", "位置", "发现", "应为", "规则"], rows: rows).html))
    }
}
