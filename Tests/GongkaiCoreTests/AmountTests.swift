import Testing
@testable import GongkaiCore

@Suite struct AmountParsingTests {
    @Test func parsesThousandsSeparatorsAndDecimals() {
        let figure = AmountParser.parse("1,234.56", unit: .yuan)
        #expect(figure?.amount == Amount(fen: 123_456))
        #expect(figure?.decimals == 2)
    }

    @Test func parsesFullWidthDigits() {
        #expect(AmountParser.parse("１２３", unit: .yuan)?.amount == Amount(fen: 12_300))
        #expect(AmountParser.parse("１，２３４．５", unit: .yuan)?.amount == Amount(fen: 123_450))
    }

    @Test(arguments: ["", " ", "-", "—", "--", "－", "/"])
    func blankAndDashCellsAreEmpty(text: String) {
        #expect(AmountParser.scan(text, unit: .wan) == .empty)
        #expect(AmountParser.parse(text, unit: .wan)?.amount == .zero)
    }

    @Test func parsesNegativeAmountsWithSignOrParentheses() {
        #expect(AmountParser.parse("-12.50", unit: .yuan)?.amount == Amount(fen: -1_250))
        #expect(AmountParser.parse("(12.50)", unit: .yuan)?.amount == Amount(fen: -1_250))
        #expect(AmountParser.parse("－0.01", unit: .wan)?.amount == Amount(fen: -10_000))
    }

    @Test func wanFiguresBecomeExactFen() {
        let figure = AmountParser.parse("190.98", unit: .wan)
        #expect(figure?.amount == Amount(fen: 190_980_000))
        #expect(figure?.granularity == 10_000)
    }

    @Test(arguments: ["1.2.3", "12,34", "1,2345", "12a", "万元", "1,", ",1", "99999999999999999999"])
    func rejectsWhatIsNotANumber(text: String) {
        #expect(AmountParser.parse(text, unit: .yuan) == nil)
    }

    @Test func rejectsAmountsThatOverflowInFen() {
        #expect(AmountParser.parse("999999999999999", unit: .yi) == nil)
    }
}

@Suite struct AmountFormattingTests {
    @Test func formatsWanWithHalfUpRounding() {
        #expect(Amount(fen: 190_985_000).formatted(in: .wan, decimals: 2) == "190.99")
        #expect(Amount(fen: 190_984_999).formatted(in: .wan, decimals: 2) == "190.98")
        #expect(Amount(fen: 538_440_00).formatted(in: .wan, decimals: 2) == "53.84")
    }

    @Test func roundsNegativeHalvesAwayFromZero() {
        #expect(Amount(fen: -5_000).formatted(in: .wan, decimals: 2) == "-0.01")
        #expect(Amount(fen: -4_999).formatted(in: .wan, decimals: 2) == "0.00")
    }

    @Test func formatsYuanWithGrouping() {
        #expect(Amount(fen: 1_212_116_400).formatted(in: .yuan, decimals: 0, grouping: true) == "12,121,164")
        #expect(Amount(fen: 9_628_221_344).formatted(in: .yuan, decimals: 2) == "96282213.44")
    }

    @Test func arithmeticSaturatesInsteadOfTrapping() {
        #expect(Amount(fen: .max) + Amount(fen: 1) == Amount(fen: .max))
        #expect(Amount(fen: .min) - Amount(fen: 1) == Amount(fen: .min))
    }
}

@Suite struct SumCheckTests {
    private func wan(_ text: String) -> Figure { AmountParser.parse(text, unit: .wan)! }

    @Test func seedPensionSectionIsWithinRounding() {
        // 20805 in the seed: 23.77 published, 15.84 + 7.92 = 23.76.
        let outcome = SumCheck.compare(total: wan("23.77"), parts: [wan("15.84"), wan("7.92")])
        #expect(outcome == .withinRounding(difference: Amount(fen: 10_000), tolerance: Amount(fen: 15_000)))
    }

    @Test func differenceBeyondTheIntervalIsAMismatch() {
        let outcome = SumCheck.compare(total: wan("23.80"), parts: [wan("15.84"), wan("7.92")])
        #expect(outcome.isMismatch)
    }

    @Test func exactSumsAreExact() {
        #expect(SumCheck.compare(total: wan("190.98"), parts: [wan("146.07"), wan("23.77"), wan("8.01"), wan("13.13")]) == .exact)
    }

    @Test func sameQuantityInTwoUnitsAgreesWithinBothRoundings() {
        let yuan = AmountParser.parse("538,440", unit: .yuan)!
        #expect(!SumCheck.compareSame(wan("53.84"), yuan).isMismatch)
        #expect(SumCheck.compareSame(wan("53.85"), yuan).isMismatch)
    }
}
