import GongkaiCore

/// A year that contradicts the document's year: a comparison with the same or a later year, a table
/// titled for another year, a budget arranged for another year.
public struct YearInconsistentRule: Rule {
    public init() {}

    public let description = RuleDescription(
        id: "year-inconsistent",
        title: "年度前后不一致",
        category: .yearOnYear,
        severity: .error,
        rationale: "2026 年预算应与 2025 年比较，表格标题和各部分标题应为本年度，决算的资产数截至本年 12 月 31 日（预算截至上年末）；“比 2026 年预算增加”出现在 2026 年预算中、标题或资产日期写成上一年，都是沿用旧文件未改的痕迹。",
        triggering: [
            RuleExample("""
            # 示例市示例区2026年区级部门预算
            ## 2026年部门预算编制说明
            2026年，示例市示例区司法局收入预算9628.22万元，其中：财政拨款收入9628.22万元，比↓2026年预算增加793.14万元。
            """),
            RuleExample("""
            # 示例市示例区财政局2024年度部门决算
            ↓## 第三部分 示例市示例区财政局2023年度部门决算情况说明
            示例市示例区财政局2024年度收入支出总计2995.39万元。
            """),
            RuleExample("""
            # 示例市示例区财政局2024年度部门决算
            ## 十、国有资产占有使用情况
            ↓截至2023年12月31日，本部门共有车辆2辆。
            """),
        ],
        nonTriggering: [
            RuleExample("""
            # 示例市示例区2026年区级部门预算
            ## 2026年部门预算编制说明
            2026年，示例市示例区司法局收入预算9628.22万元，其中：财政拨款收入9628.22万元，比2025年预算增加793.14万元。
            """),
            RuleExample("""
            # 示例市示例区2026年区级部门预算
            ## 2025年预算执行情况
            ## 国有资产占有使用情况
            截至2025年12月31日，本部门共有车辆2辆。
            """),
        ])

    public func check(_ context: CheckContext) -> [Diagnostic] {
        guard let year = context.disclosure.metadata.year else { return [] }
        let isBudget = context.disclosure.metadata.kind != .finalAccounts
        var result: [Diagnostic] = []
        for (index, table) in context.disclosure.tables.enumerated() {
            let years = MentionScanner.years(in: ChineseText.removingSpaces(table.title)).map(\.year)
            if let titleYear = years.first, titleYear != year {
                result.append(diagnostic("表题《\(table.title)》的年度为 \(titleYear) 年，而本文件是 \(year) 年\(isBudget ? "预算" : "决算")",
                                         at: table.location, table: context.ref(index), found: "\(titleYear)年", expected: "\(year)年"))
            }
        }
        for entry in context.disclosure.contents {
            if let entryYear = MentionScanner.years(in: entry.title).first?.year, entryYear != year {
                result.append(diagnostic("目录“\(entry.title)”的年度为 \(entryYear) 年，而本文件是 \(year) 年", at: entry.location,
                                         found: "\(entryYear)年", expected: "\(year)年", section: .contents))
            }
        }
        for paragraph in context.disclosure.narrative {
            if paragraph.isHeading {
                result += headingYears(in: paragraph, year: year, isBudget: isBudget)
            } else {
                result += comparisons(in: paragraph, year: year, isBudget: isBudget)
                result += yearEnds(in: paragraph, year: year, isBudget: isBudget)
            }
        }
        return result
    }

    /// A heading naming another year's 预算 or 决算 ("第三部分 …2023年度部门决算情况说明" in a 2024 决算);
    /// a budget's heading on last year's 执行 or 绩效 is not one.
    private func headingYears(in paragraph: NarrativeParagraph, year: Int, isBudget: Bool) -> [Diagnostic] {
        let scalars = Array(paragraph.text.unicodeScalars)
        return paragraph.mentions.compactMap { mention in
            guard case let .year(mentioned) = mention.kind, mentioned != year else { return nil }
            let after = String(String.UnicodeScalarView(scalars[mention.range.upperBound..<min(scalars.count, mention.range.upperBound + 12)]))
            var rest = ChineseText.removingSpaces(after)
            if rest.hasPrefix("度") { rest.removeFirst() }
            let names = ["部门预算", "单位预算", "部门决算", "单位决算", "预算", "决算"]
            guard names.contains(where: rest.hasPrefix), !["执行", "完成", "绩效"].contains(where: rest.contains) else { return nil }
            return diagnostic("标题“\(paragraph.text)”写的是 \(mentioned) 年，而本文件是 \(year) 年\(isBudget ? "预算" : "决算")",
                              at: paragraph.location(at: mention.range.lowerBound), found: "\(mentioned)年", expected: "\(year)年",
                              section: paragraph.effectiveSection)
        }
    }

    /// "截至 YYYY 年12月31日": a 决算 reports its own year's end, a budget the end of the year before.
    private func yearEnds(in paragraph: NarrativeParagraph, year: Int, isBudget: Bool) -> [Diagnostic] {
        let scalars = Array(paragraph.text.unicodeScalars)
        let expected = isBudget ? year - 1 : year
        return paragraph.mentions.compactMap { mention in
            guard case let .year(mentioned) = mention.kind, mentioned != expected, mention.range.lowerBound >= 2 else { return nil }
            let before = String(String.UnicodeScalarView(scalars[max(0, mention.range.lowerBound - 3)..<mention.range.lowerBound]))
            let after = ChineseText.removingSpaces(String(String.UnicodeScalarView(scalars[mention.range.upperBound..<min(scalars.count, mention.range.upperBound + 8)])))
            guard ChineseText.removingSpaces(before).hasSuffix("截至") || ChineseText.removingSpaces(before).hasSuffix("截止"),
                  after.hasPrefix("12月31日") else { return nil }
            return diagnostic("\(year) 年\(isBudget ? "预算" : "决算")写“截至\(mention.text)12月31日”，应为 \(expected) 年年末",
                              at: paragraph.location(at: mention.range.lowerBound), found: "\(mentioned)年", expected: "\(expected)年",
                              section: paragraph.effectiveSection)
        }
    }

    /// "比/较/与 YYYY 年" naming this year or a later one.
    private func comparisons(in paragraph: NarrativeParagraph, year: Int, isBudget: Bool) -> [Diagnostic] {
        let scalars = Array(paragraph.text.unicodeScalars)
        var result: [Diagnostic] = []
        for mention in paragraph.mentions {
            guard case let .year(mentioned) = mention.kind, mention.range.lowerBound > 0 else { continue }
            let before = scalars[mention.range.lowerBound - 1]
            let twoBefore = mention.range.lowerBound > 1 ? String(String.UnicodeScalarView(scalars[(mention.range.lowerBound - 2)..<mention.range.lowerBound])) : ""
            let isComparison = before == "比" || before == "较" || before == "与" || twoBefore == "同比" || twoBefore == "相比"
            guard isComparison, mentioned >= year else { continue }
            let expected = year - 1
            result.append(diagnostic(
                "\(year) 年\(isBudget ? "预算" : "决算")说明中写“\(String(before))\(mention.text)…”，比较对象应为上一年度（\(expected) 年）",
                at: paragraph.location(at: mention.range.lowerBound), found: "\(mentioned)年", expected: "\(expected)年",
                section: paragraph.effectiveSection))
        }
        return result
    }
}
