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
}
