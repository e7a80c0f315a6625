import Foundation
import GongkaiCore
import GongkaiPortal
@testable import GongkaiServer
import GongkaiStore
import GongkaiTestSupport
import GongkaiWorkflow
import Testing
import Vapor
import VaporTesting

/// The address the tests' pages are reached at.
private let host = "gongkai.test"

private extension ServedDistrict {
    /// Posts a form as a browser on this site does (Origin and Host agree), with a session cookie.
    func form(_ path: String, _ fields: [String: String], cookie: String? = nil, origin: String? = "http://\(host)") async throws -> TestingHTTPResponse {
        var headers: HTTPHeaders = ["Host": host, "Content-Type": "application/x-www-form-urlencoded"]
        if let origin { headers.add(name: "Origin", value: origin) }
        if let cookie { headers.add(name: .cookie, value: "\(SignIn.cookieName)=\(cookie)") }
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))
        let body = fields.map { "\($0.key.addingPercentEncoding(withAllowedCharacters: allowed)!)=\($0.value.addingPercentEncoding(withAllowedCharacters: allowed)!)" }
            .joined(separator: "&")
        return try await app.testing().sendRequest(.POST, path, headers: headers, body: ByteBuffer(string: body))
    }

    /// Opens a page with a session cookie.
    func page(_ path: String, cookie: String? = nil) async throws -> TestingHTTPResponse {
        var headers: HTTPHeaders = ["Host": host]
        if let cookie { headers.add(name: .cookie, value: "\(SignIn.cookieName)=\(cookie)") }
        return try await app.testing().sendRequest(.GET, path, headers: headers)
    }

    /// Signs in through the form and returns the session cookie's value.
    func signInThroughForm(_ username: String) async throws -> String {
        let response = try await form("/staff/sign-in", ["username": username, "password": testPassword])
        #expect(response.status == .seeOther, "\(username): \(response.status)")
        let cookie = try #require(response.headers.setCookie?[SignIn.cookieName])
        #expect(cookie.isHTTPOnly && cookie.sameSite == .strict && cookie.path == "/")
        return cookie.string
    }

    /// A draft of the example budget for `unit`, made by its editor through the API.
    func draft() async throws -> StoredVersion {
        let token = try await signIn(insiders[.unitEditor]!)
        let response = try await request(.POST, "/api/v1/units/\(unit.id)/versions", token: token, body: try exampleBudgetJSON())
        #expect(response.status == .created)
        return try await GongkaiApp.store(app).version(try response.content.decode(VersionReply.self).id)
    }
}

@Suite struct StaffPageTests {
    @Test func pagesThatNeedSigningInSendTheBrowserToTheSignInForm() async throws {
        try await withServer { district in
            for path in ["/desk", "/desk/checks", "/staff/versions/\(UUID())"] {
                let response = try await district.page(path)
                #expect(response.status == .seeOther && response.headers.first(name: .location) == "/staff", "\(path)")
            }
            let form = try await district.page("/staff")
            #expect(form.status == .ok && form.body.string.contains("action=\"/staff/sign-in\""))
            let wrong = try await district.form("/staff/sign-in", ["username": district.insiders[.unitEditor]!, "password": "wrong"])
            #expect(wrong.status == .unauthorized && wrong.body.string.contains("用户名或密码不正确") && wrong.headers.setCookie == nil)
        }
    }

    @Test func aFormFromAnotherSiteIsRefused() async throws {
        try await withServer { district in
            for origin in ["http://evil.example", nil] as [String?] {
                let response = try await district.form("/staff/sign-in", ["username": district.insiders[.unitEditor]!, "password": testPassword], origin: origin)
                #expect(response.status == .forbidden && response.headers.setCookie == nil, "\(origin ?? "no origin")")
            }
            let cookie = try await district.signInThroughForm(district.insiders[.unitEditor]!)
            let version = try await district.draft()
            let before = try await GongkaiApp.store(district.app).version(version.id)
            let response = try await district.form("/staff/versions/\(version.id)/budget", ["income[0].amount": "1"], cookie: cookie, origin: "http://evil.example")
            #expect(response.status == .forbidden)
            #expect(try await GongkaiApp.store(district.app).version(version.id).contentSHA256 == before.contentSHA256)
        }
    }

    @Test func anAPITokenReadsPagesButPostsNoForm() async throws {
        try await withServer { district in
            let version = try await district.draft()
            let admin = try await district.signIn(district.insiders[.bureauAdministrator]!)
            let created = try await district.request(.POST, "/api/v1/api-tokens", token: admin,
                                                     body: try JSONSerialization.data(withJSONObject: ["username": district.insiders[.apiClient]!, "scopes": ["read"]]))
            #expect(created.status == .created)
            let token = try created.content.decode(TokenReply.self).token
            var headers: HTTPHeaders = ["Host": host, "Origin": "http://\(host)", "Content-Type": "application/x-www-form-urlencoded"]
            headers.bearerAuthorization = BearerAuthorization(token: token)
            let response = try await district.app.testing().sendRequest(.POST, "/staff/versions/\(version.id)/actions/submit", headers: headers)
            #expect(response.status == .forbidden)
            let home = try await district.app.testing().sendRequest(.GET, "/", headers: headers)
            #expect(home.status == .ok)
        }
    }

