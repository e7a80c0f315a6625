import GongkaiWorkflow
import Testing

/// Five events chained as the store chains them.
private func trail() -> [AuditEvent] {
    var events: [AuditEvent] = []
    let actions = ["create-version", "edit-version", "submit", "approve-as-department", "approve-as-bureau"]
    for (index, action) in actions.enumerated() {
        events.append(AuditEvent(sequence: Int64(index + 1), time: "2026-02-1\(index)T09:00:00.000Z", actor: "zhang", role: "unit-submitter",
                                 action: action, objectKind: "version", objectID: "v1", versionID: "v1",
                                 reason: index == 2 ? "按批复报送" : nil, contentHash: "ab\(index)", previousHash: events.last?.hash ?? AuditChain.genesis))
    }
    return events
}

@Suite struct AuditChainTests {
    @Test func anUntouchedTrailVerifies() {
        #expect(AuditChain.firstBreak(in: trail()) == nil)
    }

    @Test func anEditedFieldIsFoundAtItsRow() {
        var events = trail()
        events[2].reason = "未经批复报送"
        #expect(AuditChain.firstBreak(in: events)?.sequence == 3)
    }

    @Test func anEditedRowWithItsHashRecomputedBreaksTheNextLink() {
        var events = trail()
        events[1].actor = "li"
        events[1].hash = events[1].computedHash
        #expect(AuditChain.firstBreak(in: events)?.sequence == 3)
    }

    @Test func aDeletedRowIsAGapInTheSequence() {
        var events = trail()
        events.remove(at: 1)
        let broken = AuditChain.firstBreak(in: events)
        #expect(broken?.sequence == 3)
        #expect(broken?.message.contains("缺号") == true)
    }

    @Test func aTrailReadInPagesVerifiesPageByPage() {
        let events = trail()
        #expect(AuditChain.firstBreak(in: events[2...], startingAfter: 2, previousHash: events[1].hash) == nil)
        #expect(AuditChain.firstBreak(in: events[2...], startingAfter: 2, previousHash: AuditChain.genesis)?.sequence == 3)
    }

    @Test func fieldsCannotBeShiftedAcrossTheSeparator() {
        let one = AuditEvent(sequence: 1, time: "t", actor: "a\nb", role: "r", action: "x", objectKind: "k", objectID: "o", previousHash: AuditChain.genesis)
        let two = AuditEvent(sequence: 1, time: "t", actor: "a", role: "b\nr", action: "x", objectKind: "k", objectID: "o", previousHash: AuditChain.genesis)
        #expect(one.hash != two.hash)
    }
}
