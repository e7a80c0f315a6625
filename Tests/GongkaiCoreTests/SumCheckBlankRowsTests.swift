import GongkaiCore
import Testing

/// Blank cells among the parts count as rounded zeros: each may hide less than half a unit.
@Suite struct SumCheckBlankRowsTests {
    private func wan(_ text: String) -> Figure {
        Figure(amount: Amount(fen: Int64(text.replacingOccurrences(of: ".", with: ""))! * 10_000), unit: .wan, decimals: 2)
    }

    @Test func aBlankPartRowWidensTheRoundingAllowance() {
        let total = wan("25530.51"), parts = [wan("23647.92"), wan("1882.57")]
        guard case .mismatch = SumCheck.compare(total: total, parts: parts) else {
            Issue.record("two printed parts explain at most 0.015")
            return
        }
        guard case .withinRounding = SumCheck.compare(total: total, parts: parts, rows: 3) else {
            Issue.record("three rows, one blank, explain 0.02")
            return
        }
    }

    @Test func blankRowsDoNotExcuseARealDifference() {
        guard case .mismatch = SumCheck.compare(total: wan("25530.61"), parts: [wan("23647.92"), wan("1882.57")], rows: 3) else {
            Issue.record("0.12 is no rounding")
            return
        }
    }
}
