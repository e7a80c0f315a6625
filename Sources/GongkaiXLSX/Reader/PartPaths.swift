import Foundation

/// Part-name arithmetic of the Open Packaging Conventions that an XLSX file is built on.
enum PartPaths {
    /// The relationships part that belongs to `part`: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`;
    /// the package itself (`""`) → `_rels/.rels`.
    static func relationshipsPart(for part: String) -> String {
        let (directory, name) = split(part)
        return (directory.isEmpty ? "" : directory + "/") + "_rels/" + name + ".rels"
    }

    /// The part a relationship target points to, resolved against the part that holds the
    /// relationship: `worksheets/sheet1.xml` from `xl/workbook.xml` → `xl/worksheets/sheet1.xml`,
    /// `/xl/worksheets/sheet1.xml` stays absolute. Nil when the target climbs above the package root.
    static func resolve(target: String, from sourcePart: String) -> String? {
        let decoded = target.removingPercentEncoding ?? target
        let normalized = decoded.replacingOccurrences(of: "\\", with: "/")
        var segments: [Substring] = []
        if !normalized.hasPrefix("/") {
            segments = split(sourcePart).directory.split(separator: "/")
        }
        for segment in normalized.split(separator: "/") {
            switch segment {
            case ".": continue
            case "..":
                guard !segments.isEmpty else { return nil }
                segments.removeLast()
            default: segments.append(segment)
            }
        }
        guard !segments.isEmpty else { return nil }
        return segments.joined(separator: "/")
    }

    private static func split(_ part: String) -> (directory: String, name: String) {
        guard let slash = part.lastIndex(of: "/") else { return ("", part) }
        return (String(part[..<slash]), String(part[part.index(after: slash)...]))
    }
}
