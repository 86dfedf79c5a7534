import Plot

extension Login.Model {
    var html: HTML {
        let l = context.language
        return Layout.page(
            l("Logga in", "Sign in"), context,
            .h1(.text(l("Logga in", "Sign in"))),
            .unwrap(message) { .p(.class("error"), .attribute(named: "role", value: "alert"), .id("login-message"), .text($0)) },
            .form(
                .class("stack"), .method(.post), .action(SiteURL.login.path),
                .csrf(context.csrfToken),
                .unwrap(next) { .input(.type(.hidden), .name("next"), .value($0.attributeEscaped)) },
                .field(l("E-postadress", "E-mail address"), name: "email", id: "email", type: .email, value: email,
                       required: true, autocomplete: "email"),
                .field(l("Lösenord", "Password"), name: "password", id: "password", type: .password, required: true,
                       autocomplete: "current-password"),
                .button(.type(.submit), .text(l("Logga in", "Sign in")))
            )
        )
    }
}
