import Foundation

/// Reads `.xlsx` workbooks (SpreadsheetML). Any input either yields a workbook or throws an
/// `XLSXError`; damaged, truncated or hostile files never crash or hang the reader.
public enum XLSXReader {
    /// Reads a workbook from the bytes of an `.xlsx` file.
    public static func read(data: Data, limits: XLSXLimits = .default) throws -> XLSXWorkbook {
        var package = try ZipPackage(data: data, limits: limits)
        let workbookPart = try WorkbookLocator.workbookPart(in: &package)
        guard let workbookData = try package.data(of: workbookPart) else {
            throw XLSXError.missingPart(workbookPart, "这不是有效的 XLSX 文件（可能已损坏或只是改了扩展名）")
        }
        let listings = try WorkbookHandler.parse(workbookData, part: workbookPart)
        guard !listings.isEmpty else {
            throw XLSXError(kind: .noWorksheets, message: "工作簿（\(workbookPart)）中没有列出任何工作表", part: workbookPart)
        }
        let relationshipsPart = PartPaths.relationshipsPart(for: workbookPart)
        guard let relationshipsData = try package.data(of: relationshipsPart) else {
            throw XLSXError.missingPart(relationshipsPart, "无法找到各工作表的内容，文件可能已损坏")
        }
        let relationships = try RelationshipsHandler.parse(relationshipsData, part: relationshipsPart)
        let parts = WorkbookParts(relationships: relationships, workbookPart: workbookPart)
        let sharedStrings = try parts.sharedStrings.map { try readSharedStrings($0, from: &package) } ?? []
        let numberFormats = try parts.styles.map { try readStyles($0, from: &package) } ?? NumberFormatTable()

        var remainingCells = limits.maxCells
        var sheets: [XLSXSheet] = []
        for listing in listings {
            guard let sheetPart = try parts.worksheetPart(for: listing, workbookPart: workbookPart) else { continue }
            guard package.contains(sheetPart) else {
                throw XLSXError.missingPart(sheetPart, sheet: listing.name, "工作表「\(listing.name)」的内容丢失，文件可能已损坏")
            }
            let handler = WorksheetHandler(sharedStrings: sharedStrings, numberFormats: numberFormats,
                                           remainingCells: remainingCells, cellLimit: limits.maxCells)
            // A sheet is parsed as it is inflated, never held whole: its cells are what it costs.
            try XMLPartParser.parse(part: sheetPart, sheet: listing.name, into: handler) { deliver in
                _ = try package.stream(of: sheetPart, deliver)
            }
            remainingCells = handler.remainingCells
            sheets.append(XLSXSheet(name: listing.name, cells: handler.sortedCells(), mergedRanges: handler.mergedRanges))
        }
        guard !sheets.isEmpty else {
            throw XLSXError(kind: .noWorksheets, message: "工作簿中没有可读取的工作表（只有图表工作表或对话框工作表）",
                            part: workbookPart)
        }
        return XLSXWorkbook(sheets: sheets)
    }

    /// Reads a workbook from an `.xlsx` file on disk.
    public static func read(contentsOf url: URL, limits: XLSXLimits = .default) throws -> XLSXWorkbook {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw XLSXError(kind: .notAZipArchive, message: "无法读取文件 \(url.path)：文件不存在，或没有读取权限")
        }
        return try read(data: data, limits: limits)
    }

    private static func readSharedStrings(_ part: String, from package: inout ZipPackage) throws -> [String] {
        guard let data = try package.data(of: part) else { return [] }
        return try SharedStringsHandler.parse(data, part: part)
    }

    private static func readStyles(_ part: String, from package: inout ZipPackage) throws -> NumberFormatTable {
        guard let data = try package.data(of: part) else { return NumberFormatTable() }
        return try StylesHandler.parse(data, part: part)
    }
}
