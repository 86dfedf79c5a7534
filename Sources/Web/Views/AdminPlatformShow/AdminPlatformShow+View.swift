import Plot

extension AdminPlatformShow.Model {
    var html: HTML {
        let l = context.language
        return Layout.page(
            l("Plattformen \(code)", "The platform \(code)"), context,
            .h1(.text(l("Plattformen \(code)", "The platform \(code)"))),
            .unwrap(notice) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
            .form(
                .class("stack"), .method(.post), .action(SiteURL.adminPlatform(.value(code)).path),
                .csrf(context.csrfToken),
                .input(.type(.hidden), .name("version"), .value(String(version))),
                .field(l("Namn", "Name"), name: "name", id: "name", value: name, required: true, error: errors["name"]),
                .field(l("Kontaktadress (e-post)", "Contact address (e-mail)"), name: "contact", id: "contact",
                       type: .email, value: contactEmail, error: errors["contact"]),
                .textField(l("Inställningar (JSON)", "Settings (JSON)"), name: "settings", id: "settings", value: settings,
                           rows: 8, error: errors["settings"]),
                .button(.type(.submit), .text(l("Spara", "Save")))
            ),
            .h2(.text(l("Historik", "History"))),
            history.isEmpty
                ? .p(.text(l("Inga ändringar ännu.", "No changes yet.")))
                : .ol(.id("history"), .forEach(history) { change in
                    .li(.text("\(change.time) – \(change.actor): \(change.what)"))
                })
        )
    }
}
