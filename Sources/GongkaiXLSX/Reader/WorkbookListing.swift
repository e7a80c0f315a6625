import Foundation

/// A sheet as `xl/workbook.xml` lists it.
struct SheetListing {
    /// The name on the tab.
    let name: String
    /// The relationship id (`r:id`) that leads to the sheet's part.
    let relationshipID: String
}

/// Collects the `<sheet>` entries of `<sheets>` in `xl/workbook.xml`, in tab order.
final class WorkbookHandler: XMLContentHandler {
    private(set) var sheets: [SheetListing] = []
    private var insideSheets = false

    /// The sheets listed in `data`, the bytes of the workbook part.
    static func parse(_ data: Data, part: String) throws -> [SheetListing] {
        let handler = WorkbookHandler()
        try XMLPartParser.parse(data, part: part, sheet: nil, into: handler)
        return handler.sheets
    }

    func startElement(_ name: String, attributes: XMLAttributes) throws(XMLContentIssue) {
        switch name {
        case "sheets":
            insideSheets = true
        case "sheet" where insideSheets:
            let position = sheets.count + 1
            guard let sheetName = attributes["name"] else { throw .invalid("第 \(position) 个工作表没有名称") }
            guard let relationshipID = attributes.prefixed("id") else {
                throw .invalid("工作表「\(sheetName)」缺少指向其内容的 r:id")
            }
            sheets.append(SheetListing(name: sheetName, relationshipID: relationshipID))
        default:
            break
        }
    }

    func endElement(_ name: String) {
        if name == "sheets" { insideSheets = false }
    }

    func characters(_ text: String) {}
}
