import Foundation
import GongkaiCore
import GongkaiPortal
@testable import GongkaiServer
import GongkaiStore
import GongkaiTestSupport
import GongkaiXLSX
import Testing
import Vapor
import VaporTesting

/// Runs `body` on the demo district (HTML, JSON and CSV packages; no Chromium needed).
private func withDemo(_ body: @Sendable (Application) async throws -> Void) async throws {
    try await withApp(configure: { app in
        try await GongkaiApp.configure(app, ServerConfiguration(database: .sqliteMemory(UUID().uuidString), publicationFormats: [.html, .json, .csv],
                                                                bcryptCost: 4, publicRequestsPerMinute: 100_000))
        _ = try await DemoDistrict.seed(app, examples: TestFiles.examples)
    }, body)
}

private func get(_ app: Application, _ path: String) async throws -> TestingHTTPResponse {
    try await app.testing().sendRequest(.GET, path)
}

/// The eldercare centre of the demo: budgets of 2024 and 2025 published.
private func eldercare(_ app: Application) async throws -> StoredUnit {
    let units = try await GongkaiApp.store(app).units(in: nil, limit: 100)
    return try #require(units.first { $0.name == "上海市普陀区示例社区养老服务中心" })
}

/// The amounts of a table's CSV as printed (non-empty cells after the first column that parse as numbers).
private func amounts(inCSV text: String) -> [String] {
    text.split(whereSeparator: \.isNewline).dropFirst().flatMap { line in
        line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            .filter { !$0.isEmpty && $0.allSatisfy { "0123456789.-".contains($0) } && $0.contains(where: \.isNumber) && $0.count > 3 }
    }
}

/// `3258400.5` as tables with thousands separators print it: `3,258,400.5`.
private func grouped(_ amount: String) -> String {
    let parts = amount.split(separator: ".", maxSplits: 1)
    let digits = Array(parts[0])
    var text = ""
    for (index, digit) in digits.enumerated() {
        if index > 0, (digits.count - index) % 3 == 0, digit != "-", digits[index - 1] != "-" { text.append(",") }
        text.append(digit)
    }
    return parts.count > 1 ? text + "." + parts[1] : text
}

@Suite struct PortalRouteTests {
    @Test func everyPublicPageAnswersChineseHTML() async throws {
        try await withDemo { app in
            let unit = try await eldercare(app)
            let base = "/units/\(unit.id.uuidString.lowercased())"
            let department = unit.departmentID.uuidString.lowercased()
            for path in ["/", "/search?q=养老", "/regions/\(unit.regionID.uuidString.lowercased())", base, "\(base)/trends?phase=budget",
                         "\(base)/2025/budget", "\(base)/2025/budget/v1", "/compare?department=\(department)", "/downloads"] {
                let response = try await get(app, path)
                #expect(response.status == .ok, "\(path): \(response.status)")
                #expect(response.headers.contentType == .html, "\(path)")
                let page = response.body.string
                #expect(page.hasPrefix("<!DOCTYPE html><html lang=\"zh-CN\">") && page.contains("<main id=\"main\">"), "\(path)")
                #expect(!page.contains("<script"), "\(path) needs no script")
            }
        }
    }

    @Test func aMissingPageIsAnHTMLPageWithTheRightStatus() async throws {
        try await withDemo { app in
            for (path, status) in [("/units/\(UUID().uuidString)", HTTPStatus.notFound), ("/units/not-a-unit", .notFound),
                                   ("/units/\(try await eldercare(app).id.uuidString)/2031/budget", .notFound),
                                   ("/units/\(try await eldercare(app).id.uuidString)/2025/budget/v9", .notFound),
                                   ("/compare?unit=x", .notFound)] {
                let response = try await get(app, path)
                #expect(response.status == status, "\(path)")
                #expect(response.headers.contentType == .html && response.body.string.contains("返回首页"), "\(path)")
            }
        }
    }

    @Test func aTwoCharacterQueryFindsTheUnitAndTheSentencesThatContainIt() async throws {
        try await withDemo { app in
            let unit = try await eldercare(app)
            let page = try await get(app, "/search?q=\("养老".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!)").body.string
            #expect(page.contains("href=\"/units/\(unit.id.uuidString.lowercased())\"><mark>养老</mark>") || page.contains("示例社区<mark>养老</mark>服务中心"))
            let sangong = try await get(app, "/search?q=\("三公".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!)&kind=sentence").body.string
            // Each hit links to the section of the publication that says it.
            #expect(sangong.contains("/units/\(unit.id.uuidString.lowercased())/2025/budget#section-"))
            #expect(sangong.contains("<mark>三公</mark>"))
            let subjects = try await get(app, "/search?q=\("老年".addingPercentEncoding(withAllowedCharacters: .urlQueryAllowed)!)&kind=subject").body.string
            #expect(subjects.contains("2081002 <mark>老年</mark>福利"))
        }
    }

