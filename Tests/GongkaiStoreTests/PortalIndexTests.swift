import Foundation
import GongkaiCore
import GongkaiStore
import GongkaiWorkflow
import Testing

@Suite struct PortalIndexTests {
    @Test(arguments: Backend.available)
    func aPublicationIsFoundByTwoCharactersAndItsFiguresAreRead(_ backend: Backend) async throws {
        try await withDistrict(backend) { district in
            let store = district.store
            let version = try await approvedVersion(district)
            _ = try await store.publish(version.id, files: packageFiles, approvalDate: "2026-02-10", by: district.bureauReviewer,
                                        verdict: noFindings(version), index: testIndex)
            let hits = try await store.search("三公")
            #expect(hits.map(\.text) == ["“三公”经费预算0.50万元，与上年持平。"])
            #expect(hits.first?.unit.id == district.unit.id && hits.first?.anchor == "section-4" && hits.first?.year == version.fiscalYear)
            #expect(try await store.search("教育", kind: .subject).map(\.text) == ["2050201 学前教育"])
            #expect(try await store.search("教育", kind: .project).isEmpty)
            #expect(try await store.search(String(district.unit.name.prefix(2))).first?.kind == nil)
            #expect(try await store.search("   ").isEmpty)
            let figures = try await store.figures(ofUnits: [district.unit.id])
            #expect(figures.map(\.figure) == testIndex.figures && figures.first?.versionID == version.id)
            let summaries = try await store.publicationSummaries(limit: 10)
            #expect(summaries.map(\.versionID) == [version.id])
            #expect(try await store.currentPublications(inRegion: district.unit.regionID, year: version.fiscalYear, phase: nil, after: nil, limit: 10)
                .map(\.id) == [version.id])
            #expect(try await store.unindexedPublishedVersions().isEmpty)
        }
    }

    @Test(arguments: Backend.available)
    func aCorrectionReplacesTheIndexOfTheVersionItSupersedes(_ backend: Backend) async throws {
        try await withDistrict(backend) { district in
            let store = district.store
            let first = try await approvedVersion(district)
            _ = try await store.publish(first.id, files: packageFiles, approvalDate: "2026-02-10", by: district.bureauReviewer,
                                        verdict: noFindings(first), index: testIndex)
            var budget = first.budget
            budget.unit.staffCount = (budget.unit.staffCount ?? 0) + 1
            let correction = try await store.createCorrection(of: first.id, budget: budget, by: district.editor)
            _ = try await store.apply(.submit, to: correction.id, by: district.submitter, verdict: noFindings(correction))
            _ = try await store.apply(.approveAsDepartment, to: correction.id, by: district.departmentReviewer)
            _ = try await store.apply(.approveAsBureau, to: correction.id, by: district.bureauReviewer)
            let corrected = PublicationIndex(figures: [IndexedFigure(measure: "expenditure", label: "支出合计", amount: Amount(fen: 99))],
                                             texts: [IndexedText(kind: .sentence, text: "“三公”经费预算更正为0.40万元。", anchor: "section-4")])
            _ = try await store.publish(correction.id, files: packageFiles, approvalDate: "2026-02-10", by: district.bureauReviewer,
                                        verdict: noFindings(correction), index: corrected)
            #expect(try await store.search("三公").map(\.text) == ["“三公”经费预算更正为0.40万元。"])
            #expect(try await store.figures(ofUnits: [district.unit.id]).map(\.figure.amount) == [Amount(fen: 99)])
            // Both versions stay listed among the publications.
            #expect(Set(try await store.publicationSummaries(limit: 10).map(\.versionID)) == [first.id, correction.id])
        }
    }

    @Test(arguments: Backend.available)
    func aWordInManyTextsListsTheNewestYearsPlacesFirst(_ backend: Backend) async throws {
        try await withDistrict(backend) { district in
            let store = district.store
            // 450 different sentences of the older year fill the first labels (three parts of 200);
            // the newer year's one sentence is stored last, so it is in the last part.
            let older = try await approvedVersion(district)
            let many = PublicationIndex(figures: [], texts: (1...450).map {
                IndexedText(kind: .sentence, text: "政府采购项目第\($0)项预算\($0).00万元。", anchor: "section-\($0)")
            })
            _ = try await store.publish(older.id, files: packageFiles, approvalDate: "2026-02-10", by: district.bureauReviewer,
                                        verdict: noFindings(older), index: many)
            var budget = try exampleBudget()
            budget.year += 1
            let draft = try await store.createVersion(unitID: district.unit.id, budget: budget, by: district.editor)
            _ = try await store.apply(.submit, to: draft.id, by: district.submitter, verdict: noFindings(draft))
            _ = try await store.apply(.approveAsDepartment, to: draft.id, by: district.departmentReviewer)
            let newer = try await store.apply(.approveAsBureau, to: draft.id, by: district.bureauReviewer)
            let one = PublicationIndex(figures: [], texts: [IndexedText(kind: .sentence, text: "本年无政府采购预算。", anchor: "section-9")])
            _ = try await store.publish(newer.id, files: packageFiles, approvalDate: "2027-02-10", by: district.bureauReviewer,
                                        verdict: noFindings(newer), index: one)
            let hits = try await store.search("政府采购", limit: 20)
            #expect(hits.count == 20)
            #expect(hits.first?.text == "本年无政府采购预算。" && hits.first?.year == budget.year && hits.first?.anchor == "section-9")
            #expect(hits.dropFirst().allSatisfy { $0.year == older.fiscalYear && $0.text.hasPrefix("政府采购项目第") })
            #expect(Set(hits.map(\.text)).count == 20)
        }
    }
}