    @Test func aValueThatCannotBeReadIsShownBesideItsCellAndNothingIsSaved() async throws {
        try await withServer { district in
            let version = try await district.draft()
            let cookie = try await district.signInThroughForm(district.insiders[.unitEditor]!)
            let response = try await district.form("/staff/versions/\(version.id)/budget",
                                                   ["expenditure[0].function": "20801", "expenditure[0].amount": "12.345", "income[0].amount": "12万",
                                                    "contentSHA256": version.contentSHA256], cookie: cookie)
            #expect(response.status == .unprocessableEntity)
            let page = response.body.string
            #expect(page.contains("功能分类应为 7 位代码") && page.contains("金额最多两位小数") && page.contains("应为以元为单位的金额"))
            // The typed values stay in the cells, marked.
            #expect(page.contains("id=\"expenditure[0].function\" name=\"expenditure[0].function\" inputmode=\"numeric\" size=\"8\" pattern=\"2[0-9]{6}\" title=\"7 位功能分类代码，如 2081002\" value=\"20801\" aria-invalid=\"true\""))
            #expect(try await GongkaiApp.store(district.app).version(version.id).contentSHA256 == version.contentSHA256)
        }
    }

    @Test func aSavedChangeIsCheckedAndItsFindingShownBesideTheCell() async throws {
        try await withServer { district in
            let version = try await district.draft()
            let cookie = try await district.signInThroughForm(district.insiders[.unitEditor]!)
            let income = try #require(version.budget.income.first)
            let saved = try await district.form("/staff/versions/\(version.id)/budget", ["income[0].amount": (income.amount + Amount(fen: 100_000)).description,
                                                                                   "contentSHA256": version.contentSHA256], cookie: cookie)
            #expect(saved.status == .seeOther)
            let stored = try await GongkaiApp.store(district.app).version(version.id)
            #expect(stored.budget.income.first?.amount == income.amount + Amount(fen: 100_000))
            #expect(stored.budget.expenditure == version.budget.expenditure)
            let page = try await district.page("/staff/versions/\(version.id)?notice=saved", cookie: cookie).body.string
            #expect(page.contains("已保存"))
            // The income no longer equals the spending: the error sits in the income cell's own <td>.
            let cell = try #require(page.range(of: "id=\"income[0].amount\"").map { String(page[$0.lowerBound...].prefix(while: { $0 != "\n" })) })
            let td = String(cell[..<(cell.range(of: "</td>")?.lowerBound ?? cell.endIndex)])
            #expect(td.contains("class=\"finding\"") && td.contains("错误"), "\(td.prefix(400))")
            // A submitter cannot submit it while the error stands.
            let submitter = try await district.signInThroughForm(district.insiders[.unitSubmitter]!)
            let refused = try await district.form("/staff/versions/\(version.id)/actions/submit", [:], cookie: submitter)
            #expect(refused.status == .unprocessableEntity && refused.body.string.contains("个错误"))
            #expect(try await GongkaiApp.store(district.app).version(version.id).state == .draft)
        }
    }

    @Test func someoneOutsideTheUnitSeesNoDraft() async throws {
        try await withServer { district in
            let version = try await district.draft()
            let outsider = try await district.signInThroughForm(district.outsiders[.unitEditor]!)
            let response = try await district.page("/staff/versions/\(version.id)", cookie: outsider)
            #expect(response.status == .notFound && response.headers.contentType == .html)
            let posted = try await district.form("/staff/versions/\(version.id)/budget", ["income[0].amount": "1", "contentSHA256": version.contentSHA256], cookie: outsider)
            #expect(posted.status == .notFound)
        }
    }

    @Test func aFormMadeFromOlderDataIsNotSavedOverNewerData() async throws {
        try await withServer { district in
            let version = try await district.draft()
            let cookie = try await district.signInThroughForm(district.insiders[.unitEditor]!)
            // Someone else saves first; the first form still carries the old content's sha256.
            let first = try await district.form("/staff/versions/\(version.id)/budget", ["expenditure[0].amount": "1.00", "contentSHA256": version.contentSHA256],
                                                cookie: cookie)
            #expect(first.status == .seeOther)
            let newer = try await GongkaiApp.store(district.app).version(version.id)
            let stale = try await district.form("/staff/versions/\(version.id)/budget", ["expenditure[0].amount": "2.00", "contentSHA256": version.contentSHA256],
                                                cookie: cookie)
            #expect(stale.status == .conflict && stale.body.string.contains("已被修改"))
            #expect(try await GongkaiApp.store(district.app).version(version.id).contentSHA256 == newer.contentSHA256)
        }
    }

