/// A minimal RFC 4180 CSV reader for the catalog files (quoted fields, doubled quotes, CRLF).
public struct CSVTable: Sendable {
    /// The header fields.
    public let header: [String]
    /// The data rows, each with its 1-based line number in the file.
    public let rows: [(line: Int, fields: [String])]

    /// Parses `text`. The first non-empty line is the header.
    public init(parsing text: String) {
        var records: [(Int, [String])] = []
        var field = String.UnicodeScalarView()
        var fields: [String] = []
        var quoted = false
        var line = 1
        var recordLine = 1
        var scalars = text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar? = scalars.next()
        if pending == "\u{FEFF}" { pending = scalars.next() }
        func endRecord() {
            fields.append(String(field))
            field = String.UnicodeScalarView()
            if !(fields.count == 1 && fields[0].isEmpty) { records.append((recordLine, fields)) }
            fields = []
        }
        while let scalar = pending {
            pending = scalars.next()
            if quoted {
                if scalar == "\"" {
                    if pending == "\"" {
                        field.append("\"")
                        pending = scalars.next()
                    } else {
                        quoted = false
                    }
                } else {
                    if scalar == "\n" { line += 1 }
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case "\"" where field.isEmpty: quoted = true
            case ",":
                fields.append(String(field))
                field = String.UnicodeScalarView()
            case "\r": continue
            case "\n":
                endRecord()
                line += 1
                recordLine = line
            default: field.append(scalar)
            }
        }
        if !field.isEmpty || !fields.isEmpty { endRecord() }
        header = records.first?.1.map { $0.trimmingSpaces() } ?? []
        rows = Array(records.dropFirst()).map { (line: $0.0, fields: $0.1) }
    }

    /// The value of column `name` in `fields`, or nil when the column is absent.
    public func value(_ name: String, in fields: [String]) -> String? {
        guard let index = header.firstIndex(of: name), index < fields.count else { return nil }
        return fields[index].trimmingSpaces()
    }
}
