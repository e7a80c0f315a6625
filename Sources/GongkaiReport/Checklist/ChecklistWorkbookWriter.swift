import Foundation
import GongkaiCore
import GongkaiRules
import GongkaiXLSX

/// What a checklist needs of one checked document: its rows and its five dimensions are computed
/// when the document is checked, so a batch (or the server's job table) keeps these instead of
/// whole documents.
public struct ChecklistDocument: Sendable, Codable, Equatable {
    /// The file.
    public var path: String
    /// What was read about the unit.
    public var metadata: DisclosureMetadata?
    /// The checklist's title from the profile.
    public var checklistTitle: String?
    /// Why the file could not be read.
    public var unreadableReason: String?
    /// The filled rows.
    public var entries: [ChecklistEntry]
    /// The document on the five dimensions of an inspection.
    public var dimensions: [DimensionVerdict]

    /// The checklist part of a document's report.
    public init(_ document: DocumentReport, dimensions map: DimensionMap) {
        path = document.path
        metadata = document.disclosure?.metadata
        checklistTitle = document.profile?.checklistTitle
        unreadableReason = document.error?.message
        entries = ChecklistBuilder.entries(for: document)
        dimensions = ComplianceAssessor.assess(document, map: map)
    }

    /// The 主管部门 the document belongs to: the one it names, or itself when it is a department's own.
    public var departmentName: String? {
        metadata?.parentDepartment ?? (metadata?.level == .department ? metadata?.unitName : nil)
    }

    /// A file that was not (or not yet) read: no rows, every dimension unknown for `reason`.
    public init(notChecked path: String, reason: String) {
        self.path = path
        metadata = nil
        checklistTitle = nil
        unreadableReason = reason
        entries = []
        dimensions = DisclosureDimension.allCases.map { DimensionVerdict(dimension: $0, outcome: .unknown, note: reason) }
    }
}

/// Writes filled inspection checklists as an XLSX workbook, one sheet per document, in the layout of
/// the district's form (title, 部门名称, 公开网址, then 检查内容 / 符合要求 / 问题), and a last sheet
/// 汇总 rolling the documents up on the five dimensions, in all and per 主管部门.
public enum ChecklistWorkbookWriter {
    /// The name of the roll-up sheet.
    public static let summarySheetName = "汇总"

    /// The workbook bytes.
    public static func workbook(_ report: CheckReport) throws -> Data {
        let map = try DimensionMap.standard()
        return try workbook(report.documents.map { ChecklistDocument($0, dimensions: map) })
    }

    /// The workbook bytes for documents already reduced to their checklists.
    public static func workbook(_ documents: [ChecklistDocument], title: String = "预决算公开检查汇总") throws -> Data {
        var writer = XLSXWriter()
        var usedNames: Set<String> = [summarySheetName.lowercased()]
        for document in documents {
            let base = document.metadata?.unitName ?? ((document.path as NSString).lastPathComponent as NSString).deletingPathExtension
            writer.add(sheet(for: document, name: SheetNames.unique(base, fallback: "检查表", used: &usedNames)))
        }
        writer.add(summarySheet(documents, title: title))
        return try writer.data()
    }

