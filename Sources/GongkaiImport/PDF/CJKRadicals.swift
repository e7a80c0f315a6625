import Foundation

/// Radical code points that CJK fonts map some glyphs to (⽯ U+2F6F for 石, ⺠ U+2EA0 for 民): MuPDF
/// reports them as the font says, a reader sees the ideograph. Kangxi radicals have a compatibility
/// mapping to the ideograph; the supplement's simplified forms are listed.
enum CJKRadicals {
    /// `text` with every radical replaced by its ideograph.
    static func unified(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { (0x2E80...0x2FDF).contains($0.value) }) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (0x2F00...0x2FD5).contains(scalar.value) {
                result.append(contentsOf: String(scalar).precomposedStringWithCompatibilityMapping.unicodeScalars)
            } else if let ideograph = supplement[scalar.value].flatMap(Unicode.Scalar.init) {
                result.append(ideograph)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// CJK Radicals Supplement forms and the ideographs they stand for.
    static let supplement: [UInt32: UInt32] = [
        0x2E81: 0x5382, 0x2E87: 0x51E0, 0x2E8C: 0x5C0F, 0x2E95: 0x5F50, 0x2E97: 0x5FC3, 0x2E99: 0x6535, 0x2EA0: 0x6C11,
        0x2EA4: 0x722B, 0x2EA9: 0x738B, 0x2EAB: 0x76EE, 0x2EAE: 0x7AF9, 0x2EB2: 0x7F52, 0x2EB6: 0x7F8A, 0x2EBA: 0x8080,
        0x2EBB: 0x807F, 0x2EBC: 0x6708, 0x2EC1: 0x864E, 0x2EC4: 0x897F, 0x2EC5: 0x89C1, 0x2EC6: 0x89D2, 0x2EC9: 0x8D1D,
        0x2ECA: 0x8DB3, 0x2ECB: 0x8F66, 0x2ECC: 0x8FB6, 0x2ECD: 0x8FB6, 0x2ECF: 0x961D, 0x2ED1: 0x9577, 0x2ED3: 0x957F,
        0x2ED4: 0x95E8, 0x2ED6: 0x961D, 0x2ED8: 0x9752, 0x2ED9: 0x97E6, 0x2EDA: 0x9875, 0x2EDB: 0x98CE, 0x2EDC: 0x98DE,
        0x2EDD: 0x98DF, 0x2EE2: 0x9A6C, 0x2EE3: 0x9AA8, 0x2EE4: 0x9B3C, 0x2EE5: 0x9C7C, 0x2EE6: 0x9E1F, 0x2EE8: 0x9EA6,
        0x2EE9: 0x9EC4, 0x2EEC: 0x9F50, 0x2EEE: 0x9F7F, 0x2EF0: 0x9F99, 0x2EF3: 0x9F9F,
    ]
}
