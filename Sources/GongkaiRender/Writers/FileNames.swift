import Foundation

/// File names made from Chinese titles.
public enum FileNames {
    /// `name` without characters that are unsafe in file names.
    public static func safe(_ name: String) -> String {
        String(name.map { "/\\:*?\"<>|".contains($0) || $0.isNewline ? "_" : $0 }).trimmingCharacters(in: .whitespaces)
    }

    /// The base name of a package's files: `石柱土家族自治县老干部活动中心2023年单位预算`.
    public static func base(for document: RenderedDocument) -> String {
        safe("\(document.unitName)\(document.year)年\(document.level.chineseName)\(document.kind.chineseName)")
    }
}