    @Test func thePublicationPageShowsTheFiguresOfThePublishedTablesAndTheirFiles() async throws {
        try await withDemo { app in
            let unit = try await eldercare(app)
            let store = GongkaiApp.store(app)
            let version = try #require(try await store.versions(ofUnit: unit.id).first { $0.fiscalYear == 2025 && $0.state == .published })
            let page = try await get(app, "/units/\(unit.id.uuidString.lowercased())/2025/budget").body.string
            let files = try await store.files(ofVersion: version.id)
            #expect(!files.isEmpty)
            for file in files { #expect(page.contains(file.sha256), "\(file.name)") }
            // Every amount of every published CSV table is on the page.
            let tables = files.filter { $0.name.hasPrefix("csv/") }
            #expect(tables.count >= 8)
            for file in tables {
                let csv = String(decoding: try await store.blob(file.sha256), as: UTF8.self)
                for amount in amounts(inCSV: csv) {
                    #expect(page.contains(">\(amount)<") || page.contains(">\(grouped(amount))<"), "\(file.name): \(amount)")
                }
            }
            #expect(page.contains("id=\"table-1\"") && page.contains("<caption>") && page.contains("依申请公开"))
        }
    }

    @Test func yearOverYearAndComparisonShowTheStoredFigures() async throws {
        try await withDemo { app in
            let unit = try await eldercare(app)
            let trends = try await get(app, "/units/\(unit.id.uuidString.lowercased())/trends?phase=budget").body.string
            // 2024: 3,734,400 元; 2025: 3,858,400 元; +3.3%.
            #expect(trends.contains("<th scope=\"col\" class=\"amount\">2024年</th>") || trends.contains(">2024年</th>"))
            #expect(trends.contains(">373.44<") && trends.contains(">385.84<") && trends.contains(">+3.3%<"))
            #expect(trends.contains("<svg") && trends.contains("role=\"img\""))
            let store = GongkaiApp.store(app)
            let other = try #require(try await store.units(in: nil, limit: 100).first { $0.departmentID == unit.departmentID && $0.id != unit.id && $0.name.contains("部门汇总") })
            let compare = try await get(app, "/compare?unit=\(unit.id.uuidString.lowercased())&unit=\(other.id.uuidString.lowercased())&year=2024&phase=budget").body.string
            #expect(compare.contains("id=\"compare-table\"") && compare.contains(">373.44<"))
            // The department's summary published no 2024 budget: it is named, not shown as zero.
            #expect(compare.contains("尚无2024年预算公开数据：\(other.name)"))
        }
    }

    @Test func theRegionYearDownloadHasEveryLineOfEveryCurrentPublication() async throws {
        try await withDemo { app in
            let unit = try await eldercare(app)
            let store = GongkaiApp.store(app)
            let response = try await get(app, "/downloads/\(unit.regionID.uuidString.lowercased())/2025/expenditure.csv")
            #expect(response.status == .ok && response.headers.contentType?.subType == "csv")
            let lines = response.body.string.split(separator: "\r\n")
            #expect(lines.first?.hasPrefix("\u{FEFF}地区代码,地区,") == true)
            let published = try await store.currentPublications(inRegion: unit.regionID, year: 2025, phase: nil, after: nil, limit: 100)
            #expect(lines.count - 1 == published.map(\.budget.expenditure.count).reduce(0, +))
            let total = lines.dropFirst().map { Decimal(string: String($0.split(separator: ",").last!))! }.reduce(0, +)
            #expect(total * 100 == Decimal(published.map(\.totalExpenditureFen).reduce(0, +)))
            let package = try await get(app, "/downloads/\(unit.regionID.uuidString.lowercased())/2025/datapackage.json")
            let descriptor = try JSONSerialization.jsonObject(with: Data(package.body.string.utf8)) as? [String: Any]
            #expect(descriptor?["profile"] as? String == "fiscal-data-package")
        }
    }

    @Test func theRegionYearWorkbookHasTheRowsOfTheCSVWithAmountsAsNumbers() async throws {
        try await withDemo { app in
            let unit = try await eldercare(app)
            let base = "/downloads/\(unit.regionID.uuidString.lowercased())/2025"
            let csv = try await get(app, base + "/expenditure.csv").body.string.dropFirst().split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
            let response = try await get(app, base + "/expenditure.xlsx")
            #expect(response.status == .ok && response.headers.contentType?.subType == "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
            let workbook = try XLSXReader.read(data: Data(response.body.readableBytesView))
            #expect(workbook.sheets.map(\.name) == ["支出明细", "数据字典"])
            let sheet = try #require(workbook.sheets.first)
            let rows = Dictionary(grouping: sheet.cells, by: \.row).sorted { $0.key < $1.key }.map { _, cells in
                (1...RegionYearExport.columns.count).map { column in cells.first { $0.column == column }?.value.displayText ?? "" }
            }
            // The CSV's demo rows hold no comma or quote, so splitting them is exact.
            #expect(rows.count == csv.count && rows.count > 10)
            #expect(rows.map { $0.dropLast() } == csv.map { $0.dropLast() })
            #expect(rows.dropFirst().map { Decimal(string: $0.last!)! } == csv.dropFirst().map { Decimal(string: $0.last!)! })
            #expect(sheet.cells.first { $0.row == 2 && $0.column == RegionYearExport.columns.count }?.numberFormat == "#,##0.00")
            #expect(workbook.sheets[1].cells.count == RegionYearExport.columns.count * 3 + 3)
        }
    }

    @Test func theIndexAndSitemapListEveryPublication() async throws {
        try await withDemo { app in
            let store = GongkaiApp.store(app)
            let index = try await get(app, "/publications.json")
            let entries = try JSONSerialization.jsonObject(with: Data(index.body.string.utf8)) as? [[String: Any]]
            let published = try await store.versions(inStates: [.published, .superseded])
            #expect(entries?.count == published.count)
            let sitemap = try await get(app, "/sitemap.xml").body.string
            for entry in entries ?? [] { #expect(sitemap.contains(entry["page"] as? String ?? "?")) }
        }
    }

    @Test func whatTheVisitorTypesIsTextNeverMarkup() async throws {
        try await withDemo { app in
            let query = "\"><base href=//evil.example><x"
            let page = try await get(app, "/search?q=\(query.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)").body.string
            #expect(!page.contains("<base") && !page.contains("\"><x") && page.contains("&quot;&gt;&lt;base"))
            #expect(!page.contains("twitter:title"))
        }
    }
}
