import Plot

extension Password.Model {
    var html: HTML {
        let l = context.language
        return Layout.page(
            l("Byt lösenord", "Change password"), context,
            .h1(.text(l("Byt lösenord", "Change password"))),
            .if(changed, .p(.class("notice"), .attribute(named: "role", value: "status"),
                            .text(l("Lösenordet är bytt. Dina andra inloggningar är utloggade.",
                                    "The password is changed. Your other sign-ins are signed out and your API tokens revoked.")))),
            .if(revoked, .p(.class("notice"), .attribute(named: "role", value: "status"),
                            .text(l("Token är återkallad.", "The token is revoked.")))),
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
            ),
            .h2(.text(l("Dina API-token", "Your API tokens"))),
            .p(.text(l("Token för maskinklienter (POST /api/v1/auth/token). Ett lösenordsbyte återkallar alla.",
                       "Tokens for machine clients (POST /api/v1/auth/token). A password change revokes them all."))),
            tokens.isEmpty
                ? .p(.id("no-tokens"), .text(l("Du har inga giltiga token.", "You have no valid tokens.")))
                : .table(
                    .id("tokens"),
                    .thead(.tr(
                        .th(.text(l("Skapad", "Created"))), .th(.text(l("Gäller till", "Expires"))),
                        .th(.text(l("Senast använd", "Last used"))), .th(.text("")))),
                    .tbody(.forEach(tokens) { token in
                        .tr(
                            .td(.text(token.created)), .td(.text(token.expires)), .td(.text(token.lastUsed)),
                            .td(.form(
                                .method(.post), .action(token.revokeAction), .csrf(context.csrfToken),
                                .button(.type(.submit), .text(l("Återkalla", "Revoke"))))))
                    }))
        )
    }
}
