import GongkaiCore

/// Text that readers cannot see: lost glyphs (private-use, replacement or radical characters from a
/// broken font), or text clipped at a page break (the same passage printed at the bottom of one page
/// and the top of the next).
public struct TextNotDisplayableRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "text-not-displayable",
        title: "文字无法正常显示",
        category: .presentation,
        severity: .error,
        rationale: "字体缺失时文字会变成私用区字符、替换符“�”或部首字符，读者看到乱码或空白；从表格软件导出的 PDF 中，跨页单元格的文字会被截断，同一段文字出现在两页上且都显示不全。",
        triggering: [
            RuleExample("""
            ## 部门主要职能
            （一）贯彻执行国家有关↓\u{E000}\u{E001}行政工作的法律、法规和政策，制定本区年度预算计划。
            """),
        ],
        nonTriggering: [
            RuleExample("""
            ## 部门主要职能
            （一）贯彻执行国家有关司法行政工作的法律、法规和政策，制定本区年度预算计划。
            """),
        ])

    static func isLostGlyph(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xE000...0xF8FF, 0xFFFD, 0x2F00...0x2FDF, 0x2E80...0x2EFF, 0xF0000...0x10FFFF: true
        default: false
        }
    }

    public func check(_ context: CheckContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for paragraph in context.disclosure.narrative {
            guard let offset = paragraph.text.unicodeScalars.firstIndex(where: Self.isLostGlyph) else { continue }
            let position = paragraph.text.unicodeScalars.distance(from: paragraph.text.unicodeScalars.startIndex, to: offset)
            let count = paragraph.text.unicodeScalars.filter(Self.isLostGlyph).count
            result.append(diagnostic("文字中有 \(count) 个无法正常显示的字符（字体缺失或编码错误）", at: paragraph.location(at: position),
                                     found: "\(count) 个乱码字符", expected: "正常汉字", section: paragraph.effectiveSection))
        }
        for (index, table) in context.disclosure.tables.enumerated() {
            for row in table.rows where row.name.unicodeScalars.contains(where: Self.isLostGlyph) {
                result.append(diagnostic("《\(table.title)》“\(row.name)”中有无法正常显示的字符", at: row.location, table: context.ref(index),
                                         code: row.code?.digits, found: row.name, expected: "正常汉字"))
            }
        }
        result += clippedAcrossPages(context)
        return result
    }

    /// Lines that end one page and begin the next: the cell holding them was cut at the page break,
    /// and each page shows only part of it. Only prose lines count (a date or a table header repeats
    /// legitimately).
    private func clippedAcrossPages(_ context: CheckContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        let pages = context.disclosure.pages
        for (previous, next) in zip(pages, pages.dropFirst()) {
            let tail = previous.lines.filter { !$0.unicodeScalars.allSatisfy { ChineseText.isDigit($0) || $0 == "-" || $0 == " " } }
            // The repeated block is a suffix of one page and a prefix of the next.
            var length = 0
            for candidate in stride(from: min(tail.count, next.lines.count, 40), through: 2, by: -1)
            where tail.suffix(candidate).elementsEqual(next.lines.prefix(candidate)) {
                length = candidate
                break
            }
            let block = Array(tail.suffix(length))
            let prose = block.filter { line in line.unicodeScalars.count >= 10 && line.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) } }
            guard length >= 2, prose.count >= 2, let first = prose.first else { continue }
            let paragraph = context.disclosure.narrative.first { $0.text.contains(first) }
            let location = paragraph.flatMap { paragraph in
                paragraph.text.range(of: first).flatMap { paragraph.location(at: paragraph.text.unicodeScalars[..<$0.lowerBound].count) }
            }
            result.append(diagnostic(
                "第\(previous.number)页底部与第\(next.number)页顶部重复出现同样的 \(length) 行文字（“\(String(first.prefix(20)))……”），说明单元格跨页时文字被截断，部分文字未正常显示",
                at: location ?? previous.location, found: "重复 \(length) 行", expected: "文字完整显示在一页内或正确分页",
                section: paragraph?.effectiveSection, severity: .warning))
        }
        return result
    }
}
