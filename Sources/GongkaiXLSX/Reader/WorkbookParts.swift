import Foundation

/// The parts the workbook's relationships point to.
struct WorkbookParts {
    /// The shared strings part, when the workbook has one.
    let sharedStrings: String?
    /// The styles part, when the workbook has one.
    let styles: String?
    private let relationshipsByID: [String: Relationship]
    private let relationshipsPart: String

    /// Resolves the relationships of `workbookPart`.
    init(relationships: [Relationship], workbookPart: String) {
        func target(ofKind kind: String) -> String? {
            relationships.first { $0.isOfKind(kind) && !$0.isExternal }
                .flatMap { PartPaths.resolve(target: $0.target, from: workbookPart) }
        }
        sharedStrings = target(ofKind: "sharedStrings")
        styles = target(ofKind: "styles")
        relationshipsByID = Dictionary(relationships.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        relationshipsPart = PartPaths.relationshipsPart(for: workbookPart)
    }

    /// The worksheet part of a listed sheet, or nil for a chart sheet, dialog sheet or macro sheet,
    /// which hold no cells to read.
    func worksheetPart(for listing: SheetListing, workbookPart: String) throws -> String? {
        guard let relationship = relationshipsByID[listing.relationshipID] else {
            throw XLSXError.missingPart(relationshipsPart, sheet: listing.name,
                                        "工作表「\(listing.name)」的关系 \(listing.relationshipID) 没有记录，文件可能已损坏")
        }
        guard relationship.isOfKind("worksheet"), !relationship.isExternal else { return nil }
        guard let part = PartPaths.resolve(target: relationship.target, from: workbookPart) else {
            throw XLSXError.missingPart(relationship.target, sheet: listing.name,
                                        "工作表「\(listing.name)」指向的位置无效，文件可能已损坏")
        }
        return part
    }
}
