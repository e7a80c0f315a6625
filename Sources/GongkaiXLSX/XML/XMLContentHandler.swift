/// Receives the events of one XML part with namespace prefixes already removed from element names.
///
/// Handlers throw `XMLContentIssue` for content SpreadsheetML does not allow; the parser adds the
/// part, sheet and line and turns it into an `XLSXError`.
protocol XMLContentHandler: AnyObject {
    /// An element starts.
    func startElement(_ name: String, attributes: XMLAttributes) throws(XMLContentIssue)
    /// An element ends.
    func endElement(_ name: String) throws(XMLContentIssue)
    /// Character data, possibly one of several pieces of the same text node.
    func characters(_ text: String)
}

/// Something a handler found wrong in otherwise well-formed XML.
struct XMLContentIssue: Error {
    /// `.malformedXML` for bad content, `.limitExceeded` for a passed limit.
    let kind: XLSXError.Kind
    /// What is wrong, in Chinese.
    let detail: String

    /// Content SpreadsheetML does not allow.
    static func invalid(_ detail: String) -> XMLContentIssue {
        XMLContentIssue(kind: .malformedXML, detail: detail)
    }
}

/// At most 40 characters of text taken from the file, for quoting it in an error message without
/// flooding the message when the file is damaged.
func snippet(_ text: String) -> String {
    text.count <= 40 ? text : String(text.prefix(40)) + "…"
}
