import Plot

extension Password.Model {
    var html: HTML {
        let l = context.language
        return Layout.page(
            l("Byt lösenord", "Change password"), context,
            .h1(.text(l("Byt lösenord", "Change password"))),
            .if(changed, .p(.class("notice"), .attribute(named: "role", value: "status"),
                            .text(l("Lösenordet är bytt. Dina andra inloggningar är utloggade.",
                                    "The password is changed. Your other sign-ins are signed out.")))),
            .if(!errors.isEmpty, .ul(.class("error"), .attribute(named: "role", value: "alert"),
                                      .forEach(errors) { .li(.text($0)) })),
            .form(
                .class("stack"), .method(.post), .action(SiteURL.password.path),
                .csrf(context.csrfToken),
                .field(l("Nuvarande lösenord", "Current password"), name: "current", id: "current", type: .password,
                       required: true, autocomplete: "current-password"),
                .field(l("Nytt lösenord", "New password"), name: "new", id: "new", type: .password, required: true,
                       autocomplete: "new-password"),
                .field(l("Nytt lösenord igen", "New password again"), name: "repeat", id: "repeat", type: .password,
                       required: true, autocomplete: "new-password"),
                .button(.type(.submit), .text(l("Byt lösenord", "Change password")))
            )
        )
    }
}