    /// One row per document with its mark on each dimension, then the counts per dimension.
    private static func summarySheet(_ documents: [ChecklistDocument], title: String) -> XLSXSheetBuilder {
        var sheet = XLSXSheetBuilder(name: summarySheetName)
        let heading = XLSXStyle(bold: true, horizontal: .center, verticalCenter: true, fontSize: 16)
        let header = XLSXStyle(bold: true, wrapText: true, horizontal: .center, verticalCenter: true, border: true, fillColor: "FFEFEFEF")
        let cell = XLSXStyle(wrapText: true, horizontal: .left, verticalCenter: true, border: true)
        let centred = XLSXStyle(wrapText: true, horizontal: .center, verticalCenter: true, border: true)
        let dimensions = DisclosureDimension.allCases
        let columns = 4 + dimensions.count
        for (column, width) in ([30.0, 24.0, 10.0, 30.0] + dimensions.map { _ in 12.0 }).enumerated() { sheet.setColumnWidth(column + 1, width) }
        sheet.setPrintLandscape(true)
        sheet.freezePanes(rows: 3, columns: 1)
        sheet.set(row: 1, column: 1, .text(title), style: heading)
        sheet.merge(XLSXRange(firstRow: 1, firstColumn: 1, lastRow: 1, lastColumn: columns))
        sheet.setRowHeight(1, 30)
        let titles = ["单位名称", "文件", "年度", "读取情况"] + dimensions.map(\.chineseName)
        for (index, text) in titles.enumerated() { sheet.set(row: 3, column: index + 1, .text(text), style: header) }
        var row = 4
        for document in documents {
            sheet.set(row: row, column: 1, .text(document.metadata?.unitName ?? "（未识别）"), style: cell)
            sheet.set(row: row, column: 2, .text((document.path as NSString).lastPathComponent), style: cell)
            sheet.set(row: row, column: 3, document.metadata?.year.map { .text("\($0)") } ?? .blank, style: centred)
            sheet.set(row: row, column: 4, .text(document.unreadableReason.map { "无法读取：\($0)" } ?? "已检查"), style: cell)
            for (index, dimension) in dimensions.enumerated() {
                let verdict = document.dimensions.first { $0.dimension == dimension }
                let text = verdict.map { $0.outcome == .notMet && $0.errors > 0 ? "否（\($0.errors)）" : $0.mark } ?? "—"
                sheet.set(row: row, column: 5 + index, .text(text), style: centred)
            }
            row += 1
        }
        row += 1
        let rollUp = ComplianceRollUp(documents.map(\.dimensions))
        for (label, count) in [("符合（是）", { (counts: ComplianceRollUp.Counts) in counts.met }),
                               ("不符合（否）", { $0.notMet }), ("无法判断（—）", { $0.unknown })] {
            sheet.set(row: row, column: 1, .text("\(label)：共 \(rollUp.documents) 份"), style: cell)
            for column in 2...4 { sheet.set(row: row, column: column, .blank, style: cell) }
            sheet.merge(XLSXRange(firstRow: row, firstColumn: 1, lastRow: row, lastColumn: 4))
            for (index, counts) in rollUp.dimensions.enumerated() {
                sheet.set(row: row, column: 5 + index, .number(String(count(counts))), style: centred)
            }
            row += 1
        }
        row += 1
        sheet.set(row: row, column: 1, .text("按主管部门"), style: header)
        for column in 2...4 { sheet.set(row: row, column: column, .blank, style: header) }
        sheet.merge(XLSXRange(firstRow: row, firstColumn: 1, lastRow: row, lastColumn: 4))
        for (index, dimension) in dimensions.enumerated() {
            sheet.set(row: row, column: 5 + index, .text("\(dimension.chineseName) 是/否/—"), style: header)
        }
        row += 1
        for group in ComplianceRollUp.byDepartment(documents) {
            sheet.set(row: row, column: 1, .text("\(group.department)：\(group.rollUp.documents) 份"), style: cell)
            for column in 2...4 { sheet.set(row: row, column: column, .blank, style: cell) }
            sheet.merge(XLSXRange(firstRow: row, firstColumn: 1, lastRow: row, lastColumn: 4))
            for (index, counts) in group.rollUp.dimensions.enumerated() {
                sheet.set(row: row, column: 5 + index, .text("\(counts.met)/\(counts.notMet)/\(counts.unknown)"), style: centred)
            }
            row += 1
        }
        sheet.set(row: row + 1, column: 1, .text("“否”后括号内为该维度的错误数。只计错误：提示性发现需人工核实，不计入；表格未能读取不计为公开单位的问题。及时性须对照批复日期核对。"))
        sheet.merge(XLSXRange(firstRow: row + 1, firstColumn: 1, lastRow: row + 1, lastColumn: columns))
        return sheet
    }