    @Test func aProgramsAccountCannotSignInToThePages() async throws {
        try await withServer { district in
            let response = try await district.form("/staff/sign-in", ["username": district.insiders[.apiClient]!, "password": testPassword])
            #expect(response.status == .forbidden && response.headers.setCookie?[SignIn.cookieName] == nil)
        }
    }

    @Test func anEditedLineKeepsWhatItsFormDidNotChange() async throws {
        try await withServer { district in
            var budget = try JSONDecoder().decode(Budget.self, from: try exampleBudgetJSON())
            budget.expenditure[0].fund = .carryoverIn
            budget.income.append(IncomeLine(source: .carryoverIn, amount: budget.expenditure[0].amount, fund: nil))
            let form = BudgetForm(urlEncoded: "expenditure%5B0%5D.amount=\(budget.expenditure[0].amount.description)&expenditure%5B0%5D.fund=&income%5B\(budget.income.count - 1)%5D.amount=\(budget.expenditure[0].amount.description)")
            let applied = try form.apply(to: budget).get()
            #expect(applied.expenditure == budget.expenditure)
            #expect(applied.income == budget.income)
            // A thousands separator where it belongs is read; elsewhere it is refused.
            #expect(try BudgetForm(urlEncoded: "expenditure%5B0%5D.amount=1%2C234%2C567.50").apply(to: budget).get().expenditure[0].amount == Amount(fen: 123_456_750))
            guard case .failure(let errors) = BudgetForm(urlEncoded: "expenditure%5B0%5D.amount=1%2C00000").apply(to: budget) else {
                Issue.record("1,00000 was read")
                return
            }
            #expect(errors.byField["expenditure[0].amount"] != nil)
        }
    }

    @Test func aFindingOfACheckedFileLinksToTheFileAsUploaded() async throws {
        try await withServer { district in
            let store = GongkaiApp.store(district.app)
            let example = try Data(contentsOf: URL(fileURLWithPath: TestFiles.example("chongqing-unit-budget-2024.md")))
            let reviewer = try #require(try await store.account(named: district.insiders[.bureauReviewer]!)).account.actor
            let pdf = Data("%PDF-1.7 未写完".utf8)
            let batch = try await store.createBatch(name: "抽查", files: [CheckFile(name: "区县/单位预算.md", data: example), CheckFile(name: "区县/损坏.pdf", data: pdf)],
                                                    by: reviewer)
            #expect(try await GongkaiApp.worker(district.app, timeout: 30).run(untilIdle: true) == 2)
            let files = try await store.batchProgress(batch.id).files
            let job = try #require(files.first { $0.name.hasSuffix(".md") }).job
            let findingsPath = "/desk/checks/\(batch.id.uuidString.lowercased())/jobs/\(job.id.uuidString.lowercased())"
            let cookie = try await district.signInThroughForm(district.insiders[.bureauReviewer]!)
            let page = try await district.page(findingsPath, cookie: cookie).body.string
            #expect(page.contains("href=\"\(findingsPath)/file\"") && page.contains("下载检查的文件") && !page.contains("#page="))
            let file = try await district.page(findingsPath + "/file", cookie: cookie)
            #expect(file.status == .ok && Data(file.body.readableBytesView) == example)
            #expect(file.headers.contentType?.description == "application/octet-stream")
            #expect(file.headers.first(name: .contentDisposition)?.hasPrefix("attachment; filename=\"file\"; filename*=UTF-8''%E5%8D%95%E4%BD%8D") == true)
            #expect(file.headers.first(name: "Content-Security-Policy")?.hasSuffix("sandbox") == true)
            let pdfJob = try #require(files.first { $0.name.hasSuffix(".pdf") }).job
            let opened = try await district.page("/desk/checks/\(batch.id.uuidString.lowercased())/jobs/\(pdfJob.id.uuidString.lowercased())/file", cookie: cookie)
            #expect(opened.status == .ok && Data(opened.body.readableBytesView) == pdf && opened.headers.contentType?.description == "application/pdf")
            #expect(opened.headers.first(name: .contentDisposition)?.hasPrefix("inline; filename=\"file.pdf\"") == true)
            let outsider = try await district.signInThroughForm(district.outsiders[.bureauReviewer]!)
            #expect(try await district.page(findingsPath + "/file", cookie: outsider).status == .notFound)
        }
    }

    @Test func aFindingOnAPDFPageLinksToThatPage() {
        let file = DeskPages.CheckedFile(name: "单位预算.pdf", link: "/desk/checks/b/jobs/j/file")
        let finding = CheckFinding(rule: "column-total", severity: "error", message: "合计不等于各项之和", page: 7, table: "支出总表")
        let page = DeskPages.findings(batchID: UUID(), batchName: "抽查", file: file, findings: [finding], viewer: .anonymous)
        #expect(page.contains("href=\"/desk/checks/b/jobs/j/file#page=7\"") && page.contains("第 7 页，支出总表"))
        #expect(page.contains("打开检查的文件（PDF）"))
    }
}
