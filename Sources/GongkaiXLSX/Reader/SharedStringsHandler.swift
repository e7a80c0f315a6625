import Foundation

/// Collects the strings of `xl/sharedStrings.xml`: each `<si>` is the concatenation of its `<t>`
/// texts (plain or in rich-text runs), leaving out the phonetic guides in `<rPh>`.
final class SharedStringsHandler: XMLContentHandler {
    private(set) var strings: [String] = []
    private var currentItem: String?
    private var phoneticDepth = 0
    private var insideText = false

    /// The shared strings in `data`, the bytes of `part`.
    static func parse(_ data: Data, part: String) throws -> [String] {
        let handler = SharedStringsHandler()
        try XMLPartParser.parse(data, part: part, sheet: nil, into: handler)
        return handler.strings
    }

    func startElement(_ name: String, attributes: XMLAttributes) {
        switch name {
        case "si":
            currentItem = ""
            phoneticDepth = 0
        case "rPh":
            phoneticDepth += 1
        case "t":
            insideText = currentItem != nil && phoneticDepth == 0
        default:
            break
        }
    }

    func endElement(_ name: String) {
        switch name {
        case "si":
            if let currentItem { strings.append(OOXMLCharacterEscapes.decode(currentItem)) }
            currentItem = nil
        case "rPh":
            phoneticDepth = max(0, phoneticDepth - 1)
        case "t":
            insideText = false
        default:
            break
        }
    }

    func characters(_ text: String) {
        if insideText { currentItem?.append(text) }
    }
}
