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

    /// The path as Vapor route components.
    var components: [PathComponent] { path.pathComponents }
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
        PageRoute(method: .GET, path: "/downloads/:regionID/:year/datapackage.json", access: .anyone, handler: PortalHandlers.dataPackage),
        PageRoute(method: .GET, path: "/publications.json", access: .anyone, handler: PortalHandlers.publicationIndex),
        PageRoute(method: .GET, path: "/sitemap.xml", access: .anyone, handler: PortalHandlers.sitemap),
    ]
}
