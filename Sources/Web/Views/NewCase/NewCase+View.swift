import Plot

extension NewCase.Model {
    var html: HTML {
        let l = context.language
        return Layout.page(
            l("Ny beställning", "New order"), context,
            .h1(.text(l("Ny beställning", "New order"))),
            .form(
                .class("stack"), .method(.post), .action(SiteURL.newCase.path),
                .csrf(context.csrfToken),
                .fieldset(
                    .element(named: "legend", nodes: [Node<HTML.BodyContext>.text(
                        l("Vilken plattform vill ni ansluta till?", "Which platform do you want to connect to?"))]),
                    .forEach(platforms.enumerated()) { index, platform in
                        .div(
                            .class("option"),
                            .input(.type(.radio), .name("platform"), .id("platform-\(platform.code)"),
                                   .value(platform.code), .checked(index == 0)),
                            .label(.for("platform-\(platform.code)"), .text(platform.title))
                        )
                    }
                ),
                .button(.type(.submit), .text(l("Skapa utkast", "Create draft")))
            )
        )
    }
}
