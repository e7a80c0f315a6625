import Foundation
import GongkaiCore
import GongkaiRender
import GongkaiStore
import Plot

/// What changed from one version of a publication to the next: each figure whose amount differs.
public struct VersionChange: Sendable, Equatable {
    /// The figure's name.
    public var label: String
    /// The amount in the earlier version (nil when it had none).
    public var before: Amount?
    /// The amount in the later one.
    public var after: Amount?

    /// The changed figures between two versions' figures, in the later one's order.
    public static func between(_ earlier: [IndexedFigure], _ later: [IndexedFigure]) -> [VersionChange] {
        func key(_ figure: IndexedFigure) -> String { figure.measure + "|" + figure.basis.rawValue }
        let old = Dictionary(earlier.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        let new = Dictionary(later.map { (key($0), $0) }, uniquingKeysWith: { first, _ in first })
        var changes = later.compactMap { figure -> VersionChange? in
            let before = old[key(figure)]?.amount
            return before == figure.amount ? nil : VersionChange(label: label(figure), before: before, after: figure.amount)
        }
        changes += earlier.filter { new[key($0)] == nil }.map { VersionChange(label: label($0), before: $0.amount, after: nil) }
        return changes
    }

    private static func label(_ figure: IndexedFigure) -> String { figure.basis == .budgeted ? "\(figure.label)（预算数）" : figure.label }
}

/// One version of a publication on its page.
public struct PublicationContext: Sendable {
    /// The unit, its 主管部门 and region.
    public var unit: StoredUnit
    /// Its 主管部门.
    public var department: StoredDepartment
    /// Its region.
    public var region: StoredRegion
    /// The version shown.
    public var version: PublicationSummary
    /// Every public version of the unit's year and phase, oldest first.
    public var versions: [PublicationSummary]
    /// What each version changed from the one before, by version id.
    public var changes: [UUID: [VersionChange]]
    /// The version's files.
    public var files: [StoredFile]
    /// The package as published.
    public var document: RenderedDocument

    /// Creates the context.
    public init(unit: StoredUnit, department: StoredDepartment, region: StoredRegion, version: PublicationSummary, versions: [PublicationSummary],
                changes: [UUID: [VersionChange]], files: [StoredFile], document: RenderedDocument) {
        self.unit = unit
        self.department = department
        self.region = region
        self.version = version
        self.versions = versions
        self.changes = changes
        self.files = files
        self.document = document
    }
}

extension PublicPages {
    /// A publication's page: its status, downloads with sha256, version history with what changed,
    /// the 目录, the narrative and every table.
    public static func publication(_ context: PublicationContext, viewer: Layout.Viewer) -> String {
        let version = context.version
        let unit = context.unit
        let name = "\(version.year)年\(version.phase.chineseName)"
        let current = context.versions.last { $0.state == "published" }
        let notice: Node<HTML.BodyContext> = version.state == "published" ? .empty : .p(.class("notice"),
            .escaped("这是已被更正的第 \(version.number) 版，仅供查阅。"),
            .unwrap(current) { .a(.href(PortalPaths.publication(unit: unit.id, year: version.year, phase: version.phase)), .escaped("查看现行的第 \($0.number) 版")) })
        let fileRows = context.files.map { file -> [DataTable.Cell] in
            [.text(file.name, href: PortalPaths.file(file.sha256)), .text(format(of: file.name)), .number(PortalFormat.size(file.size)), .text(file.sha256)]
        }
        let historyRows = context.versions.map { item -> [DataTable.Cell] in
            let changes = context.changes[item.versionID] ?? []
            let summary = item.number == context.versions.first?.number ? "首次公开"
                : changes.isEmpty ? "金额无变化（文字或其他内容更正）"
                : changes.prefix(6).map { "\($0.label) \($0.before.map(PortalFormat.wan) ?? "—") → \($0.after.map(PortalFormat.wan) ?? "—")" }.joined(separator: "；")
                  + (changes.count > 6 ? "；等 \(changes.count) 项" : "")
            return [.text("第 \(item.number) 版", href: PortalPaths.version(unit: unit.id, year: item.year, phase: item.phase, number: item.number)),
                    .text(item.state == "published" ? "现行" : "已更正"), .text(item.approvalDate ?? "—"), .text(PortalFormat.day(item.publishedAt)), .text(summary)]
        }
        return Layout.page(title: "\(unit.name)\(name)", crumbs: [Layout.Crumb("首页", "/"), Layout.Crumb(context.region.name, PortalPaths.region(context.region.id)),
                                                                   Layout.Crumb(unit.name, PortalPaths.unit(unit.id)), Layout.Crumb(name)], viewer: viewer,
            .h1(.escaped("\(unit.name)\(name)")),
            notice,
            .p(.class("meta"), .escaped("\(context.document.title)　第 \(version.number) 版　财政批复日期：\(version.approvalDate ?? "—")　公开日期：\(PortalFormat.day(version.publishedAt))　主管部门：\(context.department.name)")),
            .p(.a(.href(PortalPaths.trends(unit: unit.id, phase: version.phase)), .escaped("历年变化")), .escaped("　"),
               .a(.href("/compare?unit=\(unit.id.uuidString.lowercased())&year=\(version.year)&phase=\(version.phase.rawValue)&department=\(context.department.id.uuidString.lowercased())"),
                  .escaped("与同部门单位比较"))),
            .h2(.escaped("下载")),
            .raw(DataTable(caption: "本版本的公开文件（sha256 用于核对文件未被改动）", columns: ["文件", "格式", "大小", "sha256"], rows: fileRows).html),
            .h2(.escaped("版本记录")),
            .raw(DataTable(caption: "\(name)的各个公开版本", columns: ["版本", "状态", "批复日期", "公开日期", "与上一版相比"], rows: historyRows).html),
            .raw(DocumentView.html(context.document)),
            .h2(.escaped("依申请公开")),
            .p(.escaped(unit.contact ?? "如需本单位未主动公开的预决算信息，可向本单位或主管部门提出政府信息公开申请。"))
        )
    }

    static func format(of name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "pdf": "PDF（打印版）"
        case "xlsx": "Excel 工作簿"
        case "html": "网页"
        case "json": name.hasSuffix("datapackage.json") ? "数据包描述（FDP）" : "JSON 数据"
        case "csv": "CSV 表格"
        default: "其他"
        }
    }
}
