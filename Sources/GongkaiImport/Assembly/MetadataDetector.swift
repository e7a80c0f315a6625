import GongkaiCore

/// Finds whose document it is, for which year, budget or final accounts, unit or department.
enum MetadataDetector {
    static func detect(lines: [LayoutLine], header: [String: String], tables: [DisclosureTable]) -> DisclosureMetadata {
        var metadata = DisclosureMetadata()
        // The title: the first heading-styled line that names a year and 预算/决算, else the first such line.
        let early = lines.prefix(80).filter { !$0.isBlank }
        let candidates = early.filter { line in
            let text = line.normalizedText
            return (text.contains("预算") || text.contains("决算")) && year(in: text) != nil && !TableKindClassifier.isTitle(text)
                && text.unicodeScalars.count <= 60
        }
        let titleLine = candidates.first { $0.style.headingLevel != nil } ?? candidates.first
        if let (text, location) = coverTitle(early) ?? titleLine.map({ ($0.normalizedText, $0.location) }) {
            metadata.title = text
            metadata.titleLocation = location
            metadata.year = year(in: text)
            metadata.kind = text.contains("决算") ? .finalAccounts : .budget
            if text.contains("单位预算") || text.contains("单位决算") { metadata.level = .unit }
            if text.contains("部门预算") || text.contains("部门决算") { metadata.level = .department }
            metadata.unitName = nameBeforeYear(text) ?? nameAfterYear(text)
            // A year on a line of its own under the unit name (示例市XX局 / 2024年度部门决算).
            if metadata.unitName == nil, let index = early.firstIndex(where: { $0.location == location }), index > 0 {
                let previous = early[index - 1].normalizedText
                if previous.unicodeScalars.count <= 30, !previous.contains("："), !isHeadingOfAList(previous) { metadata.unitName = previous }
            }
        }
        // A labelled line names the body; a 主管部门 line after a 预算单位 line names the unit's department.
        var labelledName = false
        for line in early {
            let text = ChineseText.removingSpaces(line.text)
            for (label, level) in [("预算主管部门", DocumentLevel.department), ("预算单位", .unit), ("部门名称", .department),
                                   ("单位名称", .unit), ("决算单位", .unit), ("主管部门", .department)] {
                // The label with a colon, or — when nothing else names the body — in a cell of its own with the
                // name in the only other (部门名称 | 示例市XX局; a heading row 单位名称 | 经费性质 | … names no one).
                let inCells = metadata.unitName == nil && line.cells.count == 2 && ChineseText.removingSpaces(line.cells[0].text) == label
                guard inCells || text.hasPrefix(label + "：") || text.hasPrefix(label + ":") else { continue }
                // "单位名称：示例市XX局 单位：万元": the money unit printed on the same line is not part of the name.
                var name = inCells ? ChineseText.removingSpaces(line.cells[1].text) : String(text.dropFirst(label.count + 1))
                for unitLabel in ["金额单位", "单位：", "单位:"] {
                    if let range = name.range(of: unitLabel), range.lowerBound > name.startIndex { name = String(name[..<range.lowerBound]) }
                }
                guard !name.isEmpty else { break }
                if labelledName, label == "主管部门" {
                    metadata.parentDepartment = metadata.parentDepartment ?? name
                } else if !labelledName {
                    metadata.unitName = name
                    metadata.level = metadata.level ?? level
                    labelledName = true
                }
                break
            }
        }
        if metadata.unitName == nil {
            metadata.unitName = tables.compactMap(\.preparer).first.map(stripCodePrefix)
        }
        // An excerpt's header states its unit, year and kind explicitly: it wins over guesses from the text.
        if let unit = header["unit"], !unit.isEmpty { metadata.unitName = unit }
        metadata.isExcerpt = header["completeness"]?.uppercased().contains("EXCERPT") == true
        if let text = header["year"], let year = Int(text) { metadata.year = metadata.year ?? year }
        if let kind = header["kind"] { metadata.kind = metadata.kind ?? DocumentKind(rawValue: kind) }
        if metadata.kind == nil, tables.contains(where: \.isFinalAccounts) { metadata.kind = .finalAccounts }
        metadata.year = metadata.year ?? tables.lazy.compactMap { year(in: $0.title) }.first
        metadata.kind = metadata.kind ?? (tables.isEmpty ? nil : .budget)
        for line in lines.prefix(400) {
            let text = line.normalizedText
            if let range = text.range(of: "本单位属于"), let end = text[range.upperBound...].range(of: "下") {
                metadata.parentDepartment = String(text[range.upperBound..<end.lowerBound])
                metadata.level = metadata.level ?? .unit
                break
            }
        }
        if let name = metadata.unitName { metadata.unitName = stripCodePrefix(name) }
        return metadata
    }

