/// Characters that take no room on the page but break reading: zero-width spaces and joiners, word
/// joiners, stray byte-order marks, text-direction controls, NUL and other control characters. Inside a number
/// (`1\u{200B}68.52`) they make it text; a NUL at the end of a line makes the line unreadable. The
/// readers remove them before interpreting a document and record what they removed, which the
/// `invisible-characters` rule reports.
public enum InvisibleCharacters {
    /// Whether `scalar` is removed. Tab, line feed and carriage return are layout and stay.
    public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F: true
        case 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: true
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// The Chinese name of an invisible character, for messages.
    public static func name(of scalar: Unicode.Scalar) -> String {
        switch scalar.value {
        case 0x00: "空字符 NUL"
        case 0x200B: "零宽空格"
        case 0x200C, 0x200D: "零宽连接符"
        case 0x2060: "零宽不换行符"
        case 0xFEFF: "字节顺序标记 BOM"
        case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: "文字方向控制符"
        default: "控制字符"
        }
    }

    /// `text` without its invisible characters, and the characters removed.
    public static func removing(from text: String) -> (text: String, removed: [Unicode.Scalar]) {
        guard text.unicodeScalars.contains(where: isInvisible) else { return (text, []) }
        var kept = String.UnicodeScalarView()
        var removed: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if isInvisible(scalar) { removed.append(scalar) } else { kept.append(scalar) }
        }
        return (String(kept), removed)
    }
}

/// What the reader removed from a document before reading it.
public struct RemovedCharacters: Sendable, Hashable {
    /// How many of each kind, by Chinese name.
    public var counts: [String: Int] = [:]
    /// Where the first one was.
    public var firstLocation: SourceLocation?

    /// Nothing removed yet.
    public init() {}

    /// The total removed.
    public var total: Int { counts.values.reduce(0, +) }

    /// Records `removed` characters found at `location`.
    public mutating func record(_ removed: [Unicode.Scalar], at location: SourceLocation) {
        guard !removed.isEmpty else { return }
        if firstLocation == nil { firstLocation = location }
        for scalar in removed { counts[InvisibleCharacters.name(of: scalar), default: 0] += 1 }
    }
}
