import GongkaiWorkflow
import Vapor

/// One page of the portal: its method and path (`:name` for a parameter), who may open it, and what
/// answers it. Pages answer HTML (errors too); the API's routes are `Endpoints.all`.
struct PageRoute: Sendable {
    /// The HTTP method.
    let method: HTTPMethod
    /// The path, `/units/:unitID`.
    let path: String
    /// Who may open it.
    let access: Access
    /// The handler.
    let handler: @Sendable (Request) async throws -> Response
    /// The largest form or upload it reads.
    var maxBody: ByteCount = "1mb"

    /// The API-token scope it needs: `read` for a GET page; nil for a form, which only a signed-in
    /// session (the cookie) may post.
    var apiScope: APIScope? { method == .GET ? .read : nil }

    /// The path as Vapor route components.
    var components: [PathComponent] { path.pathComponents }
}

extension Access {
    /// Staff who sign in to the pages (API clients use the API).
    static let staffPages = Access.signedIn(Set(Role.allCases).subtracting([.apiClient]))
    /// The 财政局's reviewers and administrators.
    static let bureau = Access.signedIn([.bureauReviewer, .bureauAdministrator])
}

/// Every page the server answers.
enum PageRoutes {
    static let all: [PageRoute] = [
        PageRoute(method: .GET, path: "/", access: .anyone, handler: PortalHandlers.home),
        PageRoute(method: .GET, path: "/search", access: .anyone, handler: PortalHandlers.search),
        PageRoute(method: .GET, path: "/regions/:regionID", access: .anyone, handler: PortalHandlers.region),
        PageRoute(method: .GET, path: "/units/:unitID", access: .anyone, handler: PortalHandlers.unit),
        PageRoute(method: .GET, path: "/units/:unitID/trends", access: .anyone, handler: PortalHandlers.trends),
        PageRoute(method: .GET, path: "/units/:unitID/:year/:phase", access: .anyone, handler: PortalHandlers.publication),
        PageRoute(method: .GET, path: "/units/:unitID/:year/:phase/:version", access: .anyone, handler: PortalHandlers.publication),
        PageRoute(method: .GET, path: "/compare", access: .anyone, handler: PortalHandlers.compare),
        PageRoute(method: .GET, path: "/downloads", access: .anyone, handler: PortalHandlers.downloads),
        PageRoute(method: .GET, path: "/downloads/:regionID/:year/expenditure.csv", access: .anyone, handler: PortalHandlers.regionYearCSV),
        PageRoute(method: .GET, path: "/downloads/:regionID/:year/expenditure.xlsx", access: .anyone, handler: PortalHandlers.regionYearWorkbook),
        PageRoute(method: .GET, path: "/downloads/:regionID/:year/datapackage.json", access: .anyone, handler: PortalHandlers.dataPackage),
        PageRoute(method: .GET, path: "/publications.json", access: .anyone, handler: PortalHandlers.publicationIndex),
        PageRoute(method: .GET, path: "/sitemap.xml", access: .anyone, handler: PortalHandlers.sitemap),
        // Staff: the worklist (or the sign-in form), the editor and the workflow's steps.
        PageRoute(method: .GET, path: "/staff", access: .anyone, handler: StaffHandlers.home),
        PageRoute(method: .POST, path: "/staff/sign-in", access: .anyone, handler: StaffHandlers.signIn),
        PageRoute(method: .POST, path: "/staff/sign-out", access: .staffPages, handler: StaffHandlers.signOut),
        PageRoute(method: .GET, path: "/staff/versions/:versionID", access: .staffPages, handler: StaffHandlers.editor),
        PageRoute(method: .POST, path: "/staff/versions/:versionID/budget", access: .unitStaff, handler: StaffHandlers.saveBudget),
        PageRoute(method: .POST, path: "/staff/versions/:versionID/actions/:action", access: .workflow, handler: StaffHandlers.action),
        // The bureau's desk and its batch checks.
        PageRoute(method: .GET, path: "/desk", access: .bureau, handler: DeskHandlers.desk),
        PageRoute(method: .GET, path: "/desk/checks", access: .bureau, handler: DeskHandlers.uploadForm),
        PageRoute(method: .POST, path: "/desk/checks", access: .bureau, handler: DeskHandlers.upload, maxBody: "200mb"),
        PageRoute(method: .GET, path: "/desk/checks/:batchID", access: .bureau, handler: DeskHandlers.batch),
        PageRoute(method: .GET, path: "/desk/checks/:batchID/checklist.xlsx", access: .bureau, handler: ComplianceHandlers.checklist),
        PageRoute(method: .GET, path: "/desk/checks/:batchID/jobs/:jobID", access: .bureau, handler: DeskHandlers.jobFindings),
        PageRoute(method: .GET, path: "/desk/checks/:batchID/jobs/:jobID/file", access: .bureau, handler: DeskHandlers.checkedFile),
    ]
}
