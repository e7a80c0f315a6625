import Foundation
import GongkaiCore
import GongkaiRules
import GongkaiXLSX

/// What a checklist sheet needs of one checked document: its rows are computed when the document is
/// checked, so a batch keeps these instead of whole documents.
public struct ChecklistDocument: Sendable {
    /// The file.
    public var path: String
    /// What was read about the unit.
    public var metadata: DisclosureMetadata?
    /// The checklist's title from the profile.
    public var checklistTitle: String?
    /// Why the file could not be read.
    public var error: GongkaiError?
    /// The filled rows.
    public var entries: [ChecklistEntry]

    /// The checklist part of a document's report.
    public init(_ document: DocumentReport) {
        path = document.path
        metadata = document.disclosure?.metadata
        checklistTitle = document.profile?.checklistTitle
        error = document.error
        entries = ChecklistBuilder.entries(for: document)
    }
}

/// Writes filled inspection checklists as an XLSX workbook, one sheet per document, in the layout of
/// the district's form (title, 部门名称, 公开网址, then 检查内容 / 符合要求 / 问题).
public enum ChecklistWorkbookWriter {
    /// The workbook bytes.
    public static func workbook(_ report: CheckReport) throws -> Data {
        try workbook(report.documents.map(ChecklistDocument.init))
    }

    /// The workbook bytes for documents already reduced to their checklists.
    public static func workbook(_ documents: [ChecklistDocument]) throws -> Data {
        var writer = XLSXWriter()
        var usedNames = Set<String>()
        for document in documents {
            let base = document.metadata?.unitName ?? ((document.path as NSString).lastPathComponent as NSString).deletingPathExtension
            writer.add(sheet(for: document, name: SheetNames.unique(base, fallback: "检查表", used: &usedNames)))
        }
        if documents.isEmpty {
            writer.add(XLSXSheetBuilder(name: "检查表"))
        }
        return try writer.data()
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
        if let error = document.error {
            sheet.set(row: 6, column: 1, .text("无法读取：\(error.message)"), style: cell)
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
