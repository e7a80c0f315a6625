import GongkaiRender
import Plot

/// The frame of every portal page: language, title, a skip link, the site's header and navigation,
/// the page's own content in `main`, and the footer. No script, no web font: the system's CJK fonts
/// render it, and everything works without JavaScript.
public enum Layout {
    /// Who is looking, for the header's link to the staff pages.
    public struct Viewer: Sendable {
        /// The signed-in account's name shown, nil for the public.
        public var displayName: String?
        /// Whether the account may open the bureau's desk.
        public var seesDesk: Bool

        /// Creates a viewer.
        public init(displayName: String?, seesDesk: Bool) {
            self.displayName = displayName
            self.seesDesk = seesDesk
        }

        /// The public.
        public static let anonymous = Viewer(displayName: nil, seesDesk: false)
    }

    /// One step of the breadcrumb trail.
    public struct Crumb: Sendable {
        /// Its text.
        public var text: String
        /// Where it links; nil for the current page.
        public var href: String?

        /// Creates a step.
        public init(_ text: String, _ href: String? = nil) {
            self.text = text
            self.href = href
        }
    }

    /// The site's name.
    public static let siteName = "预决算公开平台"

    /// The whole page.
    public static func page(title: String, crumbs: [Crumb] = [], viewer: Viewer = .anonymous, description: String? = nil,
                            _ content: Node<HTML.BodyContext>...) -> String {
        let html = HTML(
            .attribute(named: "lang", value: "zh-CN"),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .unwrap(description) { .meta(.name("description"), .content(HTMLEscaping.escape($0))) },
                // Plot's .title also writes the title, unescaped, into social-media meta tags.
                .element(named: "title", nodes: [.escaped("\(title) - \(siteName)")]),
                .raw("<style>\(PortalStyle.css)</style>")
            ),
            .body(
                .a(.class("skip"), .href("#main"), .escaped("跳到正文")),
                header(viewer),
                .unwrap(crumbs.isEmpty ? nil : crumbs) { breadcrumbs($0) },
                .main(.id("main"), .group(content)),
                .footer(.p(.escaped("本平台公开的数据以各单位正式公开的版本为准，金额单位除注明外为万元。已公开的版本长期保留，更正以新版本发布。")),
                        .p(.a(.href("/downloads"), .escaped("数据下载与数据字典")), .escaped(" · "), .a(.href("/sitemap.xml"), .escaped("网站地图")),
                           .escaped(" · "), .a(.href("/openapi.yaml"), .escaped("接口说明（OpenAPI）"))))
            )
        )
        return html.render()
    }

    private static func header(_ viewer: Viewer) -> Node<HTML.BodyContext> {
        var links: [(String, String)] = [("/", "首页"), ("/search", "搜索"), ("/compare", "单位比较"), ("/downloads", "下载中心")]
        if viewer.seesDesk { links.append(("/desk", "财政局看板")) }
        links.append(("/staff", viewer.displayName == nil ? "工作人员登录" : "工作台（\(viewer.displayName ?? "")）"))
        let signOut = "<form method=\"post\" action=\"/staff/sign-out\" class=\"sign-out\"><button type=\"submit\">退出登录</button></form>"
        return .header(.class("site"),
                       .a(.class("site-name"), .href("/"), .escaped(siteName)),
                       .nav(.attribute(named: "aria-label", value: "主导航"),
                            .ul(.group(links.map { link in .li(.a(.href(link.0), .escaped(link.1))) }))),
                       .if(viewer.displayName != nil, .raw(signOut)))
    }

    private static func breadcrumbs(_ crumbs: [Crumb]) -> Node<HTML.BodyContext> {
        .nav(.class("crumbs"), .attribute(named: "aria-label", value: "当前位置"),
             .ol(.group(crumbs.map { crumb in
                 .li(.unwrap(crumb.href, { .a(.href($0), .escaped(crumb.text)) },
                             else: .span(.attribute(named: "aria-current", value: "page"), .escaped(crumb.text))))
             })))
    }
}
