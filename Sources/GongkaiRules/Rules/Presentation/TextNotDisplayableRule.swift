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

    /// Lines at the bottom of a page repeated at the top of the next one: the cell was cut at the page break.
    private func clippedAcrossPages(_ context: CheckContext) -> [Diagnostic] {
        var result: [Diagnostic] = []
        let pages = context.disclosure.pages
        for (previous, next) in zip(pages, pages.dropFirst()) {
            // The repeated block must end the page: a table header printed on two pages is not a cut.
            let content = previous.lines.filter { !$0.unicodeScalars.allSatisfy { ChineseText.isDigit($0) || $0 == "-" || $0 == " " } }
            let head = Set(next.lines.prefix(30))
            guard let last = content.last, head.contains(last) else { continue }
            let repeated = content.suffix(30).filter { $0.unicodeScalars.count >= 12 && head.contains($0) }
            guard repeated.count >= 2, let first = repeated.first else { continue }
            let section = context.disclosure.narrative.first { $0.text.contains(first) }?.effectiveSection
            let location = context.disclosure.narrative.first { $0.text.contains(first) }.flatMap { paragraph in
                paragraph.text.range(of: first).flatMap { paragraph.location(at: paragraph.text.unicodeScalars[..<$0.lowerBound].count) }
            }
            let excerpt = String(first.prefix(20))
            result.append(diagnostic(
                "第\(previous.number)页底部与第\(next.number)页顶部重复出现同样的 \(repeated.count) 行文字（“\(excerpt)……”），说明单元格跨页时文字被截断，部分文字未正常显示",
                at: location ?? previous.location, found: "重复 \(repeated.count) 行",
                expected: "文字完整显示在一页内或正确分页", section: section, severity: .warning))
        }
        return result
    }
}
