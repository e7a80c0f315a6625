/// Fixed text shared by the parts the writer produces.
enum XMLHeader {
    /// The XML declaration every part starts with.
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    /// The SpreadsheetML main namespace.
    static let spreadsheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    /// The namespace of relationship ids inside parts (`r:id`).
    static let relationshipsNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
}

/// Formatting of the writer's own measurements (widths, heights, font sizes).
enum XMLNumber {
    /// `15` for 15.0, `10.5` for 10.5.
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
