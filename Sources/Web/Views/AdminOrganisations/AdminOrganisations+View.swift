import Plot

extension AdminOrganisations.Model {
    var html: HTML {
        let l = context.language
        return Layout.page(
            l("Organisationer", "Organisations"), context,
            .h1(.text(l("Organisationer", "Organisations"))),
            .if(rows.isEmpty, .p(.text(l("Inga organisationer ännu.", "No organisations yet.")))),
            .if(!rows.isEmpty, .div(
                .class("scroll"),
                .table(
                    .caption(.text(l("\(rows.count) organisationer", "\(rows.count) organisations"))),
                    .thead(.tr(
                        .th(.text(l("Organisationsnummer", "Organisationsnummer"))), .th(.text(l("Namn", "Name"))),
                        .th(.text(l("Användare", "Users"))), .th(.text(l("Ärenden", "Cases")))
                    )),
                    .tbody(.forEach(rows) { row in
                        .tr(
                            .td(.text(row.organisationsnummer)), .td(.text(row.name)),
                            .td(.text(String(row.users))), .td(.text(String(row.cases)))
                        )
                    })
                )
            ))
        )
    }
}