    private static func sheet(for document: ChecklistDocument, name: String) -> XLSXSheetBuilder {
        var sheet = XLSXSheetBuilder(name: name)
        let title = XLSXStyle(bold: true, horizontal: .center, verticalCenter: true, fontSize: 16)
        let header = XLSXStyle(bold: true, wrapText: true, horizontal: .center, verticalCenter: true, border: true, fillColor: "FFEFEFEF")
        let cell = XLSXStyle(wrapText: true, horizontal: .left, verticalCenter: true, border: true)
        let centred = XLSXStyle(wrapText: true, horizontal: .center, verticalCenter: true, border: true)
        for (column, width) in [11.8, 18.7, 60.8, 10.3, 61.2].enumerated() { sheet.setColumnWidth(column + 1, width) }
        sheet.setPrintLandscape(true)
        sheet.freezePanes(rows: 5, columns: 0)
        let metadata = document.metadata
        let kind = metadata?.kind?.chineseName ?? "预算"
        let year = metadata?.year.map { "\($0)年度" } ?? ""
        sheet.set(row: 1, column: 1, .text("\(year)\(document.checklistTitle ?? "预决算公开情况检查表")"), style: title)
        sheet.merge(XLSXRange(firstRow: 1, firstColumn: 1, lastRow: 1, lastColumn: 5))
        sheet.setRowHeight(1, 30)
        let levelWord = metadata?.level == .unit ? "单位名称" : "部门名称"
        sheet.set(row: 3, column: 1, .text("\(levelWord): \(metadata?.unitName ?? "（未识别）")"))
        sheet.merge(XLSXRange(firstRow: 3, firstColumn: 1, lastRow: 3, lastColumn: 4))
        sheet.set(row: 4, column: 1, .text("公开文件：\(document.path)"))
        sheet.merge(XLSXRange(firstRow: 4, firstColumn: 1, lastRow: 4, lastColumn: 5))
        sheet.set(row: 5, column: 1, .text("\(year)\(metadata?.level?.chineseName ?? "")\(kind)公开检查内容"), style: header)
        for column in 2...3 { sheet.set(row: 5, column: column, .blank, style: header) }
        sheet.merge(XLSXRange(firstRow: 5, firstColumn: 1, lastRow: 5, lastColumn: 3))
        sheet.set(row: 5, column: 4, .text("符合要求"), style: header)
        sheet.set(row: 5, column: 5, .text("发现的问题（含页码）"), style: header)
        if let reason = document.unreadableReason {
            sheet.set(row: 6, column: 1, .text("无法读取：\(reason)"), style: cell)
            sheet.merge(XLSXRange(firstRow: 6, firstColumn: 1, lastRow: 6, lastColumn: 5))
            return sheet
        }
        var row = 6
        var groupStart = 6
        let entries = document.entries
        for (index, entry) in entries.enumerated() {
            sheet.set(row: row, column: 1, .text(entry.group), style: centred)
            sheet.set(row: row, column: 2, .text(entry.label), style: cell)
            sheet.set(row: row, column: 3, .blank, style: cell)
            sheet.merge(XLSXRange(firstRow: row, firstColumn: 2, lastRow: row, lastColumn: 3))
            sheet.set(row: row, column: 4, .text(entry.verdict), style: centred)
            let problems = entry.problems.count == 1 && entry.verdict != "否" ? entry.problems
                : entry.problems.enumerated().map { "\($0.offset + 1).\($0.element)" }
            sheet.set(row: row, column: 5, problems.isEmpty ? .blank : .text(problems.joined(separator: "\n")), style: cell)
            sheet.setRowHeight(row, max(20, Double(min(problems.count, 30)) * 28))
            let nextGroup = index + 1 < entries.count ? entries[index + 1].group : nil
            if nextGroup != entry.group {
                if row > groupStart { sheet.merge(XLSXRange(firstRow: groupStart, firstColumn: 1, lastRow: row, lastColumn: 1)) }
                groupStart = row + 1
            }
            row += 1
        }
        return sheet
    }
}