    /// The title printed over the first lines of a PDF's first page, before its 目录 or first numbered
    /// heading ("2026年" / "广州市XX局部门预算"; "2026 年深圳市XX局部门预" / "算"), when those lines together
    /// name a year and 预算 or 决算; nil when the first line alone already does (it is the title) or none do.
    private static func coverTitle(_ lines: [LayoutLine]) -> (String, SourceLocation)? {
        guard let first = lines.first, first.location.page != nil else { return nil }
        var parts: [String] = []
        for line in lines.prefix(4) where line.location.page == first.location.page {
            let text = line.normalizedText
            if LineReading.isContentsHeader(text) || isHeadingOfAList(text) || text.unicodeScalars.count > 40 { break }
            parts.append(ChineseText.removingSpaces(text))
            let joined = parts.joined()
            if year(in: joined) != nil, joined.contains("预算") || joined.contains("决算") {
                return parts.count > 1 ? (joined, first.location) : nil
            }
        }
        return nil
    }

    /// A numbered heading or part heading (三、部门预算构成, 第一部分), which names no unit.
    private static func isHeadingOfAList(_ text: String) -> Bool {
        let key = ChineseText.removingSpaces(text)
        return OrdinalParser.parse(key) != nil || (key.hasPrefix("第") && key.prefix(6).contains("部分"))
    }

    /// `2026年深圳市XX局（本级）部门预算` → `深圳市XX局（本级）`: the name between the year and the kind of budget.
    private static func nameAfterYear(_ text: String) -> String? {
        guard let mention = MentionScanner.scan(text).first(where: { if case .year = $0.kind { true } else { false } }) else { return nil }
        guard OrdinalParser.parse(text) == nil else { return nil }
        let rest = String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(mention.range.upperBound))).trimmingSpaces()
        for kind in ["部门预算", "单位预算", "部门决算", "单位决算", "预算", "决算"] {
            guard let range = rest.range(of: kind) else { continue }
            let name = String(rest[..<range.lowerBound]).trimmingSpaces()
            // "2026年示例市示例区部门预算" names the district, not the unit.
            if name.hasSuffix("区") || name.hasSuffix("县") || name.hasSuffix("市"), name.unicodeScalars.count <= 8 { return nil }
            return name.unicodeScalars.count >= 4 ? name : nil
        }
        return nil
    }

    /// The first year (1990–2100) written with 年 in `text`.
    static func year(in text: String) -> Int? {
        MentionScanner.years(in: text).first?.year
    }

    /// `示例自治县老干部活动中心2023年单位预算情况说明` → `示例自治县老干部活动中心`.
    private static func nameBeforeYear(_ text: String) -> String? {
        guard let mention = MentionScanner.scan(text).first(where: { if case .year = $0.kind { true } else { false } }) else { return nil }
        var prefix = String(String.UnicodeScalarView(text.unicodeScalars.prefix(mention.range.lowerBound))).trimmingSpaces()
        // "第三部分 示例市XX局2024年度部门决算情况说明": the part number is not part of the name.
        if prefix.hasPrefix("第"), let part = prefix.range(of: "部分"), prefix.distance(from: prefix.startIndex, to: part.lowerBound) <= 4 {
            prefix = String(prefix[part.upperBound...]).trimmingSpaces()
        }
        // "示例市XX局部门 2026 年度部门预算": the word for the level is not part of the name.
        for level in ["部门", "单位"] where prefix.hasSuffix(level) && prefix.unicodeScalars.count >= level.unicodeScalars.count + 4 {
            prefix.removeLast(level.count)
        }
        guard prefix.unicodeScalars.count >= 4 else { return nil }
        // "示例市示例区2026年区级部门预算" names the district, not the unit.
        if prefix.hasSuffix("区") || prefix.hasSuffix("县") || prefix.hasSuffix("市"), prefix.unicodeScalars.count <= 8 { return nil }
        return prefix
    }

    /// `005-中共示例自治县委组织部` → `中共示例自治县委组织部`.
    static func stripCodePrefix(_ name: String) -> String {
        let scalars = name.unicodeScalars
        let digits = scalars.prefix { ("0"..."9").contains($0) }.count
        guard digits > 0, digits < scalars.count else { return name }
        let rest = scalars.dropFirst(digits)
        guard let separator = rest.first, separator == "-" || separator == "－" || separator == " " else { return name }
        return String(String.UnicodeScalarView(rest.dropFirst()))
    }
}
