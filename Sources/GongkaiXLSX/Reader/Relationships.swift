import Foundation

/// One `<Relationship>` of a `.rels` part.
struct Relationship {
    /// The id other parts refer to, such as `rId3`.
    let id: String
    /// The relationship type URI.
    let type: String
    /// The target as written, relative to the source part unless it starts with `/`.
    let target: String
    /// Whether the target lies outside the package (a web link, for instance).
    let isExternal: Bool

    /// Whether the type ends in `/kind`, which covers both the transitional and the strict
    /// namespaces (`…/2006/relationships/worksheet`, `…/ooxml/officeDocument/relationships/worksheet`).
    func isOfKind(_ kind: String) -> Bool {
        type.hasSuffix("/" + kind)
    }
}

/// Collects the relationships of a `.rels` part.
final class RelationshipsHandler: XMLContentHandler {
    private(set) var relationships: [Relationship] = []

    /// The relationships in `data`, the bytes of `part`.
    static func parse(_ data: Data, part: String) throws -> [Relationship] {
        let handler = RelationshipsHandler()
        try XMLPartParser.parse(data, part: part, sheet: nil, into: handler)
        return handler.relationships
    }

    func startElement(_ name: String, attributes: XMLAttributes) {
        guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        relationships.append(Relationship(id: id, type: attributes["Type"] ?? "", target: target,
                                          isExternal: attributes["TargetMode"] == "External"))
    }

    func endElement(_ name: String) {}

    func characters(_ text: String) {}
}
