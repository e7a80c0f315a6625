/// Expenditure lines summed by classification code at every level (类, 款 and, for functional codes,
/// 项), in code order with each parent before its children — the rows of a disclosure table.
public struct ExpenditureBreakdown: Sendable, Equatable {
    /// One code and its sums.
    public struct Row: Sendable, Equatable {
        /// The code's digits.
        public var code: String
        /// 类, 款 or 项.
        public var level: ClassificationLevel
        /// The sums of the lines under the code.
        public var sums: LineSums
    }

    /// The rows, parents first.
    public var rows: [Row]
    /// The sums of all lines.
    public var total: LineSums

    /// Lines summed by 功能分类 code: 类, 款 and 项 rows.
    public static func byFunction<S: Sequence>(_ lines: S) -> ExpenditureBreakdown where S.Element == ExpenditureLine {
        build(lines) { line in
            var codes: [FunctionCode] = [line.function]
            while let parent = codes.last?.parent { codes.append(parent) }
            return codes.map { ($0.digits, $0.level) }
        }
    }

    /// Lines summed by 经济分类 code: 类 and 款 rows.
    public static func byEconomic<S: Sequence>(_ lines: S) -> ExpenditureBreakdown where S.Element == ExpenditureLine {
        build(lines) { line in
            [(line.economic.digits, line.economic.level)] + (line.economic.parent.map { [($0.digits, $0.level)] } ?? [])
        }
    }

    /// The row of `code`, if any line falls under it.
    public func row(_ code: String) -> Row? { rows.first { $0.code == code } }

    /// The 类 rows.
    public var classRows: [Row] { rows.filter { $0.level == .class } }

    private static func build<S: Sequence>(_ lines: S, codes: (ExpenditureLine) -> [(String, ClassificationLevel)]) -> ExpenditureBreakdown
    where S.Element == ExpenditureLine {
        var sums: [String: Row] = [:]
        var total = LineSums()
        for line in lines {
            total.add(line)
            for (code, level) in codes(line) {
                sums[code, default: Row(code: code, level: level, sums: LineSums())].sums.add(line)
            }
        }
        return ExpenditureBreakdown(rows: sums.values.sorted { $0.code < $1.code }, total: total)
    }
}
