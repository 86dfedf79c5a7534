import Plot

extension AdminUsers.Model {
    var html: HTML {
        let l = context.language
        return Layout.page(
            l("Användare", "Users"), context,
            .h1(.text(l("Användare", "Users"))),
            .unwrap(notice) { .p(.class("notice"), .attribute(named: "role", value: "status"), .text($0)) },
            .div(
                .class("scroll"),
                .table(
                    .caption(.text(l("\(rows.count) användare", "\(rows.count) users"))),
                    .thead(.tr(
                        .th(.text(l("E-post", "E-mail"))), .th(.text(l("Namn", "Name"))),
                        .th(.text(l("Organisation", "Organisation"))), .th(.text(l("Roller", "Roles")))
                    )),
                    .tbody(.forEach(rows) { row in
                        .tr(
                            .td(.text(row.email)), .td(.text(row.name)), .td(.text(row.organisation ?? "–")),
                            .td(roles(row))
                        )
                    })
                )
            ),
            .h2(.id("create"), .text(l("Skapa användare", "Create a user"))),
            createForm
        )
    }

    private func roles(_ row: Row) -> Node<HTML.BodyContext> {
        let l = context.language
        let id = "grant-\(row.id.uuidString.lowercased())"
        return .group(
            .ul(.class("roles"), .forEach(row.roles) { role in
                .li(.form(
                    .class("inline"), .method(.post), .action(SiteURL.adminUserRoleRemoval(.value(row.id)).path),
                    .csrf(context.csrfToken),
                    .input(.type(.hidden), .name("grant"), .value(role.value.attributeEscaped)),
                    .span(.text(role.title)),
                    .button(
                        .type(.submit),
                        .attribute(named: "aria-label", value: l(
                            "Ta bort rollen \(role.title) från \(row.email)",
                            "Remove the role \(role.title) from \(row.email)").attributeEscaped),
                        .text(l("Ta bort", "Remove")))
                ))
            }),
            .form(
                .class("inline"), .method(.post), .action(SiteURL.adminUserRoles(.value(row.id)).path),
                .csrf(context.csrfToken),
                .choiceField(
                    l("Ny roll för \(row.email)", "New role for \(row.email)"), name: "grant", id: id,
                    choices: grantChoices, selected: nil, error: row.roleError),
                .button(.type(.submit), .text(l("Lägg till", "Add")))
            )
        )
    }

    private var createForm: Node<HTML.BodyContext> {
        let l = context.language
        let noPlatform = [(value: "", title: l("– ingen (sökande, administratör) –", "– none (applicant, administrator) –"))]
        return .form(
            .class("stack"), .method(.post), .action(SiteURL.adminUsers.path),
            .csrf(context.csrfToken),
            .field(l("E-post", "E-mail"), name: "email", id: "email", type: .email, value: form.email, required: true,
                   autocomplete: "off", error: form.errors["email"]),
            .field(l("Namn", "Name"), name: "name", id: "name", value: form.name, autocomplete: "off",
                   error: form.errors["name"]),
            .choiceField(l("Roll", "Role"), name: "role", id: "role", choices: roleChoices, selected: form.role,
                         error: form.errors["role"]),
            .choiceField(l("Plattform (för plattformsroller)", "Platform (for platform roles)"), name: "platform",
                         id: "platform", choices: noPlatform + platforms.map { ($0, $0) }, selected: form.platform,
                         error: form.errors["platform"]),
            .field(l("Organisationsnummer (för sökande)", "Organisationsnummer (for applicants)"), name: "organisation",
                   id: "organisation", value: form.organisation, error: form.errors["organisation"]),
            .field(l("Organisationens namn (om den är ny)", "The organisation's name (when it is new)"),
                   name: "organisation_name", id: "organisation_name", value: form.organisationName,
                   error: form.errors["organisation_name"]),
            .field(l("Första lösenord", "Initial password"), name: "password", id: "password", type: .password,
                   required: true, autocomplete: "new-password", error: form.errors["password"]),
            .button(.type(.submit), .text(l("Skapa användare", "Create user")))
        )
    }
}
