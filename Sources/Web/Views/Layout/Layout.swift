import Domain
import Plot

/// The frame of every page: language, skip link, navigation, the language switch and sign-out.
enum Layout {
    /// A page that reloads itself every `refresh` seconds when given (a live view that needs no JavaScript).
    static func page(
        _ title: String, _ context: PageContext, refresh: Int? = nil, _ content: Node<HTML.BodyContext>...
    ) -> HTML {
        let l = context.language
        return HTML(
            .lang(l == .en ? .english : .swedish),
            .head(
                .encoding(.utf8),
                .viewport(.accordingToDevice),
                .title("\(title) – Anslut"),
                .unwrap(refresh) { .meta(.attribute(named: "http-equiv", value: "refresh"), .content(String($0))) },
                .stylesheet(SiteURL.stylesheet.path)
            ),
            .body(
                .a(.class("skip"), .href("#main"), .text(l("Hoppa till innehållet", "Skip to content"))),
                .header(
                    .class("top"),
                    .a(.class("brand"), .href(SiteURL.home.path), .text("Anslut")),
                    .if(context.user != nil, .nav(
                        .ariaLabel(l("Huvudmeny", "Main menu")),
                        .a(.href(SiteURL.cases.path), .text(l("Ärenden", "Cases"))),
                        .a(.href(SiteURL.queue.path), .text(l("Kö", "Queue"))),
                        .if(context.user?.isStaff == true, .a(.href(SiteURL.tasks.path), .text(l("Mina uppgifter", "My tasks")))),
                        .a(.href(SiteURL.password.path), .text(l("Byt lösenord", "Change password"))),
                        .if(context.user?.isAdmin == true, .a(.href(SiteURL.admin.path), .text(l("Administration", "Administration"))))
                    )),
                    languageSwitch(context),
                    .unwrap(context.user) { user in
                        .form(
                            .class("signout"), .method(.post), .action(SiteURL.logout.path),
                            .csrf(context.csrfToken),
                            .span(.class("who"), .text(
                                "\(user.email) (\(user.roles.map { $0.text(in: l) }.joined(separator: ", ")))")),
                            .button(.type(.submit), .text(l("Logga ut", "Sign out")))
                        )
                    }
                ),
                .main(.id("main"), .group(content))
            )
        )
    }

    private static func languageSwitch(_ context: PageContext) -> Node<HTML.BodyContext> {
        let other: Domain.Language = context.language == .en ? .sv : .en
        return .form(
            .class("language"), .method(.post), .action(SiteURL.language.path),
            .csrf(context.csrfToken),
            .input(.type(.hidden), .name("language"), .value(other.rawValue)),
            .input(.type(.hidden), .name("return"), .value(context.path.attributeEscaped)),
            .button(
                .type(.submit), .attribute(named: "lang", value: other.rawValue),
                .text(other == .en ? "In English" : "På svenska"))
        )
    }
}
