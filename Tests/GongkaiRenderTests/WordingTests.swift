import GongkaiCore
import Testing
@testable import GongkaiRender

@Suite struct WordingTests {
    let wording = Wording()

    @Test func changesAreComputedFromPublishedFigures() {
        #expect(wording.change(from: Amount(fen: 122_440_000), to: Amount(fen: 190_979_800)) == "增加68.54万元")
        #expect(wording.change(from: Amount(fen: 42_830_000), to: Amount(fen: 36_110_000)) == "减少6.72万元")
        #expect(wording.change(from: Amount(fen: 100), to: Amount(fen: 149)) == "持平")
    }

    @Test func percentagesRoundHalfUp() {
        // 220.00 vs 208.00: +5.769…% → 5.77%.
        #expect(wording.percentChange(from: Amount(fen: 208_000_000), to: Amount(fen: 220_000_000)) == "增加5.77%")
        // 1.00 → 1.005 would be 0.5%, but the current figure rounds to 1.01 first: 1%.
        #expect(wording.percentChange(from: Amount(fen: 1_000_000), to: Amount(fen: 1_005_000)) == "增加1.00%")
        #expect(wording.percentChange(from: Amount(fen: 800_000), to: Amount(fen: 790_000)) == "减少1.25%")
        #expect(wording.percentChange(from: Amount(fen: 800_000), to: Amount(fen: 799_000)) == "持平")
        #expect(wording.percentChange(from: .zero, to: Amount(fen: 5)) == nil)
    }

    @Test func aRegionThatGroupsThousandsWritesSeparators() {
        let amount = Amount(fen: 37_151_470_000)
        #expect(Wording(groupsThousands: true).wan(amount) == "37,151.47万元")
        #expect(wording.wan(amount) == "37151.47万元")
        #expect(Wording(groupsThousands: true).change(from: Amount(fen: 30_000_000_000), to: amount) == "增加7,151.47万元")
    }

    @Test func zeroIsWrittenWithoutDecimals() {
        #expect(wording.wan(.zero) == "0万元")
        #expect(wording.wan(Amount(fen: 1_909_798_00)) == "190.98万元")
    }
}
