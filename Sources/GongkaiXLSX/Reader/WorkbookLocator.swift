import Foundation

/// Finds the workbook part through the package relationships (`_rels/.rels`), falling back to the
/// conventional `xl/workbook.xml` when the package does not say.
enum WorkbookLocator {
    /// The conventional name of the workbook part.
    static let conventionalPart = "xl/workbook.xml"

    /// The name of the workbook part.
    static func workbookPart(in package: inout ZipPackage) throws -> String {
        let packageRelationships = PartPaths.relationshipsPart(for: "")
        guard !package.contains(conventionalPart),
              let data = try package.data(of: packageRelationships)
        else { return conventionalPart }
        let officeDocument = try RelationshipsHandler.parse(data, part: packageRelationships)
            .first { $0.isOfKind("officeDocument") && !$0.isExternal }
        return officeDocument.flatMap { PartPaths.resolve(target: $0.target, from: "") } ?? conventionalPart
    }
}
