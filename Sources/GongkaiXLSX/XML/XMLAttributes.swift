/// The attributes of one element, keyed by their names as written (`r`, `r:id`).
struct XMLAttributes {
    private let values: [String: String]

    /// Wraps the parser's dictionary.
    init(_ values: [String: String]) {
        self.values = values
    }

    /// The value of an attribute without a namespace prefix, such as `r` or `t`.
    subscript(_ name: String) -> String? {
        values[name]
    }

    /// The value of a prefixed attribute by its local name, whatever prefix the file chose
    /// (`r:id` is usually, but not necessarily, spelled with `r`).
    func prefixed(_ localName: String) -> String? {
        let suffix = ":" + localName
        return values.first { key, _ in key.hasSuffix(suffix) && !key.hasPrefix("xmlns:") }?.value
    }
}
