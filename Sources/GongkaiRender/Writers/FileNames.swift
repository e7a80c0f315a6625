import Foundation

/// File names made from Chinese titles.
public enum FileNames {
    /// The longest base name, in UTF-8 bytes: file systems allow 255 per name, and the longest
    /// suffix added is `.xlsx`.
    public static let maxBaseBytes = 200

    /// `name` without characters that are unsafe in file names (separators, control characters, a
    /// leading dot that would hide the file).
    public static func safe(_ name: String) -> String {
        let replaced = String(name.map { "/\\:*?\"<>|".contains($0) || $0.isNewline || $0.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } ? "_" : $0 })
        return String(replaced.trimmingCharacters(in: .whitespaces).drop { $0 == "." })
    }

    /// The base name of a package's files: `石柱土家族自治县老干部活动中心2023年单位预算`; a unit name
    /// too long for a file name is shortened (at a character boundary) so that the name fits.
    public static func base(for document: RenderedDocument) -> String {
        let suffix = "\(document.year)年\(document.level.chineseName)\(document.kind.chineseName)"
        var unit = ""
        for character in safe(document.unitName) {
            guard unit.utf8.count + character.utf8.count + suffix.utf8.count <= maxBaseBytes else { break }
            unit.append(character)
        }
        return safe(unit + suffix)
    }
}
