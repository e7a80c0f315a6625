import Foundation
import GongkaiServer
import GongkaiStore
import GongkaiTestSupport
import Testing
import Vapor
import VaporTesting

@Suite struct DemoDistrictTests {
    @Test func theDemoSeedsEveryRoleAndPublishesTheExamplesGivenAnApprovalDate() async throws {
        try await withApp(configure: { app in
            try await GongkaiApp.configure(app, ServerConfiguration(database: .sqliteMemory(UUID().uuidString), publicationFormats: [.html, .json],
                                                                    bcryptCost: 4))
        }) { app in
            let (accounts, password) = try await DemoDistrict.seed(app, examples: TestFiles.examples)
            #expect(Set(accounts.map(\.role)).isSuperset(of: [.unitEditor, .unitSubmitter, .departmentReviewer, .bureauReviewer, .bureauAdministrator]))
            let store = GongkaiApp.store(app)
            let published = try await store.versions(inStates: [.published])
            let drafts = try await store.versions(inStates: [.draft])
            #expect(published.count == 4 && drafts.count == 1)
            #expect(Set(published.map(\.phase)) == [.budget, .finalAccounts])
            for version in published { #expect(try await store.files(ofVersion: version.id).count == 2) }
            #expect(try await store.verifyAudit().firstBreak == nil)
            // The README's walk-through signs in with these.
            let response = try await app.testing().sendRequest(.POST, "/api/v1/sessions", headers: ["content-type": "application/json"],
                                                               body: ByteBuffer(string: "{\"username\":\"sh-unit-submitter\",\"password\":\"\(password)\"}"))
            #expect(response.status == .created)
        }
    }
}
